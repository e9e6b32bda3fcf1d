import { Inject, Injectable } from '@nestjs/common';
import { Raw, type FindOptionsWhere } from 'typeorm';
import { storeScope } from '../../../common/auth/store-scope';
import { DAY_MS, Clock } from '../../../common/clock';
import { IdempotencyService } from '../../../common/idempotency/idempotency.service';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import { AuditService } from '../../audit/audit.service';
import { FILE_STORAGE, type FileStorage } from '../../catalog/file-storage';
import { uploadKeyOf } from '../../catalog/image-upload';
import { RefundsService } from '../../payments/refunds.service';
import { SettingsService } from '../../settings/settings.service';
import { emptyPage, findPage, type Page, type PageQuery } from '../../../common/paging';
import { AfterSale, type AfterSaleStatus, type AfterSaleType } from './after-sale.entity';
import { OrderLine } from '../entities/order-line.entity';
import { afterSaleState } from './after-sale-state';
import { lockOrder } from '../order-state';
import { OrderErrors } from '../orders.errors';

export const MAX_AFTER_SALE_PHOTOS = 9;

export interface AfterSaleInput {
  orderId: string;
  lineId: string;
  qty: number;
  type: AfterSaleType;
  reason: string;
  photos?: string[];
}

/**
 * The refund of `qty` more units of a line whose `done` units are already taken: the
 * difference of two floored shares, so refunding every unit in any steps sums to
 * exactly the line's paid amount.
 */
export function lineRefundFen(paidFen: number, qty: number, done: number, more: number): number {
  const share = (n: number) => Number((BigInt(paidFen) * BigInt(n)) / BigInt(qty));
  return share(done + more) - share(done);
}

/**
 * 售后 per line and quantity. Before shipping (PAID, AWAITING_PICKUP) a request is
 * approved at once and refunded; after shipping an operator approves. The window is
 * `afterSaleDays` after completion. Quantity is taken by a conditional update, so two
 * concurrent requests can never claim more than the line holds.
 */
