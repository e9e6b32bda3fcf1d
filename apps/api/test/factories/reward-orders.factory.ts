import { Global, Injectable, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../src/common/request-context';
import {
  REWARD_ORDER_SOURCE,
  type RewardLine,
  type RewardOrder,
  type LineAttribution,
  type RewardOrderSource,
} from '../../src/modules/orders/orders.ports';

/**
 * Stands in for the orders module in rewards tests: orders with frozen line
 * attributions, as the orders module hands them to rewards through REWARD_ORDER_SOURCE.
 */
@Injectable()
export class TestRewardOrders implements RewardOrderSource {
  readonly orders = new Map<string, RewardOrder>();

  add(buyerId: string, lines: { paidFen: number; attribution: Partial<LineAttribution> }[]): RewardOrder {
    const order: RewardOrder = {
      orderId: randomUUID(),
      buyerId,
      paidAt: new Date(),
      completedAt: null,
      lines: lines.map((l): RewardLine => ({
        lineId: randomUUID(),
        paidFen: l.paidFen,
        attribution: {
          buyerId,
          storeId: null,
          storeRateBp: 500,
          agentId: null,
          agentRateBp: 100,
          resellerId: null,
          l1RateBp: 1000,
          uplineId: null,
          l2RateBp: 300,
          selfPurchaseCommission: false,
          ...l.attribution,
        },
      })),
    };
    this.orders.set(order.orderId, order);
    return order;
  }

  async rewardOrder(_ctx: RequestContext, orderId: string) {
    return this.orders.get(orderId) ?? null;
  }
}

@Global()
@Module({
  providers: [TestRewardOrders, { provide: REWARD_ORDER_SOURCE, useExisting: TestRewardOrders }],
  exports: [TestRewardOrders, REWARD_ORDER_SOURCE],
})
export class TestRewardOrdersModule {}
