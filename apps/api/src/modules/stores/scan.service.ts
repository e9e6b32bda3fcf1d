import { Inject, Injectable, Optional } from '@nestjs/common';
import { In } from 'typeorm';
import { storeFilter } from '../../common/auth/store-scope';
import { type Page, findPage, emptyPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import type { FulfilmentMode } from '../catalog/entities/product.entity';
import { ProductService } from '../catalog/product.service';
import type { ScanItemDto, ScanLogDto, ScanLogQueryDto, ScanResultDto } from './dto/shelf.dto';
import { ScanCode } from './entities/scan-code.entity';
import { ScanLog, type ScanResult } from './entities/scan-log.entity';
import { ShelfSlot } from './entities/shelf-slot.entity';
import { Shelf } from './entities/shelf.entity';
import { Store } from './entities/store.entity';
import { SCAN_CODE_SHAPE } from './scan-code';
import { SCAN_LISTENER, type ScanListener } from './stores.ports';
import { StoreStockService } from './store-stock.service';
import { toStoreDto } from './dto/mappers';
import { StoresErrors } from './stores.errors';

/**
 * `GET /api/app/scan/{code}`: resolves a shelf or slot code to the store, the
 * shelf and its products with the store's stock. Every resolution (also of
 * unknown and disabled codes) is written to `scan_log`; a logged-in user's scan
 * is handed to the ScanListener (store lock) in the same transaction.
 *
 * A disabled code, or a code of a suspended store, answers 410 SCAN_CODE_DISABLED
 * (the mini-program shows "this code is no longer in use"); an unknown or
 * malformed code answers 404 SCAN_CODE_NOT_FOUND.
 */
@Injectable()
export class ScanService {
  constructor(
    private readonly tx: TransactionService,
    private readonly products: ProductService,
    private readonly stock: StoreStockService,
    @Optional() @Inject(SCAN_LISTENER) private readonly listener?: ScanListener,
  ) {}

  async resolve(ctx: RequestContext, rawCode: string, userId: string | null): Promise<ScanResultDto> {
    const code = rawCode.slice(0, 64);
    const sc = SCAN_CODE_SHAPE.test(code) ? await this.tx.repo(ctx, ScanCode).findOneBy({ code }) : null;
    if (!sc) {
      await this.log(ctx, { code, userId, result: 'not_found' });
      throw StoresErrors.SCAN_CODE_NOT_FOUND();
    }
    const store = await this.tx.repo(ctx, Store).findOneByOrFail({ id: sc.storeId });
    if (sc.status !== 'active' || store.status !== 'active') {
      await this.log(ctx, { code, userId, result: 'disabled', sc });
      throw StoresErrors.SCAN_CODE_DISABLED({
        reason: sc.status !== 'active' ? 'code_disabled' : 'store_suspended',
      });
    }
    const [shelf, slots] = await Promise.all([
      this.tx.repo(ctx, Shelf).findOneByOrFail({ id: sc.shelfId }),
      this.tx
        .repo(ctx, ShelfSlot)
        .find({ where: sc.slotId ? { id: sc.slotId } : { shelfId: sc.shelfId }, order: { position: 'ASC' } }),
    ]);
    const items = await this.items(ctx, store.id, slots);
    if (userId && this.listener) {
      const listener = this.listener;
      await this.tx.run(ctx, async (ctx) => {
        await this.log(ctx, { code, userId, result: 'resolved', sc });
        await listener.onScan(ctx, { userId, storeId: store.id, scanCodeId: sc.id, code: sc.code });
      });
    } else {
      // One INSERT needs no explicit transaction (two round trips fewer on the hot path).
      await this.log(ctx, { code, userId, result: 'resolved', sc });
    }
    return {
      code: sc.code,
      scanCodeId: sc.id,
      store: toStoreDto(store),
      shelf: { id: shelf.id, name: shelf.name },
      slotId: sc.slotId,
      items,
    };
  }

  private async items(ctx: RequestContext, storeId: string, slots: ShelfSlot[]): Promise<ScanItemDto[]> {
    const products = await this.products.findMany(
      ctx,
      slots.map((s) => s.productId),
      { onSaleOnly: true },
    );
    const byId = new Map(products.map((p) => [p.id, p]));
    const skuIds = products.flatMap((p) => p.skus.map((s) => s.id));
    const qty = await this.stock.quantities(ctx, storeId, skuIds);
    const out: ScanItemDto[] = [];
    for (const slot of slots) {
      const p = byId.get(slot.productId);
      if (!p) continue; // off sale or deleted: the shelf simply does not show it
      const skus = p.skus
        .filter((s) => !slot.skuId || s.id === slot.skuId)
        .map((s) => {
          const storeStock = qty.get(s.id) ?? 0;
          const availableModes = p.fulfilmentModes.filter((m: FulfilmentMode) =>
            m === 'express' ? s.stock > 0 : storeStock > 0,
          );
          return {
            id: s.id,
            specs: s.specs,
            priceFen: s.priceFen,
            originalPriceFen: s.originalPriceFen,
            storeStock,
            platformStock: s.stock,
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

  private async log(
    ctx: RequestContext,
    e: { code: string; userId: string | null; result: ScanResult; sc?: ScanCode },
  ): Promise<void> {
    await this.tx.repo(ctx, ScanLog).insert({
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
