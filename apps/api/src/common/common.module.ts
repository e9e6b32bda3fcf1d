import { Global, Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency/idempotency.service';
import { TransactionService } from './transaction.service';

/** Mechanisms every module uses: transactions and idempotent writes. */
@Global()
@Module({
  providers: [TransactionService, IdempotencyService],
  exports: [TransactionService, IdempotencyService],
})
export class CommonModule {}
