import { Global, Module } from '@nestjs/common';
import { CacheBus } from './cache-bus';
import { Clock } from './clock';
import { IdempotencyService } from './idempotency/idempotency.service';
import { TransactionService } from './transaction.service';

/** Mechanisms every module uses: transactions, idempotent writes, the clock and cache invalidation. */
@Global()
@Module({
  providers: [TransactionService, IdempotencyService, Clock, CacheBus],
  exports: [TransactionService, IdempotencyService, Clock, CacheBus],
})
export class CommonModule {}
