import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { type Page, findPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { inStoreScope } from '../../common/auth/store-scope';
import { TransactionService } from '../../common/transaction.service';
import { ProductService } from '../catalog/product.service';
import type { CreateShelfDto, ReplaceSlotsDto, ShelfDto, UpdateShelfDto } from './dto/shelf.dto';
import { ScanCode } from './entities/scan-code.entity';
import { ShelfSlot } from './entities/shelf-slot.entity';
import { Shelf } from './entities/shelf.entity';
import { ScanCodeService } from './scan-code.service';
import { StoresService } from './stores.service';
import { StoresErrors } from './stores.errors';

/** Shelves of a store and their ordered slots. A new shelf gets its scan code at once. */
@Injectable()
export class ShelfService {
  constructor(
    private readonly tx: TransactionService,
    private readonly stores: StoresService,
    private readonly products: ProductService,
    private readonly codes: ScanCodeService,
  ) {}

  async load(ctx: RequestContext, id: string): Promise<Shelf> {
    const s = await this.tx.repo(ctx, Shelf).findOneBy({ id });
    if (!s || !inStoreScope(ctx, s.storeId)) throw StoresErrors.SHELF_NOT_FOUND({ id });
    return s;
  }

  private async toDtos(ctx: RequestContext, shelves: Shelf[]): Promise<ShelfDto[]> {
    const ids = shelves.map((s) => s.id);
    if (!ids.length) return [];
    const slots = await this.tx
      .repo(ctx, ShelfSlot)
      .find({ where: { shelfId: In(ids) }, order: { position: 'ASC' } });
    const codes = await this.tx.repo(ctx, ScanCode).find({ where: { shelfId: In(ids), status: 'active' } });
    return shelves.map((s) => ({
      id: s.id,
      storeId: s.storeId,
      name: s.name,
      sortOrder: s.sortOrder,
      slots: slots
        .filter((x) => x.shelfId === s.id)
        .map((x) => ({ id: x.id, position: x.position, productId: x.productId, skuId: x.skuId })),
      code: codes.find((c) => c.shelfId === s.id && !c.slotId)?.code ?? null,
    }));
  }

  async get(ctx: RequestContext, id: string): Promise<ShelfDto> {
    return (await this.toDtos(ctx, [await this.load(ctx, id)]))[0];
  }

  async create(ctx: RequestContext, storeId: string, dto: CreateShelfDto): Promise<ShelfDto> {
    return this.tx.run(ctx, async (ctx) => {
      await this.stores.load(ctx, storeId);
      const repo = this.tx.repo(ctx, Shelf);
      const shelf = await repo.save(
        repo.create({ storeId, name: dto.name.trim(), sortOrder: dto.sortOrder ?? 0 }),
      );
      await this.codes.issue(ctx, { shelfId: shelf.id });
      return this.get(ctx, shelf.id);
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateShelfDto): Promise<ShelfDto> {
    return this.tx.run(ctx, async (ctx) => {
      const shelf = await this.load(ctx, id);
      if (dto.name !== undefined) shelf.name = dto.name.trim();
      if (dto.sortOrder !== undefined) shelf.sortOrder = dto.sortOrder;
      await this.tx.repo(ctx, Shelf).save(shelf);
      return this.get(ctx, id);
    });
  }

  async list(
    ctx: RequestContext,
    storeId: string,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<ShelfDto>> {
    await this.stores.load(ctx, storeId);
    return findPage(
      this.tx.repo(ctx, Shelf),
      q,
      { where: { storeId }, order: { sortOrder: 'ASC', createdAt: 'ASC' } },
      (rows) => this.toDtos(ctx, rows),
    );
  }

  /**
   * Replaces the shelf's slots with this ordered list. A slot that keeps its
   * position and product keeps its id (and so its printed slot code); slots that
   * go away have their codes disabled.
   */
  async replaceSlots(ctx: RequestContext, shelfId: string, dto: ReplaceSlotsDto): Promise<ShelfDto> {
    return this.tx.run(ctx, async (ctx) => {
      await this.load(ctx, shelfId);
      for (const s of dto.slots) await this.products.assertProductSku(ctx, s.productId, s.skuId);
      const repo = this.tx.repo(ctx, ShelfSlot);
      const current = await repo.find({ where: { shelfId }, order: { position: 'ASC' } });
      const kept = new Set<string>();
      for (const [position, s] of dto.slots.entries()) {
        const same = current.find((c) => c.position === position && c.productId === s.productId);
        if (same) {
          kept.add(same.id);
          if (same.skuId !== (s.skuId ?? null))
            await repo.update({ id: same.id }, { skuId: s.skuId ?? null });
        }
      }
      const gone = current.filter((c) => !kept.has(c.id));
      for (const g of gone) await this.codes.disableForSlot(ctx, g.id);
      if (gone.length) await repo.delete({ id: In(gone.map((g) => g.id)) });
      for (const [position, s] of dto.slots.entries()) {
        if (current.some((c) => kept.has(c.id) && c.position === position)) continue;
        await repo.insert({ shelfId, position, productId: s.productId, skuId: s.skuId ?? null });
      }
      return this.get(ctx, shelfId);
    });
  }

  /** Slots in order (for the scan page). */
  slots(ctx: RequestContext, shelfId: string): Promise<ShelfSlot[]> {
    return this.tx.repo(ctx, ShelfSlot).find({ where: { shelfId }, order: { position: 'ASC' } });
  }
}
