import type { RequestContext } from '../../common/request-context';
import { defineJob } from '../../jobs/job';

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

/**
 * A sales fact for the analytics read model, sent in the same transaction as the fact:
 * an online order paid, a till sale recorded, an after-sale refunded. Worked by the
 * analytics module (its own queue, so rewards and analytics never share jobs).
 */
export const orderFactJob = defineJob<
  | { kind: 'paid'; orderId: string }
  | { kind: 'offline'; orderId: string }
  | { kind: 'refund'; afterSaleId: string }
>('orders.facts', { retryLimit: 10, retryDelaySeconds: 30 });

/**
 * The attribution snapshot the orders module writes on each line at checkout; it owns
 * the type, and the rewards module reads it through REWARD_ORDER_SOURCE.
 */
export interface LineAttribution {
  buyerId: string;
  storeId: string | null;
  storeRateBp: number;
  /** The store's channel agent (代理商), when the store has one. */
  agentId: string | null;
  agentRateBp: number;
  /** The reseller credited with the sale (share in this checkout, else the referrer binding). */
  resellerId: string | null;
  l1RateBp: number;
  /** The reseller's upline: who referred them when they became a reseller. */
  uplineId: string | null;
  l2RateBp: number;
  selfPurchaseCommission: boolean;
  /**
   * The shopping guide (导购) credited instead of a reseller: a staff member of `storeId` whose
   * staff link brought the buyer. When set, `resellerId` and `uplineId` are null. Absent on
   * lines written before guides existed.
   */
  guideId?: string | null;
  guideRateBp?: number;
}

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
