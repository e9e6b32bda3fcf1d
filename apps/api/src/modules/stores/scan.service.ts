import { Inject, Injectable, Optional } from '@nestjs/common';
import { In } from 'typeorm';
import { storeFilter } from '../../common/auth/store-scope';
import { type Page, findPage, emptyPage } from '../../common/paging';
import { CacheBus, type Memo } from '../../common/cache-bus';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import type { FulfilmentMode } from '../catalog/entities/product.entity';
import type { ProductDto } from '../catalog/dto/product.dto';
import { ProductService } from '../catalog/product.service';
import type { ScanItemDto, ScanLogDto, ScanLogQueryDto, ScanResultDto } from './dto/shelf.dto';
import { ScanCode } from './entities/scan-code.entity';
import { ScanLog, type ScanResult } from './entities/scan-log.entity';
import { ShelfSlot } from './entities/shelf-slot.entity';
import { Shelf } from './entities/shelf.entity';
import { Store } from './entities/store.entity';
import { SCAN_CODE_SHAPE } from './scan-code';
import { SCAN_LISTENER, type ScanListener } from './stores.ports';
import { ScanLogWriter } from './scan-log.writer';
import { toStoreDto } from './dto/mappers';
import { StoresErrors } from './stores.errors';

/** What a code shows apart from stock: cached per code (CacheBus topic `catalog`). */
interface Layout {
  sc: ScanCode;
  store: Store;
  shelf: Shelf;
  slots: ShelfSlot[];
  products: Map<string, ProductDto>;
}

/**
 * `GET /api/app/scan/{code}`: resolves a shelf or slot code to the store, the
 * shelf and its products with the store's stock. Every resolution (also of
 * unknown and disabled codes) is written to `scan_log` (in batches, ScanLogWriter);
 * a logged-in user's scan is handed to the ScanListener (store lock).
 *
 * The layout (code, store, shelf, slots, products and prices) is served from memory and
 * dropped on every replica when any of it changes (database triggers → CacheBus); stock,
 * the platform's and the store's, is read on every scan in one statement.
 *
 * A disabled code, or a code of a suspended store, answers 410 SCAN_CODE_DISABLED
 * (the mini-program shows "this code is no longer in use"); an unknown or
 * malformed code answers 404 SCAN_CODE_NOT_FOUND.
 */
@Injectable()
export class ScanService {
  private readonly layouts: Memo<Layout | null>;

  constructor(
    private readonly tx: TransactionService,
    private readonly products: ProductService,
    private readonly scanLog: ScanLogWriter,
    bus: CacheBus,
    @Optional() @Inject(SCAN_LISTENER) private readonly listener?: ScanListener,
  ) {
    this.layouts = bus.memo('catalog', (code) => this.layout(code));
  }

  async resolve(ctx: RequestContext, rawCode: string, userId: string | null): Promise<ScanResultDto> {
    const code = rawCode.slice(0, 64);
    const layout = SCAN_CODE_SHAPE.test(code) ? await this.layouts.get(code) : null;
    if (!layout) {
      this.log({ code, userId, result: 'not_found' });
      throw StoresErrors.SCAN_CODE_NOT_FOUND();
    }
    const { sc, store, shelf } = layout;
    if (sc.status !== 'active' || store.status !== 'active') {
      this.log({ code, userId, result: 'disabled', sc });
      throw StoresErrors.SCAN_CODE_DISABLED({
        reason: sc.status !== 'active' ? 'code_disabled' : 'store_suspended',
      });
    }
    const items = await this.items(ctx, layout);
    // The store lock changes nothing (and takes no row lock) on a repeat scan within a day.
    // A failing listener fails the scan, which is then not logged as resolved.
    if (userId && this.listener)
      await this.listener.onScan(ctx, { userId, storeId: store.id, scanCodeId: sc.id, code: sc.code });
    this.log({ code, userId, result: 'resolved', sc });
    return {
      code: sc.code,
      scanCodeId: sc.id,
      store: toStoreDto(store),
      shelf: { id: shelf.id, name: shelf.name },
      slotId: sc.slotId,
      items,
    };
  }

