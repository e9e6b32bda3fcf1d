import { Global, Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { TRANSFER_LISTENER } from '../payments/payments.ports';
import { ReferralModule } from '../referral/referral.module';
import { StoresModule } from '../stores/stores.module';
import { EARNER_DIRECTORY, WITHDRAWAL_RULES } from './withdrawals.ports';
import { EarnerDirectoryService } from './earner-directory.service';
import { RealNameController } from './real-name.controller';
import { RealNameService } from './real-name.service';
import { TransfersService } from './transfers.service';
import { WithdrawalQueryService } from './withdrawal-query.service';
import { WithdrawalsAdminController } from './withdrawals-admin.controller';
import { WithdrawalsAppController } from './withdrawals-app.controller';
import { WithdrawalsService } from './withdrawals.service';
import { WithdrawalsWorker } from './withdrawals.worker';

/** Withdrawals and payouts; provides TRANSFER_LISTENER to the payments module's notify endpoint. */
@Global()
@Module({
  imports: [LedgerModule, ReferralModule, StoresModule],
  controllers: [WithdrawalsAppController, WithdrawalsAdminController, RealNameController],
  providers: [
    WithdrawalsService,
    WithdrawalQueryService,
    TransfersService,
    RealNameService,
    WithdrawalsWorker,
    EarnerDirectoryService,
    { provide: EARNER_DIRECTORY, useExisting: EarnerDirectoryService },
    { provide: WITHDRAWAL_RULES, useExisting: EarnerDirectoryService },
    { provide: TRANSFER_LISTENER, useExisting: TransfersService },
  ],
  exports: [WithdrawalsService, WithdrawalQueryService, TRANSFER_LISTENER, EARNER_DIRECTORY],
})
export class WithdrawalsModule {}
