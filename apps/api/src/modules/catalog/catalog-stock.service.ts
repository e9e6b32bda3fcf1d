import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Page, findPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { CatalogErrors } from './catalog.errors';
import type { SkuStockMovementDto } from './dto/product.dto';
import { Sku } from './entities/sku.entity';
import { SkuStockMovement } from './entities/sku-stock-movement.entity';

export interface StockChangeInfo {
  /** `adjust`, `initial`, `order_reserve`, `order_release`, `refund_return`, … */
  reason: string;
  note?: string;
  /** What caused it (an order id). */
  refId?: string;
}

/** `UPDATE … RETURNING` through TypeORM's postgres driver answers `[rows, rowCount]`. */
export function updatedRows<T>(raw: unknown): T[] {
  return Array.isArray(raw) && Array.isArray(raw[0]) ? (raw[0] as T[]) : [];
}

/** The columns a stock movement row shares with every other (platform or store stock). */
export function movementFields(ctx: RequestContext, delta: number, qtyAfter: number, info: StockChangeInfo) {
  return {
    delta,
    qtyAfter,
    reason: info.reason,
    note: info.note ?? null,
    refId: info.refId ?? null,
    actorKind: ctx.actor?.kind ?? 'system',
    actorId: ctx.actor?.id ?? 'unknown',
  };
}

/** Reservations and releases move a positive whole number of units. */
export function assertOrderQty(qty: number): void {
  if (!Number.isInteger(qty) || qty <= 0) throw new TypeError('qty must be a positive integer');
}

/**
 * Platform stock of SKUs (express orders draw from it). Changed only by one
 * conditional UPDATE (`… WHERE stock >= n`), never read-modify-write, so any
 * number of concurrent reservations leaves it at zero at worst; every change is
 * logged in `sku_stock_movement` in the same transaction.
 */
@Injectable()
export class CatalogStockService {
  constructor(private readonly tx: TransactionService) {}

  private async change(
    ctx: RequestContext,
    skuId: string,
    delta: number,
    info: StockChangeInfo,
  ): Promise<number> {
    if (!Number.isSafeInteger(delta)) throw new TypeError('stock delta must be an integer');
    return this.tx.run(ctx, async (ctx) => {
      const m: EntityManager = this.tx.manager(ctx);
      const rows = updatedRows<{ stock: number }>(
        await m.query(
          `UPDATE sku SET stock = stock + $2, updated_at = now() WHERE id = $1 AND stock + $2 >= 0 RETURNING stock`,
          [skuId, delta],
        ),
      );
      if (!rows.length) {
        const sku = await m
          .getRepository(Sku)
          .findOne({ where: { id: skuId }, select: { id: true, stock: true } });
        if (!sku) throw CatalogErrors.SKU_NOT_FOUND({ skuId });
        throw CatalogErrors.SKU_INSUFFICIENT_STOCK({ skuId, requested: -delta, available: sku.stock });
      }
      await m
        .getRepository(SkuStockMovement)
        .insert({ skuId, ...movementFields(ctx, delta, rows[0].stock, info) });
      return rows[0].stock;
    });
  }

  /**
   * Takes `qty` units of platform stock, inside the caller's transaction (order
   * creation). Throws SKU_INSUFFICIENT_STOCK, changing nothing, when fewer are left.
   * Returns what is left.
   */
  reserveSkuStock(
    ctx: RequestContext,
    skuId: string,
    qty: number,
    info: Partial<StockChangeInfo> = {},
  ): Promise<number> {
    assertOrderQty(qty);
    return this.change(ctx, skuId, -qty, { reason: 'order_reserve', ...info });
  }

  /** Gives back what `reserveSkuStock` took (order cancelled or refunded). */
  releaseSkuStock(
    ctx: RequestContext,
    skuId: string,
    qty: number,
    info: Partial<StockChangeInfo> = {},
  ): Promise<number> {
    assertOrderQty(qty);
    return this.change(ctx, skuId, qty, { reason: 'order_release', ...info });
  }

  /** An admin's correction (stock-take, goods received); never below zero. */
  adjustSkuStock(ctx: RequestContext, skuId: string, delta: number, info: StockChangeInfo): Promise<number> {
    return this.change(ctx, skuId, delta, info);
  }

  async movements(
    ctx: RequestContext,
    skuId: string,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<SkuStockMovementDto>> {
    return findPage(
      this.tx.repo(ctx, SkuStockMovement),
      q,
      { where: { skuId }, order: { createdAt: 'DESC', id: 'ASC' } },
      (rows) => rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    );
  }
}
