import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { IdempotencyService } from './idempotency/idempotency.service';
import { TransactionService } from './transaction.service';

/** Mechanisms every module uses: transactions, idempotent writes and the clock. */
@Global()
@Module({
  providers: [TransactionService, IdempotencyService, Clock],
  exports: [TransactionService, IdempotencyService, Clock],
})
export class CommonModule {}