@Injectable()
export class AfterSalesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly idempotency: IdempotencyService,
    private readonly refunds: RefundsService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  async request(
    ctx: RequestContext,
    buyerId: string,
    key: string,
    input: AfterSaleInput,
  ): Promise<AfterSale> {
    const { afterSaleDays } = await this.settings.get(ctx);
    await this.assertOwnPhotos(input.photos ?? []);
    const { id } = await this.idempotency.run(ctx, `after-sales:${buyerId}`, key, input, async (c) => {
      const m = this.tx.manager(c);
      const order = await lockOrder(m, input.orderId);
      if (order.buyerId !== buyerId) throw OrderErrors.ORDER_NOT_FOUND();
      const line = await m.getRepository(OrderLine).findOneBy({ id: input.lineId, orderId: order.id });
      if (!line) throw OrderErrors.ORDER_NOT_FOUND({ lineId: input.lineId });
      if (
        order.channel !== 'online' ||
        !order.paymentId ||
        !['PAID', 'SHIPPED', 'AWAITING_PICKUP', 'COMPLETED'].includes(order.status)
      )
        throw OrderErrors.AFTER_SALE_NOT_ALLOWED({ status: order.status });
      if (
        order.status === 'COMPLETED' &&
        order.completedAt &&
        this.clock.now().getTime() > order.completedAt.getTime() + afterSaleDays * DAY_MS
      )
        throw OrderErrors.AFTER_SALE_WINDOW_CLOSED({ afterSaleDays });
      const claimed: unknown[] = await m.query(
        `UPDATE order_line SET after_sale_qty = after_sale_qty + $2 WHERE id = $1 AND after_sale_qty + $2 <= qty RETURNING after_sale_qty`,
        [line.id, input.qty],
      );
      if (!(claimed as unknown[][])[0]?.length)
        throw OrderErrors.AFTER_SALE_QTY_EXCEEDED({ available: line.qty - line.afterSaleQty });
      const unshipped = order.status === 'PAID' || order.status === 'AWAITING_PICKUP';
      // The after-sale that takes back the last unshipped goods of an express order also
      // refunds its shipping (the order row is locked, so two requests cannot both be last).
      const [{ open }] = await m.query(
        `SELECT count(*)::int AS open FROM order_line WHERE order_id = $1 AND after_sale_qty < qty`,
        [order.id],
      );
      const shippingRefundFen = unshipped && order.mode === 'express' && open === 0 ? order.shippingFen : 0;
      const repo = m.getRepository(AfterSale);
      const sale = repo.create({
        orderId: order.id,
        lineId: line.id,
        buyerId,
        type: input.type,
        qty: input.qty,
        amountFen: lineRefundFen(line.paidFen, line.qty, line.afterSaleQty, input.qty),
        shippingRefundFen,
        reason: input.reason,
        photos: input.photos ?? [],
        status: 'PENDING_APPROVAL',
        restock: unshipped || input.type === 'return_refund',
      });
      await repo.save(sale);
      await afterSaleState.created(
        c,
        m,
        sale.id,
        sale.status,
        `${input.type} of ${input.qty} requested by the buyer`,
      );
      if (unshipped) await this.startRefund(c, sale, order.paymentId, 'auto-approved before shipping');
      return { id: sale.id };
    });
    return this.tx.repo(ctx, AfterSale).findOneByOrFail({ id });
  }

  /**
   * Operator: approve. A refund only starts the refund through WeChat Pay at once; a return
   * and refund waits for the goods (AWAITING_RETURN) until the operator confirms receipt,
   * so money never leaves before the goods are back (有赞/CRMEB 退货退款: 商家确认收货后退款).
   */
  async approve(ctx: RequestContext, id: string): Promise<AfterSale> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const sale = await this.lock(c, id);
      const before = { status: sale.status };
      if (sale.status !== 'PENDING_APPROVAL')
        throw OrderErrors.AFTER_SALE_STATE_INVALID({ status: sale.status });
      if (sale.type === 'return_refund') {
        await afterSaleState.transition(
          c,
          m,
          sale,
          'AWAITING_RETURN',
          'approved: awaiting the returned goods',
          {
            decidedBy: ctx.actor?.id ?? null,
          },
        );
      } else {
        const order = await lockOrder(m, sale.orderId);
        await this.startRefund(c, sale, order.paymentId!, 'approved by operator');
      }
      await this.audit.record(c, {
        action: 'after-sale.approve',
        entityType: 'after_sale',
        entityId: id,
        before,
        after: { status: sale.status },
      });
      return sale;
    });
  }

  /**
   * Operator: the returned goods arrived (确认收货) → the refund starts through WeChat Pay,
   * and the goods go back to stock when it succeeds. Only an after-sale awaiting its goods;
   * a repeat is 409 AFTER_SALE_STATE_INVALID, never a second refund.
   */
  async confirmReturn(ctx: RequestContext, id: string): Promise<AfterSale> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const sale = await this.lock(c, id);
      if (sale.status !== 'AWAITING_RETURN')
        throw OrderErrors.AFTER_SALE_STATE_INVALID({ status: sale.status });
      const order = await lockOrder(m, sale.orderId);
      await this.startRefund(c, sale, order.paymentId!, 'returned goods received');
      await this.audit.record(c, {
        action: 'after-sale.confirm-return',
        entityType: 'after_sale',
        entityId: id,
        before: { status: 'AWAITING_RETURN' },
        after: { status: sale.status },
      });
      return sale;
    });
  }

  /** Operator: reject; the quantity becomes claimable again. */
  async reject(ctx: RequestContext, id: string, reason: string): Promise<AfterSale> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const sale = await this.lock(c, id);
      await afterSaleState.transition(c, m, sale, 'REJECTED', reason, {
        rejectReason: reason,
        decidedBy: ctx.actor?.id ?? null,
      });
      await m.query(`UPDATE order_line SET after_sale_qty = after_sale_qty - $2 WHERE id = $1`, [
        sale.lineId,
        sale.qty,
      ]);
      await this.audit.record(c, {
        action: 'after-sale.reject',
        entityType: 'after_sale',
        entityId: id,
        reason,
      });
      return sale;
    });
  }

  /**
   * Buyer: withdraw their own request while it awaits approval or the returned goods (撤销申请); the quantity
   * becomes claimable again. A repeat of an already-cancelled one is a no-op answering
   * the same after-sale (like cancelling a cancelled order); any other state is 409.
   */
  async cancelForBuyer(ctx: RequestContext, buyerId: string, id: string): Promise<AfterSale> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const sale = await this.lock(c, id);
      if (sale.buyerId !== buyerId) throw OrderErrors.AFTER_SALE_NOT_FOUND();
      if (sale.status === 'CANCELLED') return sale;
      await afterSaleState.transition(c, m, sale, 'CANCELLED', 'cancelled by the buyer');
      await m.query(`UPDATE order_line SET after_sale_qty = after_sale_qty - $2 WHERE id = $1`, [
        sale.lineId,
        sale.qty,
      ]);
      return sale;
    });
  }

  /** After-sales, newest first, paged; a store manager sees only those of their stores' orders. */
  async list(
    ctx: RequestContext,
    q: PageQuery & { orderId?: string; status?: AfterSaleStatus; buyerId?: string },
  ): Promise<Page<AfterSale>> {
    const scope = storeScope(ctx);
    if (scope?.length === 0) return emptyPage(q);
    const where: FindOptionsWhere<AfterSale> = {};
    if (q.orderId) where.orderId = q.orderId;
    if (scope) {
      where.orderId = Raw(
        (col) =>
          `${col} IN (SELECT id FROM orders WHERE store_id = ANY(:scope::uuid[]))${q.orderId ? ` AND ${col} = :orderId` : ''}`,
        { scope, orderId: q.orderId },
      );
    }
    if (q.status) where.status = q.status;
    if (q.buyerId) where.buyerId = q.buyerId;
    return findPage(this.tx.repo(ctx, AfterSale), q, { where, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** One of the buyer's after-sales (someone else's is 404). */
  async getForBuyer(ctx: RequestContext, buyerId: string, id: string): Promise<AfterSale> {
    const sale = await this.tx.repo(ctx, AfterSale).findOneBy({ id, buyerId });
    if (!sale) throw OrderErrors.AFTER_SALE_NOT_FOUND();
    return sale;
  }

  /**
   * Photos must be files this system stored (POST /api/app/uploads), not any URL: an
   * operator opens them, so a foreign link could track them or show anything.
   */
  private async assertOwnPhotos(photos: string[]): Promise<void> {
    if (photos.length > MAX_AFTER_SALE_PHOTOS)
      throw OrderErrors.AFTER_SALE_PHOTO_INVALID({ max: MAX_AFTER_SALE_PHOTOS });
    const keys = photos.map(uploadKeyOf);
    const found = await Promise.all(keys.map((k) => (k ? this.files.exists(k) : false)));
    const bad = photos.filter((_, i) => !found[i]);
    if (bad.length) throw OrderErrors.AFTER_SALE_PHOTO_INVALID({ photos: bad });
  }

  private async lock(ctx: RequestContext, id: string): Promise<AfterSale> {
    const sale = await this.tx
      .manager(ctx)
      .getRepository(AfterSale)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id })
      .getOne();
    if (!sale) throw OrderErrors.AFTER_SALE_NOT_FOUND();
    return sale;
  }

  private async startRefund(
    ctx: RequestContext,
    sale: AfterSale,
    paymentId: string,
    why: string,
  ): Promise<void> {
    const refund = await this.refunds.request(ctx, {
      paymentId,
      amountFen: sale.amountFen + sale.shippingRefundFen,
      reason: `售后退款 ${why}`.slice(0, 80),
      requestedBy: sale.id,
    });
    await afterSaleState.transition(ctx, this.tx.manager(ctx), sale, 'REFUNDING', why, {
      refundId: refund.id,
      decidedBy: ctx.actor?.id ?? 'system',
    });
  }
}
