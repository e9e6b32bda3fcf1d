import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RewardQueryService } from './reward-query.service';
import { RewardsAdminController } from './rewards-admin.controller';
import { RewardsAppController } from './rewards-app.controller';
import { RewardsService } from './rewards.service';
import { RewardsWorker } from './rewards.worker';
import './rewards.errors'; // registers the reward error codes (the OpenAPI ErrorCode enum lists them)

/**
 * Cloud-store rewards, agent overrides and two-level reseller commissions (SPEC §7).
 * Reads orders through REWARD_ORDER_SOURCE and earners through EARNER_DIRECTORY.
 */
@Module({
  imports: [LedgerModule, SubscriptionsModule],
  controllers: [RewardsAppController, RewardsAdminController],
  providers: [RewardsService, RewardQueryService, RewardsWorker],
  exports: [RewardsService, RewardQueryService],
})
export class RewardsModule {}
