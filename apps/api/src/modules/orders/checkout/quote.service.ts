import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { AppError } from '../../../common/errors';
import type { FulfilmentMode } from '../../catalog/entities/product.entity';
import type { ProductDto } from '../../catalog/dto/product.dto';
import { ProductService } from '../../catalog/product.service';
import { ScanCodeService } from '../../stores/scan-code.service';
import { StoresService } from '../../stores/stores.service';
import { linePaidAmounts } from './line-paid';
import {
  ORDER_DISCOUNTS,
  type DiscountChoice,
  type DiscountPart,
  type DiscountProvider,
  type DiscountResult,
} from './discounts.ports';
import type { ShippingAddress } from '../entities/order.entity';
import { OrderErrors } from '../orders.errors';
import { StoreStockService } from '../../stores/store-stock.service';
import { ShippingService } from './shipping.service';

export interface QuoteInput {
  mode: FulfilmentMode;
  /** The store of the scan in this checkout: required for pickup and take-away (or a scan code). */
  storeId?: string;
  /**
   * The shelf/slot code scanned in this session. Its store is the order's store and
   * the attributed store (before the store lock); a `storeId` that disagrees is refused.
   */
  scanCode?: string;
  /** A reseller's share code opened in this checkout (credits that reseller). */
  shareCode?: string;
  /** A line's own `mode` may only repeat the checkout's here; mixed modes are split first (splitByMode). */
  items: { skuId: string; qty: number; mode?: FulfilmentMode }[];
  address?: ShippingAddress;
  remark?: string;
  /** A coupon of the buyer's to use on this checkout. */
  couponId?: string;
  /** Points to spend on this checkout (1 point = 1 fen, within the cap). */
  points?: number;
  /** A flash sale / limited-time offer chosen explicitly (else the best offer applies by itself). */
  offerId?: string;
}

export interface QuotedLine {
  productId: string;
  skuId: string;
  title: string;
  specs: Record<string, string>;
  imageUrl: string | null;
  priceFen: number;
  qty: number;
  weightGrams: number;
  amountFen: number;
  paidFen: number;
}

/** A line asking for more than its stock source holds now (platform stock for express, the store's otherwise). */
export interface StockShortage {
  skuId: string;
  requestedQty: number;
  availableQty: number;
}

export interface Quote {
  mode: FulfilmentMode;
  /** The store that fulfils (pickup, take-away): the scanned code's store, else the chosen one. */
  storeId: string | null;
  /** The store of a code scanned in this checkout: the only store a checkout itself credits (SPEC §5). */
  scannedStoreId: string | null;
  lines: QuotedLine[];
  /** Empty when every line can be had; placing the order refuses the rest (ORDER_INSUFFICIENT_STOCK). */
  shortages: StockShortage[];
  goodsFen: number;
  discountFen: number;
  /** The discounts making up discountFen (level, coupon, points), for the checkout page. */
  discounts: DiscountPart[];
  shippingFen: number;
  payableFen: number;
  products: Map<string, ProductDto>;
  /** What placing the order must take (coupon, points), run in the order's transaction. */
  reservations: NonNullable<DiscountResult['reserve']>[];
}

/** What clients see of a quote (the catalog snapshot and the credited store stay inside). */
export type QuoteView = Omit<Quote, 'products' | 'scannedStoreId' | 'reservations'>;

/** A mixed-mode checkout priced as one quote per mode, with the totals over all of them. */
export interface SplitQuote {
  groups: QuoteView[];
  goodsFen: number;
  discountFen: number;
  shippingFen: number;
  payableFen: number;
}

/**
 * A checkout whose lines choose different fulfilment modes, cut into one checkout per
 * mode (拆单): each becomes its own order with its own stock source, shipping and state.
 * Groups keep the order in which their modes first appear; the address goes to express only.
 */
export function splitByMode(input: QuoteInput): QuoteInput[] {
  const groups = new Map<FulfilmentMode, QuoteInput['items']>();
  for (const item of input.items) {
    const mode = item.mode ?? input.mode;
    groups.set(mode, [...(groups.get(mode) ?? []), { skuId: item.skuId, qty: item.qty, mode }]);
  }
  return [...groups].map(([mode, items], i) => ({
    ...input,
    mode,
    items,
    address: mode === 'express' ? input.address : undefined,
    // A coupon and points go to the first order of the split only (each is used once).
    couponId: i === 0 ? input.couponId : undefined,
    points: i === 0 ? input.points : undefined,
  }));
}

/**
 * The price of a checkout, computed only from the catalog (never from the client):
 * lines, discounts through ORDER_DISCOUNTS, express shipping, payable total. Order
 * creation calls it again inside its transaction.
 */
@Injectable()
export class QuoteService {
  constructor(
    private readonly products: ProductService,
    private readonly stores: StoresService,
    private readonly scanCodes: ScanCodeService,
    private readonly shipping: ShippingService,
    private readonly storeStock: StoreStockService,
    @Optional() @Inject(ORDER_DISCOUNTS) private readonly discounts: DiscountProvider[] = [],
  ) {}

  /** Prices each mode's group of a mixed checkout (拆单) and sums the money here, not in a client or controller. */
  async splitQuote(ctx: RequestContext, buyerId: string, input: QuoteInput): Promise<SplitQuote> {
    const groups: QuoteView[] = [];
    for (const g of splitByMode(input)) groups.push(await this.view(ctx, buyerId, g));
    const sum = (f: (q: QuoteView) => number) => groups.reduce((s, q) => s + f(q), 0);
    return {
      groups,
      goodsFen: sum((q) => q.goodsFen),
      discountFen: sum((q) => q.discountFen),
      shippingFen: sum((q) => q.shippingFen),
      payableFen: sum((q) => q.payableFen),
    };
  }

