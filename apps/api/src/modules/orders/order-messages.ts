import { Injectable } from '@nestjs/common';
import { formatYuan } from '@cloudshelf/money';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { StoresService } from '../stores/stores.service';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import type { Order } from './entities/order.entity';
import { OrderLine } from './entities/order-line.entity';

/** 2026-11-24 10:34 in China time, the form of a template's time field. */
export function cstMinute(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The buyer's subscribe messages about an order, queued in the caller's transaction (sent by a job,
 * once per event, only with the buyer's consent). Template fields: see README "Subscribe messages".
 */
@Injectable()
export class OrderMessages {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly stores: StoresService,
  ) {}

  private async goods(m: EntityManager, orderId: string): Promise<string> {
    const lines = await m.getRepository(OrderLine).find({ where: { orderId }, order: { id: 'ASC' } });
    const first = lines[0]?.title ?? '商品';
    return lines.length > 1 ? `${first}等${lines.length}件` : first;
  }

  private page(order: Order): string {
    return `packages/order/detail/index?id=${order.id}`;
  }

  async paid(ctx: RequestContext, m: EntityManager, order: Order): Promise<void> {
    await this.subscriptions.queue(ctx, order.id, {
      userId: order.buyerId,
      kind: 'orderPaid',
      page: this.page(order),
      data: {
        character_string1: order.orderNo,
        amount2: formatYuan(order.payableFen, { symbol: true }),
        thing3: await this.goods(m, order.id),
        time4: cstMinute(order.paidAt ?? new Date()),
      },
    });
  }

  async shipped(ctx: RequestContext, m: EntityManager, order: Order): Promise<void> {
    await this.subscriptions.queue(ctx, order.id, {
      userId: order.buyerId,
      kind: 'orderShipped',
      page: this.page(order),
      data: {
        character_string1: order.orderNo,
        thing2: order.carrier ?? '快递',
        character_string3: order.trackingNo ?? '-',
        thing4: await this.goods(m, order.id),
      },
    });
  }

  async pickupReady(ctx: RequestContext, m: EntityManager, order: Order): Promise<void> {
    const store = order.storeId ? await this.stores.load(ctx, order.storeId).catch(() => null) : null;
    await this.subscriptions.queue(ctx, order.id, {
      userId: order.buyerId,
      kind: 'pickupReady',
      page: this.page(order),
      data: {
        character_string1: order.orderNo,
        thing2: store?.name ?? '门店',
        character_string3: order.pickupCode ?? '-',
        thing4: await this.goods(m, order.id),
      },
    });
  }

  /** One message per refunded after-sale. */
  async refundDone(
    ctx: RequestContext,
    m: EntityManager,
    order: Order,
    afterSaleId: string,
    amountFen: number,
  ): Promise<void> {
    await this.subscriptions.queue(ctx, afterSaleId, {
      userId: order.buyerId,
      kind: 'refundDone',
      page: this.page(order),
      data: {
        character_string1: order.orderNo,
        amount2: formatYuan(amountFen, { symbol: true }),
        thing3: await this.goods(m, order.id),
      },
    });
  }
}
