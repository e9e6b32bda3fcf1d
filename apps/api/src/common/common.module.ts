import { Global, Module } from '@nestjs/common';
import { CacheBus } from './cache-bus';
import { Clock } from './clock';
import { MemberPhones } from './crypto/member-phones';
import { IdempotencyService } from './idempotency/idempotency.service';
import { TransactionService } from './transaction.service';

/**
 * Mechanisms every module uses: transactions, idempotent writes, the clock, cache
 * invalidation and members' encrypted phone numbers.
 */
@Global()
@Module({
  providers: [TransactionService, IdempotencyService, Clock, CacheBus, MemberPhones],
  exports: [TransactionService, IdempotencyService, Clock, CacheBus, MemberPhones],
})
export class CommonModule {}
