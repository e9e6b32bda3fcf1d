import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { applyTransition, recordHistory, type HistoryTarget } from '../../common/state-machine';
import { Reward, rewardMachine, type RewardStatus } from './entities/reward.entity';
import { RewardEvent } from './entities/reward-event.entity';

const history = (rewardId: string, systemActor: string): HistoryTarget => ({
  target: RewardEvent,
  subject: { rewardId },
  systemActor,
});

/**
 * The only way a reward's status changes: PENDING → AVAILABLE (settlement) or
 * CANCELLED (refunds took all of it back before settlement), written to reward_event.
 */
export function transitionReward(
  ctx: RequestContext,
  manager: EntityManager,
  reward: Reward,
  to: RewardStatus,
  source: string,
  reason: string,
  changes: Partial<Reward> = {},
): Promise<void> {
  return applyTransition(
    ctx,
    manager,
    rewardMachine,
    Reward,
    reward,
    to,
    reason,
    changes,
    history(reward.id, source),
  );
}

/** The first history row of a reward (accrued PENDING on payment). */
export function recordRewardAccrued(
  ctx: RequestContext,
  manager: EntityManager,
  rewardId: string,
  reason: string,
): Promise<void> {
  return recordHistory(ctx, manager, history(rewardId, 'accrue'), null, 'PENDING', reason);
}