  /** The quote as the checkout page sees it. */
  async view(ctx: RequestContext, buyerId: string, input: QuoteInput): Promise<QuoteView> {
    const {
      products: _products,
      scannedStoreId: _scanned,
      reservations: _reservations,
      ...q
    } = await this.quote(ctx, buyerId, input);
    return q;
  }

  async quote(ctx: RequestContext, buyerId: string, input: QuoteInput): Promise<Quote> {
    if (input.items.some((i) => i.mode && i.mode !== input.mode)) throw OrderErrors.ORDER_MIXED_MODES();
    const qtyBySku = new Map<string, number>();
    for (const i of input.items) qtyBySku.set(i.skuId, (qtyBySku.get(i.skuId) ?? 0) + i.qty);
    const storeId = await this.storeOf(ctx, input);
    if (input.mode !== 'express' && !storeId) throw OrderErrors.ORDER_STORE_REQUIRED();
    if (storeId) {
      const store = await this.stores.load(ctx, storeId).catch((err: unknown) => {
        throw err instanceof AppError ? OrderErrors.ORDER_STORE_SUSPENDED({ storeId }) : err;
      });
      if (store.status !== 'active') throw OrderErrors.ORDER_STORE_SUSPENDED({ storeId: store.id });
    }
    const skus = await Promise.all(
      [...qtyBySku.keys()].map((skuId) =>
        this.products.getSku(ctx, skuId).catch((err: unknown) => {
          throw err instanceof AppError ? OrderErrors.ORDER_SKU_NOT_FOUND({ skuId }) : err;
        }),
      ),
    );
    const products = new Map(
      (
        await this.products.findMany(
          ctx,
          skus.map((s) => s.productId),
        )
      ).map((p) => [p.id, p]),
    );
    const raw = skus.map((sku) => {
      const p = products.get(sku.productId);
      if (!p || p.status !== 'on_sale') throw OrderErrors.ORDER_PRODUCT_UNAVAILABLE({ skuId: sku.id });
      if (!p.fulfilmentModes.includes(input.mode))
        throw OrderErrors.ORDER_MODE_NOT_ALLOWED({ skuId: sku.id, mode: input.mode });
      const qty = qtyBySku.get(sku.id)!;
      return {
        productId: p.id,
        skuId: sku.id,
        title: p.title,
        specs: sku.specs,
        imageUrl: p.images[0] ?? null,
        priceFen: sku.priceFen,
        qty,
        weightGrams: sku.weightGrams * qty,
        amountFen: sku.priceFen * qty,
      };
    });
    const goodsFen = raw.reduce((s, l) => s + l.amountFen, 0);
    let discountFen = 0;
    const discounts: DiscountPart[] = [];
    const reservations: Quote['reservations'] = [];
    const choice: DiscountChoice = { couponId: input.couponId, points: input.points, offerId: input.offerId };
    const discountLines = raw.map((l) => ({ ...l, categoryId: products.get(l.productId)?.categoryId }));
    for (const d of this.discounts ?? []) {
      const r = await d.discount(ctx, {
        buyerId,
        mode: input.mode,
        storeId,
        goodsFen,
        lines: discountLines,
        choice,
      });
      const result = typeof r === 'number' ? { amountFen: r, parts: [] } : r;
      discountFen += result.amountFen;
      discounts.push(...result.parts);
      if (result.reserve) reservations.push(result.reserve);
    }
    discountFen = Math.min(Math.max(0, discountFen), goodsFen);
    const paid = linePaidAmounts(
      raw.map((l) => l.amountFen),
      discountFen,
    );
    const lines = raw.map((l, i) => ({ ...l, paidFen: paid[i] }));
    const shippingFen =
      input.mode === 'express'
        ? await this.shipping.fee(
            ctx,
            raw.reduce((s, l) => s + l.weightGrams, 0),
            goodsFen - discountFen,
            input.address ?? null,
          )
        : 0;
    const available =
      input.mode === 'express' || !storeId
        ? new Map(skus.map((k) => [k.id, k.stock]))
        : await this.storeStock.quantities(ctx, storeId, [...qtyBySku.keys()]);
    const shortages = [...qtyBySku]
      .map(([skuId, requestedQty]) => ({ skuId, requestedQty, availableQty: available.get(skuId) ?? 0 }))
      .filter((l) => l.requestedQty > l.availableQty);
    return {
      mode: input.mode,
      storeId,
      scannedStoreId: input.scanCode ? storeId : null,
      lines,
      shortages,
      goodsFen,
      discountFen,
      discounts,
      shippingFen,
      payableFen: goodsFen - discountFen + shippingFen,
      products,
      reservations,
    };
  }

  /** The checkout's store: the scan code's (a disagreeing `storeId` is refused), else `storeId`. */
  private async storeOf(ctx: RequestContext, input: QuoteInput): Promise<string | null> {
    if (!input.scanCode) return input.storeId ?? null;
    const scanned = await this.scanCodes.storeOf(ctx, input.scanCode);
    if (input.storeId && input.storeId !== scanned)
      throw OrderErrors.ORDER_SCAN_CODE_STORE_MISMATCH({ storeId: input.storeId, scanStoreId: scanned });
    return scanned;
  }
}
