import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import { Clock } from '../../../common/clock';
import { JobsService } from '../../../jobs/jobs.service';
import { AuditService } from '../../audit/audit.service';
import { CatalogStockService } from '../../catalog/catalog-stock.service';
import { PaymentsService } from '../../payments/payments.service';
import { SettingsService } from '../../settings/settings.service';
import { StoreStockService } from '../../stores/store-stock.service';
import { StoresService } from '../../stores/stores.service';
import { Order } from '../entities/order.entity';
import { OrderLine } from '../entities/order-line.entity';
import { OrderPaymentListener } from '../order-payment.listener';
import { lockOrder, transitionOrder } from '../order-state';
import { orderAutoReceiveJob } from '../orders.jobs';
import { OrderErrors } from '../orders.errors';
import { pickupCodeOf } from './pickup-code';
import { OrderStock } from '../checkout/stock';
import { ShippingInfoQueue } from '../shipping-info/shipping-info.job';
import { OrderMessages } from '../order-messages';
import { ORDER_DISCOUNTS, type DiscountProvider } from '../checkout/discounts.ports';

export interface ShipInput {
  carrier: string;
  trackingNo: string;
}

/** What happens to an order after creation: cancel/timeout, ship, receive, pickup. */
@Injectable()
export class FulfilmentService {
  private readonly stock: OrderStock;

  constructor(
    private readonly tx: TransactionService,
    private readonly payments: PaymentsService,
    private readonly jobs: JobsService,
    private readonly settings: SettingsService,
    private readonly stores: StoresService,
    private readonly audit: AuditService,
    private readonly completion: OrderPaymentListener,
    private readonly clock: Clock,
    private readonly shippingInfo: ShippingInfoQueue,
    private readonly messages: OrderMessages,
    platformStock: CatalogStockService,
    storeStock: StoreStockService,
    @Optional() @Inject(ORDER_DISCOUNTS) private readonly discounts: DiscountProvider[] = [],
  ) {
    this.stock = new OrderStock(platformStock, storeStock);
  }

  /**
   * Cancels an unpaid order (buyer, or the payment timeout). WeChat's order is closed
   * first: if WeChat says it was paid meanwhile, the payment is taken (the order is PAID)
   * and 'paid' is answered instead. Otherwise → CANCELLED and the stock goes back.
   * A payment that still arrives later is refunded (OrderPaymentListener).
   */
  async cancelUnpaid(
    ctx: RequestContext,
    orderId: string,
    reason: string,
  ): Promise<'cancelled' | 'paid' | 'noop'> {
    const order = await this.tx.repo(ctx, Order).findOneBy({ id: orderId });
    if (!order) throw OrderErrors.ORDER_NOT_FOUND();
    if (order.status !== 'PENDING_PAYMENT') return order.status === 'CANCELLED' ? 'noop' : 'paid';
    if ((await this.payments.closeOpen(ctx, orderId, reason)) === 'paid') return 'paid';
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const locked = await lockOrder(m, orderId);
      if (locked.status !== 'PENDING_PAYMENT') return locked.status === 'CANCELLED' ? 'noop' : 'paid';
      await transitionOrder(c, m, locked, 'CANCELLED', reason, {
        cancelledAt: this.clock.now(),
        cancelReason: reason.slice(0, 200),
      });
      const lines = await m.getRepository(OrderLine).findBy({ orderId });
      await this.stock.release(c, locked, lines, 'order_release');
      for (const d of this.discounts ?? []) await d.onOrderCancelled?.(c, orderId);
      return 'cancelled';
    });
  }

  /** The payment-timeout job (sent at creation, due at the pay deadline): cancel unless paid. */
  async payTimeout(ctx: RequestContext, orderId: string): Promise<'cancelled' | 'paid' | 'noop'> {
    return this.cancelUnpaid(ctx, orderId, 'payment timeout');
  }

  /** Admin: carrier and tracking number for an express order (PAID → SHIPPED). */
  async ship(ctx: RequestContext, orderId: string, input: ShipInput): Promise<Order> {
    const settings = await this.settings.get(ctx);
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const order = await lockOrder(m, orderId);
      const open: { n: number }[] = await m.query(
        `SELECT count(*)::int AS n FROM order_line WHERE order_id = $1 AND after_sale_qty < qty`,
        [orderId],
      );
      // Nothing left to send once every unit is in an after-sale (refunded before shipping).
      if (!open[0].n) throw OrderErrors.ORDER_STATE_INVALID({ reason: 'every line is refunded' });
      const before = { status: order.status };
      await transitionOrder(c, m, order, 'SHIPPED', `shipped ${input.carrier} ${input.trackingNo}`, {
        carrier: input.carrier,
        trackingNo: input.trackingNo,
        shippedAt: this.clock.now(),
      });
      await this.jobs.send(
        c,
        orderAutoReceiveJob,
        { orderId },
        { startAfterSeconds: settings.autoReceiveDays * 86_400, idempotencyKey: `receive:${orderId}` },
      );
      await this.shippingInfo.queue(c, orderId);
      await this.messages.shipped(c, m, order);
      await this.audit.record(c, {
        action: 'order.ship',
        entityType: 'order',
        entityId: orderId,
        before,
        after: { status: order.status, carrier: input.carrier, trackingNo: input.trackingNo },
      });
      return order;
    });
  }

  /** Admin bulk entry: by order number, each row on its own. */
  async shipMany(
    ctx: RequestContext,
    rows: { orderNo: string; carrier: string; trackingNo: string }[],
  ): Promise<{ shipped: string[]; failed: Record<string, string> }> {
    const out = { shipped: [] as string[], failed: {} as Record<string, string> };
    for (const r of rows) {
      const order = await this.tx.repo(ctx, Order).findOneBy({ orderNo: r.orderNo });
      try {
        if (!order) throw OrderErrors.ORDER_NOT_FOUND();
        await this.ship(ctx, order.id, r);
        out.shipped.push(r.orderNo);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (!code) throw err;
        out.failed[r.orderNo] = code;
      }
    }
    return out;
  }

  /** The buyer confirms receipt, or the auto-receive job does (SHIPPED → COMPLETED). */
  async receive(
    ctx: RequestContext,
    orderId: string,
    buyerId: string | null,
    reason: string,
  ): Promise<'done' | 'noop'> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const order = await lockOrder(m, orderId);
      if (buyerId && order.buyerId !== buyerId) throw OrderErrors.ORDER_NOT_FOUND();
      if (!buyerId && order.status !== 'SHIPPED') return 'noop'; // job: already received
      await this.completion.complete(c, m, order, reason);
      return 'done';
    });
  }

  /**
   * Store staff verify a pickup code, typed in or scanned from the buyer's QR (either
   * the 6 digits or the QR payload): only staff of the order's store (others see 404).
   */
  async verifyPickup(ctx: RequestContext, staffUserId: string, input: string): Promise<Order> {
    const code = pickupCodeOf(input);
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const found = await m.getRepository(Order).findOneBy({ pickupCode: code, status: 'AWAITING_PICKUP' });
      if (!found || !found.storeId) throw OrderErrors.ORDER_PICKUP_CODE_INVALID();
      await this.stores.assertStaff(c, found.storeId, staffUserId).catch(() => {
        throw OrderErrors.ORDER_PICKUP_CODE_INVALID();
      });
      const order = await lockOrder(m, found.id);
      if (order.status !== 'AWAITING_PICKUP') throw OrderErrors.ORDER_PICKUP_CODE_INVALID();
      await this.completion.complete(c, m, order, `picked up; verified by ${staffUserId}`);
      return order;
    });
  }
}
