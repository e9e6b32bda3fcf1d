import type { RequestContext } from '../../common/request-context';
import { defineJob } from '../../jobs/job';
import type { LineAttribution } from '../rewards/reward-split';

/**
 * What the orders module tells the rest after commit (STYLE rule 4): jobs sent in the
 * same transaction as the order's change, idempotent on their key (`<event>:<orderId>`
 * or `<event>:<refundId>`). The rewards module works these queues.
 */
export const orderPaidJob = defineJob<{ orderId: string }>('orders.paid', {
  retryLimit: 10,
  retryDelaySeconds: 30,
});

export const orderCompletedJob = defineJob<{ orderId: string; completedAt: string }>('orders.completed', {
  retryLimit: 10,
  retryDelaySeconds: 30,
});

/** A successful refund of part of one line (after-sales, or an automatic refund). */
export const orderLineRefundedJob = defineJob<{
  orderId: string;
  lineId: string;
  refundId: string;
  refundedFen: number;
}>('orders.line-refunded', { retryLimit: 10, retryDelaySeconds: 30 });

/** One order line as the rewards module sees it: what was paid for goods and the frozen attribution. */
export interface RewardLine {
  lineId: string;
  /** The line's share of what the customer paid for goods (after discounts, without shipping). */
  paidFen: number;
  attribution: LineAttribution;
}

export interface RewardOrder {
  orderId: string;
  buyerId: string;
  paidAt: Date | null;
  completedAt: Date | null;
  lines: RewardLine[];
}

/** Provided by the orders module under REWARD_ORDER_SOURCE (global export). */
export interface RewardOrderSource {
  rewardOrder(ctx: RequestContext, orderId: string): Promise<RewardOrder | null>;
}

export const REWARD_ORDER_SOURCE = Symbol('REWARD_ORDER_SOURCE');
