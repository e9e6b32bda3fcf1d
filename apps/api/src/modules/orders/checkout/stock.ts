import { AppError } from '../../../common/errors';
import type { RequestContext } from '../../../common/request-context';
import type { CatalogStockService } from '../../catalog/catalog-stock.service';
import type { StoreStockService } from '../../stores/store-stock.service';
import { OrderErrors } from '../orders.errors';

export interface StockLine {
  skuId: string;
  qty: number;
}

/**
 * Where an order's stock comes from: platform stock for express, the store's for pickup
 * and take-away. Both services change stock by one conditional UPDATE in the caller's
 * transaction; lines go in SKU order so two orders never lock each other's rows crosswise.
 */
export class OrderStock {
  constructor(
    private readonly platform: CatalogStockService,
    private readonly store: StoreStockService,
  ) {}

  async reserve(
    ctx: RequestContext,
    order: { id: string; mode: string; storeId: string | null },
    lines: StockLine[],
  ): Promise<void> {
    for (const l of [...lines].sort((a, b) => a.skuId.localeCompare(b.skuId))) {
      try {
        if (order.mode === 'express')
          await this.platform.reserveSkuStock(ctx, l.skuId, l.qty, { refId: order.id });
        else await this.store.reserveStoreStock(ctx, order.storeId!, l.skuId, l.qty, { refId: order.id });
      } catch (err) {
        if (
          err instanceof AppError &&
          (err.code === 'SKU_INSUFFICIENT_STOCK' || err.code === 'STORE_STOCK_INSUFFICIENT')
        ) {
          throw OrderErrors.ORDER_INSUFFICIENT_STOCK({ skuId: l.skuId, available: err.details?.available });
        }
        throw err;
      }
    }
  }

  async release(
    ctx: RequestContext,
    order: { id: string; mode: string; storeId: string | null },
    lines: StockLine[],
    reason: string,
  ): Promise<void> {
    for (const l of [...lines].sort((a, b) => a.skuId.localeCompare(b.skuId))) {
      if (l.qty <= 0) continue;
      if (order.mode === 'express')
        await this.platform.releaseSkuStock(ctx, l.skuId, l.qty, { refId: order.id, reason });
      else
        await this.store.releaseStoreStock(ctx, order.storeId!, l.skuId, l.qty, { refId: order.id, reason });
    }
  }
}
