import { applyBp } from '@cloudshelf/money';
import type { EarnerType } from '../ledger/entities/ledger-account.entity';
import type { LineAttribution } from '../orders/orders.ports';

export type RewardKind = 'store' | 'agent' | 'l1' | 'l2' | 'guide';

export interface RewardShare {
  kind: RewardKind;
  earnerType: EarnerType;
  earnerId: string;
  rateBp: number;
  amountFen: number;
}

/**
 * The rewards of one line, each `paidFen × rate` rounded down (SPEC §7):
 * - store reward to the attributed store, agent override to that store's agent;
 * - L1 to the attributed reseller, L2 to their upline — never deeper (WeChat forbids
 *   more than two distribution levels);
 * - a reseller buying for themself earns L1 only with `selfPurchaseCommission` on; their
 *   upline still earns L2 (the upline did bring them in). Nobody else is paid for their
 *   own purchase. Zero amounts are left out;
 * - a shopping guide (导购) to the store's staff member whose staff link brought the buyer, in
 *   place of the reseller commission (the attribution never holds both), never for their own purchase.
 */
export function splitLine(paidFen: number, a: LineAttribution): RewardShare[] {
  const shares: RewardShare[] = [];
  const add = (kind: RewardKind, earnerType: EarnerType, earnerId: string | null, rateBp: number) => {
    if (!earnerId) return;
    const amountFen = applyBp(paidFen, rateBp);
    if (amountFen > 0) shares.push({ kind, earnerType, earnerId, rateBp, amountFen });
  };
  add('store', 'store', a.storeId, a.storeRateBp);
  if (a.storeId && a.agentId !== a.buyerId) add('agent', 'agent', a.agentId, a.agentRateBp);
  const selfPurchase = a.resellerId !== null && a.resellerId === a.buyerId;
  if (!selfPurchase || a.selfPurchaseCommission) add('l1', 'reseller', a.resellerId, a.l1RateBp);
  if (a.resellerId && a.uplineId !== a.buyerId && a.uplineId !== a.resellerId)
    add('l2', 'reseller', a.uplineId, a.l2RateBp);
  if (a.guideId && a.guideId !== a.buyerId) add('guide', 'guide', a.guideId, a.guideRateBp ?? 0);
  return shares;
}

/**
 * How much of a reward a refund takes back. Proportions are taken on the line's refunds
 * so far (`refundedBeforeFen` + this refund), rounded down, less what was already taken:
 * partial refunds never add up to more than the reward, and a line refunded in full
 * takes back the reward in full.
 */
export function clawbackFen(
  rewardFen: number,
  alreadyClawedFen: number,
  linePaidFen: number,
  refundedBeforeFen: number,
  refundedNowFen: number,
): number {
  if (linePaidFen <= 0 || refundedNowFen <= 0) return 0;
  const refunded = Math.min(refundedBeforeFen + refundedNowFen, linePaidFen);
  const target = Number((BigInt(rewardFen) * BigInt(refunded)) / BigInt(linePaidFen));
  return Math.max(0, Math.min(target - alreadyClawedFen, rewardFen - alreadyClawedFen));
}
