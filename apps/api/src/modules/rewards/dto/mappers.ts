import type { Reward } from '../entities/reward.entity';
import { RewardDto } from './reward.dto';

/** Response mappers of the module: entity or view in, DTO out (the one home for them). */
export function toRewardDto(r: Reward): RewardDto {
  return {
    id: r.id,
    orderId: r.orderId,
    lineId: r.lineId,
    kind: r.kind,
    earnerType: r.earnerType,
    earnerId: r.earnerId,
    baseFen: r.baseFen,
    rateBp: r.rateBp,
    amountFen: r.amountFen,
    clawedFen: r.clawedFen,
    status: r.status,
    createdAt: new Date(r.createdAt).toISOString(),
    settledAt: r.settledAt ? new Date(r.settledAt).toISOString() : null,
  };
}
