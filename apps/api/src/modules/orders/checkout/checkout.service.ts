import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { Clock } from '../../../common/clock';
import { IdempotencyService } from '../../../common/idempotency/idempotency.service';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import { JobsService } from '../../../jobs/jobs.service';
import { CatalogStockService } from '../../catalog/catalog-stock.service';
import { SettingsService } from '../../settings/settings.service';
import { StoreStockService } from '../../stores/store-stock.service';
import { AttributionService } from './attribution.service';
import { CartItem } from '../entities/cart-item.entity';
import { Order } from '../entities/order.entity';
import { OrderLine } from '../entities/order-line.entity';
import { orderState } from '../order-state';
import { orderPayTimeoutJob } from '../orders.jobs';
import { OrderErrors } from '../orders.errors';
import { QuoteService, splitByMode, type QuoteInput, type QuotedLine } from './quote.service';
import type { LineAttribution } from '../orders.ports';
import { OrderStock } from './stock';

/** `OD` + China time to the second + 12 random digits (28 characters). */
export function newOrderNo(now = new Date()): string {
  const cst = new Date(now.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  const r = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
  return `OD${cst}${r()}${r()}`;
}

/** The order_line rows of quoted lines, each with its product's attribution snapshot. */
export function orderLineRows(
  orderId: string,
  lines: QuotedLine[],
  attribution: Map<string, LineAttribution>,
): Partial<OrderLine>[] {
  return lines.map((l) => ({
    orderId,
    productId: l.productId,
    skuId: l.skuId,
    title: l.title,
    specs: l.specs,
    imageUrl: l.imageUrl,
    priceFen: l.priceFen,
    qty: l.qty,
    weightGrams: l.weightGrams,
    amountFen: l.amountFen,
    paidFen: l.paidFen,
    attribution: attribution.get(l.productId)!,
  }));
}

/**
 * Order creation as steps in one transaction (STYLE rule 6): quote again → reserve
 * stock (undone by the rollback, or later by cancel) → write order, lines with their
 * attribution snapshot and the first history row → queue the payment timeout. The
 * Idempotency-Key makes a double tap return the same order.
 */
@Injectable()
export class CheckoutService {
  private readonly stock: OrderStock;

  constructor(
    private readonly tx: TransactionService,
    private readonly idempotency: IdempotencyService,
    private readonly quotes: QuoteService,
    private readonly attribution: AttributionService,
    private readonly settings: SettingsService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    platformStock: CatalogStockService,
    storeStock: StoreStockService,
  ) {
    this.stock = new OrderStock(platformStock, storeStock);
  }

  /** Creates the order once per key; returns its id (the same id for every repeat). */
  async create(ctx: RequestContext, buyerId: string, key: string, input: QuoteInput): Promise<string> {
    const result = await this.idempotency.run(ctx, `orders:create:${buyerId}`, key, input, async (c) => ({
      orderId: await this.place(c, buyerId, input),
    }));
    return result.orderId;
  }

  /**
   * A mixed-mode checkout: one order per fulfilment mode (splitByMode), all placed in one
   * transaction — all or none — and once per key.
   */
  async createSplit(ctx: RequestContext, buyerId: string, key: string, input: QuoteInput): Promise<string[]> {
    const result = await this.idempotency.run(
      ctx,
      `orders:create-split:${buyerId}`,
      key,
      input,
      async (c) => {
        const orderIds: string[] = [];
        for (const group of splitByMode(input)) orderIds.push(await this.place(c, buyerId, group));
        return { orderIds };
      },
    );
    return result.orderIds;
  }

  /** The steps of one order, inside the caller's transaction. */
  private async place(c: RequestContext, buyerId: string, input: QuoteInput): Promise<string> {
    if (input.mode === 'express' && !input.address) throw OrderErrors.ORDER_ADDRESS_REQUIRED();
    const quote = await this.quotes.quote(c, buyerId, input);
    const settings = await this.settings.get(c);
    const attribution = await this.attribution.snapshot(
      c,
      buyerId,
      { scannedStoreId: quote.scannedStoreId, shareCode: input.shareCode },
      [...quote.products.values()],
    );
    const orderId = randomUUID();
    const first = attribution.values().next().value;
    const now = this.clock.now();
    const order: Partial<Order> = {
      id: orderId,
      orderNo: newOrderNo(now),
      buyerId,
      channel: 'online',
      mode: quote.mode,
      status: 'PENDING_PAYMENT',
      storeId: quote.mode === 'express' ? (first?.storeId ?? null) : quote.storeId,
      resellerId: first?.resellerId ?? null,
      goodsFen: quote.goodsFen,
      discountFen: quote.discountFen,
      shippingFen: quote.shippingFen,
      payableFen: quote.payableFen,
      address: input.address ?? null,
      remark: input.remark ?? null,
      payDeadline: new Date(now.getTime() + settings.payTimeoutMinutes * 60_000),
    };
    await this.stock.reserve(c, { id: orderId, mode: quote.mode, storeId: quote.storeId }, quote.lines);
    for (const reserve of quote.reservations) await reserve(c, orderId);
    const m = this.tx.manager(c);
    await m.getRepository(Order).insert(order);
    await m.getRepository(OrderLine).insert(orderLineRows(orderId, quote.lines, attribution));
    await orderState.created(c, m, orderId, 'PENDING_PAYMENT', 'order placed');
    await m.getRepository(CartItem).delete({
      userId: buyerId,
      mode: quote.mode,
      skuId: In(quote.lines.map((l) => l.skuId)),
    });
    await this.jobs.send(
      c,
      orderPayTimeoutJob,
      { orderId },
      { startAfterSeconds: settings.payTimeoutMinutes * 60, idempotencyKey: `timeout:${orderId}` },
    );
    return orderId;
  }
}
