import { Injectable } from '@nestjs/common';
import { type Page, findPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import {
  assertOrderQty,
  movementFields,
  updatedRows,
  type StockChangeInfo,
} from '../catalog/catalog-stock.service';
import { ProductService } from '../catalog/product.service';
import type { StoreStockDto, StoreStockMovementDto } from './dto/store.dto';
import { StoreStock } from './entities/store-stock.entity';
import { StoreStockMovement } from './entities/store-stock-movement.entity';
import { StoresService } from './stores.service';
import { StoresErrors } from './stores.errors';

/**
 * A store's own stock per SKU (take-away and pickup draw from it). Every change
 * is one conditional UPDATE (`qty = qty + delta WHERE qty + delta >= 0`), never
 * read-modify-write, plus a movement row in the same transaction; a CHECK
 * constraint backs "never below zero".
 */
/** At or under this many units a store's SKU is marked low (the shopper's 仅剩 n 件 starts here too). */
export const LOW_STORE_STOCK = 5;

@Injectable()
export class StoreStockService {
  constructor(
    private readonly tx: TransactionService,
    private readonly stores: StoresService,
    private readonly products: ProductService,
  ) {}

  private async change(
    ctx: RequestContext,
    storeId: string,
    skuId: string,
    delta: number,
    info: StockChangeInfo,
  ): Promise<number> {
    if (!Number.isSafeInteger(delta)) throw new TypeError('stock delta must be an integer');
    return this.tx.run(ctx, async (ctx) => {
      const m = this.tx.manager(ctx);
      let rows = updatedRows<{ qty: number }>(
        await m.query(
          `UPDATE store_stock SET qty = qty + $3, updated_at = now()
            WHERE store_id = $1 AND sku_id = $2 AND qty + $3 >= 0 RETURNING qty`,
          [storeId, skuId, delta],
        ),
      );
      if (!rows.length) {
        const row = await m.getRepository(StoreStock).findOneBy({ storeId, skuId });
        if (row || delta < 0) {
          throw StoresErrors.STORE_STOCK_INSUFFICIENT({
            storeId,
            skuId,
            requested: -delta,
            available: row?.qty ?? 0,
          });
        }
        // First stock of this SKU in this store: create the row (a racing insert just adds to it).
        await this.stores.load(ctx, storeId);
        const sku = await this.products.getSku(ctx, skuId);
        rows = await m.query(
          `INSERT INTO store_stock (store_id, sku_id, product_id, qty) VALUES ($1, $2, $3, $4)
           ON CONFLICT (store_id, sku_id) DO UPDATE SET qty = store_stock.qty + EXCLUDED.qty, updated_at = now()
           RETURNING qty`,
          [storeId, skuId, sku.productId, delta],
        );
      }
      await m
        .getRepository(StoreStockMovement)
        .insert({ storeId, skuId, ...movementFields(ctx, delta, rows[0].qty, info) });
      return rows[0].qty;
    });
  }

  /**
   * Takes `qty` units of a store's stock inside the caller's transaction (order
   * creation for pickup and take-away). Throws STORE_STOCK_INSUFFICIENT, changing
   * nothing, when the store holds fewer. Returns what is left.
   */
  reserveStoreStock(
    ctx: RequestContext,
    storeId: string,
    skuId: string,
    qty: number,
    info: Partial<StockChangeInfo> = {},
  ): Promise<number> {
    assertOrderQty(qty);
    return this.change(ctx, storeId, skuId, -qty, { reason: 'order_reserve', ...info });
  }

  /** Gives back what `reserveStoreStock` took (order cancelled, refund returned to the shelf). */
  releaseStoreStock(
    ctx: RequestContext,
    storeId: string,
    skuId: string,
    qty: number,
    info: Partial<StockChangeInfo> = {},
  ): Promise<number> {
    assertOrderQty(qty);
    return this.change(ctx, storeId, skuId, qty, { reason: 'order_release', ...info });
  }

  /** Goods put on the shelf or a stock-take correction. */
  adjustStoreStock(
    ctx: RequestContext,
    storeId: string,
    skuId: string,
    delta: number,
    info: StockChangeInfo,
  ): Promise<number> {
    return this.change(ctx, storeId, skuId, delta, info);
  }

  /** Quantities a store holds of these SKUs (0 for SKUs it has none of). */
  async quantities(ctx: RequestContext, storeId: string, skuIds: string[]): Promise<Map<string, number>> {
    const out = new Map(skuIds.map((id) => [id, 0]));
    if (!skuIds.length) return out;
    const rows: { sku_id: string; qty: number }[] = await this.tx
      .manager(ctx)
      .query(`SELECT sku_id, qty FROM store_stock WHERE store_id = $1 AND sku_id = ANY($2::uuid[])`, [
        storeId,
        skuIds,
      ]);
    for (const r of rows) out.set(r.sku_id, r.qty);
    return out;
  }

  async list(
    ctx: RequestContext,
    storeId: string,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<StoreStockDto>> {
    return findPage(
      this.tx.repo(ctx, StoreStock),
      q,
      { where: { storeId }, order: { productId: 'ASC', skuId: 'ASC' } },
      async (rows) => {
        const names = await this.skuNames(
          ctx,
          rows.map((r) => r.skuId),
        );
        return rows.map((r) => ({
          ...r,
          updatedAt: r.updatedAt.toISOString(),
          title: names.get(r.skuId)?.title ?? null,
          specs: names.get(r.skuId)?.specs ?? null,
          low: r.qty <= LOW_STORE_STOCK,
        }));
      },
    );
  }

  private async skuNames(
    ctx: RequestContext,
    skuIds: string[],
  ): Promise<Map<string, { title: string; specs: Record<string, string> }>> {
    if (!skuIds.length) return new Map();
    const rows: { id: string; title: string; specs: Record<string, string> }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT k.id, p.title, k.specs FROM sku k JOIN product p ON p.id = k.product_id WHERE k.id = ANY($1::uuid[])`,
        [skuIds],
      );
    return new Map(rows.map((r) => [r.id, { title: r.title, specs: r.specs }]));
  }

  async movements(
    ctx: RequestContext,
    storeId: string,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<StoreStockMovementDto>> {
    return findPage(
      this.tx.repo(ctx, StoreStockMovement),
      q,
      { where: { storeId }, order: { createdAt: 'DESC', id: 'ASC' } },
      (rows) => rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    );
  }
}
