import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { JobsService } from '../../jobs/jobs.service';
import { CatalogStockService } from '../catalog/catalog-stock.service';
import { ProductService } from '../catalog/product.service';
import type { PaidEvent, PaymentListener, RefundedEvent } from '../payments/payments.ports';
import { StoreStockService } from '../stores/store-stock.service';
import { AfterSale } from './after-sales/after-sale.entity';
import { afterSaleState } from './after-sales/after-sale-state';
import { Order, orderMachine } from './entities/order.entity';
import { OrderLine } from './entities/order-line.entity';
import { lockOrder, orderState, transitionOrder } from './order-state';
import { orderCompletedJob, orderFactJob, orderLineRefundedJob, orderPaidJob } from './orders.ports';
import { OrderStock } from './checkout/stock';
import { ShippingInfoQueue } from './shipping-info/shipping-info.job';
import { OrderMessages } from './order-messages';
import { ORDER_DISCOUNTS, type DiscountProvider } from './checkout/discounts.ports';

/**
 * The order side of WeChat Pay, inside the payment's (or refund's) transaction.
 *
 * Late payment (the order was cancelled by the timeout or the buyer before WeChat's
 * success reached us): we **refund** it rather than revive the order. Reviving would
 * need the stock again (possibly sold meanwhile) and would surprise a buyer who saw
 * "cancelled"; a refund is always possible and simple to explain.
 */
@Injectable()
export class OrderPaymentListener implements PaymentListener {
  private readonly logger = new Logger('OrderPayments');
  private readonly stock: OrderStock;

  constructor(
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly products: ProductService,
    private readonly clock: Clock,
    private readonly shippingInfo: ShippingInfoQueue,
    private readonly messages: OrderMessages,
    platformStock: CatalogStockService,
    storeStock: StoreStockService,
    @Optional() @Inject(ORDER_DISCOUNTS) private readonly discounts: DiscountProvider[] = [],
  ) {
    this.stock = new OrderStock(platformStock, storeStock);
  }