  private async layout(code: string): Promise<Layout | null> {
    const ctx = new RequestContext('scan-layout');
    const sc = await this.tx.repo(ctx, ScanCode).findOneBy({ code });
    if (!sc) return null;
    const [store, shelf, slots] = await Promise.all([
      this.tx.repo(ctx, Store).findOneByOrFail({ id: sc.storeId }),
      this.tx.repo(ctx, Shelf).findOneByOrFail({ id: sc.shelfId }),
      this.tx
        .repo(ctx, ShelfSlot)
        .find({ where: sc.slotId ? { id: sc.slotId } : { shelfId: sc.shelfId }, order: { position: 'ASC' } }),
    ]);
    const products = await this.products.findMany(
      ctx,
      slots.map((s) => s.productId),
      { onSaleOnly: true },
    );
    return { sc, store, shelf, slots, products: new Map(products.map((p) => [p.id, p])) };
  }

  private async items(ctx: RequestContext, layout: Layout): Promise<ScanItemDto[]> {
    const skuIds = [...layout.products.values()].flatMap((p) => p.skus.map((s) => s.id));
    // Stock is never cached: the platform's and this store's, in one hand-written statement.
    const rows: { id: string; stock: number; store_qty: number }[] = skuIds.length
      ? await this.tx.manager(ctx).query(
          `SELECT s.id, s.stock, COALESCE(ss.qty, 0) AS store_qty
             FROM sku s LEFT JOIN store_stock ss ON ss.store_id = $1 AND ss.sku_id = s.id
            WHERE s.id = ANY($2::uuid[])`,
          [layout.store.id, skuIds],
        )
      : [];
    const stock = new Map(rows.map((r) => [r.id, r]));
    const out: ScanItemDto[] = [];
    for (const slot of layout.slots) {
      const p = layout.products.get(slot.productId);
      if (!p) continue; // off sale or deleted: the shelf simply does not show it
      const skus = p.skus
        .filter((s) => (!slot.skuId || s.id === slot.skuId) && stock.has(s.id))
        .map((s) => {
          const storeStock = Number(stock.get(s.id)!.store_qty);
          const platformStock = Number(stock.get(s.id)!.stock);
          const availableModes = p.fulfilmentModes.filter((m: FulfilmentMode) =>
            m === 'express' ? platformStock > 0 : storeStock > 0,
          );
          return {
            id: s.id,
            specs: s.specs,
            priceFen: s.priceFen,
            originalPriceFen: s.originalPriceFen,
            storeStock,
            platformStock,
            availableModes,
          };
        });
      out.push({
        slotId: slot.id,
        position: slot.position,
        productId: p.id,
        title: p.title,
        subtitle: p.subtitle,
        coverUrl: p.coverUrl,
        modes: p.fulfilmentModes,
        skus,
      });
    }
    return out;
  }

  private log(e: { code: string; userId: string | null; result: ScanResult; sc?: ScanCode }): void {
    this.scanLog.add({
      code: e.code,
      userId: e.userId,
      result: e.result,
      scanCodeId: e.sc?.id ?? null,
      storeId: e.sc?.storeId ?? null,
      shelfId: e.sc?.shelfId ?? null,
    });
  }

  /** The scan log; a store manager sees only their stores' scans (not unknown codes). */
  async logs(ctx: RequestContext, q: ScanLogQueryDto): Promise<Page<ScanLogDto>> {
    const stores = storeFilter(ctx, q.storeId);
    if (stores?.length === 0) return emptyPage(q);
    await this.scanLog.flush();
    return findPage(
      this.tx.repo(ctx, ScanLog),
      q,
      {
        where: {
          ...(stores ? { storeId: In(stores) } : {}),
          ...(q.userId ? { userId: q.userId } : {}),
          ...(q.result ? { result: q.result } : {}),
        },
        order: { createdAt: 'DESC', id: 'ASC' },
      },
      (rows) => rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    );
  }
}
