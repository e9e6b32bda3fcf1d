import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { RewardQueryService } from './reward-query.service';
import { RewardsController } from './rewards.controller';
import { RewardsService } from './rewards.service';
import { RewardsWorker } from './rewards.worker';

/**
 * Cloud-store rewards, agent overrides and two-level reseller commissions (SPEC §7).
 * Reads orders through REWARD_ORDER_SOURCE and earners through EARNER_DIRECTORY.
 */
@Module({
  imports: [LedgerModule],
  controllers: [RewardsController],
  providers: [RewardsService, RewardQueryService, RewardsWorker],
  exports: [RewardsService, RewardQueryService],
})
export class RewardsModule {}
