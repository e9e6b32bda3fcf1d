import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { MemberPhones } from './crypto/member-phones';
import { IdempotencyService } from './idempotency/idempotency.service';
import { TransactionService } from './transaction.service';

/** Mechanisms every module uses: transactions, idempotent writes, the clock and
 * members' encrypted phone numbers. */
@Global()
@Module({
  providers: [TransactionService, IdempotencyService, Clock, MemberPhones],
  exports: [TransactionService, IdempotencyService, Clock, MemberPhones],
})
export class CommonModule {}
