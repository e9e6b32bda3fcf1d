import { Injectable } from '@nestjs/common';
import { In, type FindOptionsWhere, Between, MoreThanOrEqual, LessThan, Raw } from 'typeorm';
import { storeFilter, inStoreScope } from '../../common/auth/store-scope';
import { type Page, findPage, emptyPage, queryPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { PaymentsService, type PrepayResult } from '../payments/payments.service';
import { UsersService } from '../identity/users.service';
import { Clock } from '../../common/clock';
import { MemberPhones } from '../../common/crypto/member-phones';
import { Order, type OrderChannel, type OrderStatus } from './entities/order.entity';
import { OrderEvent } from './entities/order-event.entity';
import { OrderLine } from './entities/order-line.entity';
import type { RewardOrder, RewardOrderSource } from './orders.ports';
import { OrderErrors } from './orders.errors';

export interface OrderView {
  order: Order;
  lines: OrderLine[];
  history?: OrderEvent[];
}

export interface AdminOrderQuery {
  status?: OrderStatus;
  storeId?: string;
  resellerId?: string;
  mode?: string;
  channel?: OrderChannel;
  buyerId?: string;
  from?: string;
  to?: string;
  keyword?: string;
  page?: number;
  pageSize?: number;
}

/** Reading orders (buyer and admin), paying them, and the rewards module's view of lines. */
export const STORE_QUEUES = ['awaiting_pickup', 'taken_today', 'to_ship'] as const;
export type StoreQueue = (typeof STORE_QUEUES)[number];

@Injectable()
export class OrderQueryService implements RewardOrderSource {
  constructor(
    private readonly tx: TransactionService,
    private readonly payments: PaymentsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly phones: MemberPhones,
  ) {}

  private async withLines(ctx: RequestContext, orders: Order[]): Promise<OrderView[]> {
    if (!orders.length) return [];
    const lines = await this.tx
      .repo(ctx, OrderLine)
      .find({ where: { orderId: In(orders.map((o) => o.id)) } });
    return orders.map((order) => ({ order, lines: lines.filter((l) => l.orderId === order.id) }));
  }

  /** A buyer's own order; another's is 404. An unpaid one asks WeChat first (no notification yet?). */
  async getForBuyer(ctx: RequestContext, buyerId: string, id: string): Promise<OrderView> {
    let order = await this.tx.repo(ctx, Order).findOneBy({ id, buyerId });
    if (!order) throw OrderErrors.ORDER_NOT_FOUND();
    if (order.status === 'PENDING_PAYMENT') {
      await this.payments.syncOrder(ctx, id);
      order = await this.tx.repo(ctx, Order).findOneByOrFail({ id });
    }
    return (await this.withLines(ctx, [order]))[0];
  }

  /**
   * The pickup code of the buyer's own order while it awaits pickup; anything else
   * (another's order, not yet paid, already picked up) is 404, so the QR never
   * outlives the pickup.
   */
  async pickupCodeForBuyer(ctx: RequestContext, buyerId: string, id: string): Promise<string> {
    const order = await this.tx.repo(ctx, Order).findOneBy({ id, buyerId, status: 'AWAITING_PICKUP' });
    if (!order?.pickupCode) throw OrderErrors.ORDER_NOT_FOUND();
    return order.pickupCode;
  }

  async listForBuyer(
    ctx: RequestContext,
    buyerId: string,
    q: { status?: OrderStatus; page?: number; pageSize?: number },
  ): Promise<Page<OrderView>> {
    const where: FindOptionsWhere<Order> = { buyerId };
    if (q.status) where.status = q.status;
    return findPage(this.tx.repo(ctx, Order), q, { where, order: { createdAt: 'DESC', id: 'ASC' } }, (rows) =>
      this.withLines(ctx, rows),
    );
  }

  /** Orders for the admin; a store manager sees only their stores' orders. */
  async adminList(ctx: RequestContext, q: AdminOrderQuery): Promise<Page<OrderView>> {
    const where: FindOptionsWhere<Order> = {};
    const stores = storeFilter(ctx, q.storeId);
    if (stores?.length === 0) return emptyPage(q);
    if (q.status) where.status = q.status;
    if (stores) where.storeId = In(stores);
    if (q.resellerId) where.resellerId = q.resellerId;
    if (q.mode) where.mode = q.mode as Order['mode'];
    if (q.channel) where.channel = q.channel;
    if (q.buyerId) where.buyerId = q.buyerId;
    if (q.from && q.to) where.createdAt = Between(new Date(q.from), new Date(q.to));
    else if (q.from) where.createdAt = MoreThanOrEqual(new Date(q.from));
    else if (q.to) where.createdAt = LessThan(new Date(q.to));
    const keyword = q.keyword?.trim();
    if (keyword) {
      // The buyer by nickname (LIKE's own wildcards match themselves) or whole phone number
      // (phones are encrypted: matched by their keyed hash), or the order number.
      const like = `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const byOrderNo = /^OD\d+$/i.test(keyword);
      if (byOrderNo) where.orderNo = keyword.toUpperCase();
      else
        where.buyerId = Raw(
          (col) =>
            `${col} IN (SELECT u.id FROM users u WHERE u.nickname ILIKE :like OR u.phone_hash = :phoneHash)${q.buyerId ? ` AND ${col} = :buyerId` : ''}`,
          { like, phoneHash: this.phones.hash(keyword), buyerId: q.buyerId },
        );
    }
    return findPage(this.tx.repo(ctx, Order), q, { where, order: { createdAt: 'DESC', id: 'ASC' } }, (rows) =>
      this.withLines(ctx, rows),
    );
  }

  /**
   * A store's work queue for its staff: paid pickup orders waiting at the counter, take-away and
   * picked-up orders completed today (China time), or express orders paid and not yet shipped.
   * The caller has checked the staff member's store.
   */
  async storeQueue(
    ctx: RequestContext,
    storeId: string,
    queue: StoreQueue,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<OrderView>> {
    const qb = this.tx.repo(ctx, Order).createQueryBuilder('o').where('o.store_id = :storeId', { storeId });
    if (queue === 'awaiting_pickup') qb.andWhere(`o.status = 'AWAITING_PICKUP'`);
    else if (queue === 'to_ship') qb.andWhere(`o.status = 'PAID' AND o.mode = 'express'`);
    else
      qb.andWhere(`o.status = 'COMPLETED' AND o.mode IN ('take_away', 'pickup')`).andWhere(
        `o.completed_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`,
      );
    if (queue === 'taken_today') qb.orderBy('o.completedAt', 'DESC');
    else qb.orderBy('o.paidAt', 'ASC');
    return queryPage(qb.addOrderBy('o.id'), q, (rows) => this.withLines(ctx, rows));
  }

  /** One order for the admin; another store's order is 404 for a store manager. */
  async adminGet(ctx: RequestContext, id: string): Promise<OrderView> {
    const order = await this.tx.repo(ctx, Order).findOneBy({ id });
    if (!order || !inStoreScope(ctx, order.storeId)) throw OrderErrors.ORDER_NOT_FOUND();
    const [view] = await this.withLines(ctx, [order]);
    view.history = await this.tx
      .repo(ctx, OrderEvent)
      .find({ where: { orderId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return view;
  }

  /** wx.requestPayment parameters for the buyer's unpaid order (a repeat re-issues the same trade). */
  async pay(ctx: RequestContext, buyerId: string, id: string): Promise<PrepayResult> {
    const order = await this.tx.repo(ctx, Order).findOneBy({ id, buyerId });
    if (!order) throw OrderErrors.ORDER_NOT_FOUND();
    if (order.status !== 'PENDING_PAYMENT') throw OrderErrors.ORDER_STATE_INVALID({ status: order.status });
    if (order.payDeadline && order.payDeadline <= this.clock.now()) throw OrderErrors.ORDER_PAY_EXPIRED();
    const payee = await this.users.payee(ctx, buyerId);
    if (!payee?.active) throw OrderErrors.ORDER_NOT_FOUND();
    const [first] = await this.tx.repo(ctx, OrderLine).find({ where: { orderId: id }, take: 1 });
    return this.payments.prepay(ctx, {
      orderId: id,
      amountFen: order.payableFen,
      openid: payee.openid,
      description: `云货架-${first?.title ?? order.orderNo}`,
      expiresAt: order.payDeadline ?? new Date(this.clock.now().getTime() + 30 * 60_000),
    });
  }

  async rewardOrder(ctx: RequestContext, orderId: string): Promise<RewardOrder | null> {
    const order = await this.tx.repo(ctx, Order).findOneBy({ id: orderId });
    if (!order) return null;
    const lines = await this.tx.repo(ctx, OrderLine).find({ where: { orderId }, order: { id: 'ASC' } });
    return {
      orderId,
      buyerId: order.buyerId,
      paidAt: order.paidAt,
      completedAt: order.completedAt,
      lines: lines.map((l) => ({ lineId: l.id, paidFen: l.paidFen, attribution: l.attribution })),
    };
  }
}
