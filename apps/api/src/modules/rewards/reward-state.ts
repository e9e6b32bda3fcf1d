import { StateKeeper } from '../../common/state-machine';
import { Reward, rewardMachine, type RewardStatus } from './entities/reward.entity';
import { RewardEvent } from './entities/reward-event.entity';

/**
 * The only way a reward's status changes: PENDING (accrued) → AVAILABLE (settled) or
 * CANCELLED (refunds took all of it back before settlement), written to reward_event.
 */
export const rewardState = new StateKeeper<RewardStatus, Reward>(
  rewardMachine,
  Reward,
  RewardEvent,
  'rewardId',
);
