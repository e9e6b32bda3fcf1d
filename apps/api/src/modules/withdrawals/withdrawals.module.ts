import { Global, Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { TRANSFER_LISTENER } from '../payments/payment-listener';
import { TransfersService } from './transfers.service';
import { WithdrawalQueryService } from './withdrawal-query.service';
import { WithdrawalsAdminController } from './withdrawals-admin.controller';
import { WithdrawalsAppController } from './withdrawals-app.controller';
import { WithdrawalsService } from './withdrawals.service';
import { WithdrawalsWorker } from './withdrawals.worker';

/**
 * Withdrawals and payouts. Needs EARNER_DIRECTORY and WITHDRAWAL_RULES from the
 * modules that know earners and settings; provides TRANSFER_LISTENER to payments.
 */
@Global()
@Module({
  imports: [LedgerModule],
  controllers: [WithdrawalsAppController, WithdrawalsAdminController],
  providers: [
    WithdrawalsService,
    WithdrawalQueryService,
    TransfersService,
    WithdrawalsWorker,
    { provide: TRANSFER_LISTENER, useExisting: TransfersService },
  ],
  exports: [WithdrawalsService, WithdrawalQueryService, TRANSFER_LISTENER],
})
export class WithdrawalsModule {}
