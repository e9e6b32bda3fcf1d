import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { AppError } from '../../../common/errors';
import type { FulfilmentMode } from '../../catalog/entities/product.entity';
import type { ProductDto } from '../../catalog/dto/product.dto';
import { ProductService } from '../../catalog/product.service';
import { ScanCodeService } from '../../stores/scan-code.service';
import { StoresService } from '../../stores/stores.service';
import { linePaidAmounts } from './line-paid';
import { ORDER_DISCOUNTS, type DiscountProvider } from './discounts.ports';
import type { ShippingAddress } from '../entities/order.entity';
import { OrderErrors } from '../orders.errors';
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

export interface Quote {
  mode: FulfilmentMode;
  storeId: string | null;
  lines: QuotedLine[];
  goodsFen: number;
  discountFen: number;
  shippingFen: number;
  payableFen: number;
  products: Map<string, ProductDto>;
}

/** A mixed-mode checkout priced as one quote per mode, with the totals over all of them. */
export interface SplitQuote {
  groups: Omit<Quote, 'products'>[];
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
  return [...groups].map(([mode, items]) => ({
    ...input,
    mode,
    items,
    address: mode === 'express' ? input.address : undefined,
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
    @Optional() @Inject(ORDER_DISCOUNTS) private readonly discounts: DiscountProvider[] = [],
  ) {}

  /** Prices each mode's group of a mixed checkout (拆单) and sums the money here, not in a client or controller. */
  async splitQuote(ctx: RequestContext, buyerId: string, input: QuoteInput): Promise<SplitQuote> {
    const groups: Omit<Quote, 'products'>[] = [];
    for (const g of splitByMode(input)) {
      const { products: _products, ...q } = await this.quote(ctx, buyerId, g);
      groups.push(q);
    }
    const sum = (f: (q: Omit<Quote, 'products'>) => number) => groups.reduce((s, q) => s + f(q), 0);
    return {
      groups,
      goodsFen: sum((q) => q.goodsFen),
      discountFen: sum((q) => q.discountFen),
      shippingFen: sum((q) => q.shippingFen),
      payableFen: sum((q) => q.payableFen),
    };
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
    for (const d of this.discounts ?? []) {
      discountFen += await d.discount(ctx, { buyerId, mode: input.mode, storeId, goodsFen, lines: raw });
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
            input.address?.province ?? null,
          )
        : 0;
    return {
      mode: input.mode,
      storeId,
      lines,
      goodsFen,
      discountFen,
      shippingFen,
      payableFen: goodsFen - discountFen + shippingFen,
      products,
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