  async onPaid(ctx: RequestContext, event: PaidEvent): Promise<'accept' | 'refund'> {
    const m = this.tx.manager(ctx);
    const order = await m
      .getRepository(Order)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id: event.orderId })
      .getOne();
    if (!order) {
      this.logger.warn({ orderId: event.orderId }, 'payment for an unknown order: refunding');
      return 'refund';
    }
    // Cancelled (late payment) or already paid by another payment (duplicate): refund in full.
    if (event.duplicate || order.status !== 'PENDING_PAYMENT') return 'refund';
    if (event.amountFen !== order.payableFen) return 'refund';
    await transitionOrder(ctx, m, order, 'PAID', `WeChat Pay ${event.transactionId}`, {
      paidAt: event.paidAt,
      paymentId: event.paymentId,
    });
    const lines = await m.getRepository(OrderLine).findBy({ orderId: order.id });
    const sold = new Map<string, number>();
    for (const l of lines) sold.set(l.productId, (sold.get(l.productId) ?? 0) + l.qty);
    for (const [productId, qty] of sold) await this.products.addSales(ctx, productId, qty);
    await this.jobs.send(ctx, orderPaidJob, { orderId: order.id }, { idempotencyKey: `paid:${order.id}` });
    await this.jobs.send(
      ctx,
      orderFactJob,
      { kind: 'paid', orderId: order.id },
      { idempotencyKey: `paid:${order.id}` },
    );
    await this.messages.paid(ctx, m, order);
    if (order.mode === 'take_away') {
      await this.complete(ctx, m, order, 'take-away completes on payment');
    } else if (order.mode === 'pickup') {
      await transitionOrder(ctx, m, order, 'AWAITING_PICKUP', 'paid; waiting for pickup', {
        pickupCode: await this.freePickupCode(m),
      });
      await this.messages.pickupReady(ctx, m, order);
    }
    return 'accept';
  }

  /** Completes an order and tells the rest (rewards settle from completion). */
  async complete(ctx: RequestContext, m: EntityManager, order: Order, reason: string): Promise<void> {
    const completedAt = this.clock.now();
    await transitionOrder(ctx, m, order, 'COMPLETED', reason, { completedAt });
    for (const d of this.discounts ?? []) await d.onOrderCompleted?.(ctx, order.id);
    await this.jobs.send(
      ctx,
      orderCompletedJob,
      { orderId: order.id, completedAt: completedAt.toISOString() },
      { idempotencyKey: `completed:${order.id}` },
    );
    // Take-away and pickup are handed over now: WeChat learns it as self-collection (express did at shipping).
    if (order.mode !== 'express') await this.shippingInfo.queue(ctx, order.id);
  }

  /**
   * A 6-digit code no open pickup holds. The partial unique index backs it: in the rare
   * race two payments draw the same free code, one transaction fails and the
   * notification is retried by WeChat (and takes another code).
   */
  private async freePickupCode(m: EntityManager): Promise<string> {
    for (let i = 0; i < 20; i++) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const taken = await m
        .getRepository(Order)
        .exists({ where: { pickupCode: code, status: 'AWAITING_PICKUP' } });
      if (!taken) return code;
    }
    throw new Error('no free pickup code after 20 draws');
  }

  async onRefunded(ctx: RequestContext, event: RefundedEvent): Promise<void> {
    const m = this.tx.manager(ctx);
    const sale = await m
      .getRepository(AfterSale)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.refund_id = :id', { id: event.refundId })
      .getOne();
    // Late and duplicate payments are refunded whole; no line was paid by them.
    if (!sale || sale.status !== 'REFUNDING') return;
    if (event.status !== 'SUCCESS') {
      await afterSaleState.transition(ctx, m, sale, 'REFUND_FAILED', `refund ${event.status}`);
      await m.query(`UPDATE order_line SET after_sale_qty = after_sale_qty - $2 WHERE id = $1`, [
        sale.lineId,
        sale.qty,
      ]);
      return;
    }
    await afterSaleState.transition(ctx, m, sale, 'REFUNDED', 'refund succeeded');
    await m.query(
      `UPDATE order_line SET refunded_qty = refunded_qty + $2, refunded_fen = refunded_fen + $3 WHERE id = $1`,
      [sale.lineId, sale.qty, sale.amountFen],
    );
    const order = await lockOrder(m, sale.orderId);
    await this.markRefunded(ctx, m, order, sale.amountFen + sale.shippingRefundFen, sale.id);
    await this.messages.refundDone(ctx, m, order, sale.id, sale.amountFen + sale.shippingRefundFen);
    const line = await m.getRepository(OrderLine).findOneByOrFail({ id: sale.lineId });
    if (sale.restock) {
      await this.stock.release(ctx, order, [{ skuId: line.skuId, qty: sale.qty }], 'refund_return');
    }
    for (const d of this.discounts ?? []) await d.onOrderRefunded?.(ctx, order.id);
    await this.jobs.send(
      ctx,
      orderLineRefundedJob,
      { orderId: order.id, lineId: line.id, refundId: event.refundId, refundedFen: sale.amountFen },
      { idempotencyKey: `refund:${event.refundId}:${line.id}` },
    );
    await this.jobs.send(
      ctx,
      orderFactJob,
      { kind: 'refund', afterSaleId: sale.id },
      { idempotencyKey: `refund:${sale.id}` },
    );
  }

  /**
   * The order side of a successful after-sale refund: adds to the order's refunded total
   * and writes it to the order's history; the refund of the last unit ends the order in
   * REFUNDED (partial refunds keep the status, shown by refundedFen > 0 and refundState).
   */
  private async markRefunded(
    ctx: RequestContext,
    m: EntityManager,
    order: Order,
    amountFen: number,
    afterSaleId: string,
  ): Promise<void> {
    const refundedFen = order.refundedFen + amountFen;
    const [{ all }]: { all: boolean }[] = await m.query(
      `SELECT bool_and(refunded_qty >= qty) AS all FROM order_line WHERE order_id = $1`,
      [order.id],
    );
    const reason = `refund of ${amountFen} fen (after-sale ${afterSaleId})`;
    if (all && orderMachine.can(order.status, 'REFUNDED')) {
      await transitionOrder(ctx, m, order, 'REFUNDED', `${reason}: everything refunded`, { refundedFen });
    } else {
      await m.getRepository(Order).update({ id: order.id }, { refundedFen });
      order.refundedFen = refundedFen;
      await orderState.note(ctx, m, order.id, order.status, `partial ${reason}`);
    }
  }
}
