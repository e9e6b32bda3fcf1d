import { Injectable } from '@nestjs/common';
import { inStoreScope } from '../../common/auth/store-scope';
import { type Page, findPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import type { ScanCodeDto, ScanCodeQueryDto } from './dto/shelf.dto';
import { ScanCode } from './entities/scan-code.entity';
import { ShelfSlot } from './entities/shelf-slot.entity';
import { Shelf } from './entities/shelf.entity';
import { randomCode, SCAN_CODE_SHAPE } from './scan-code';
import { StoresErrors } from './stores.errors';
import { toScanCodeDto } from './dto/mappers';

/**
 * Issues, disables and re-issues scan codes. Codes are 16 crypto-random
 * characters; the unique index makes a (astronomically unlikely) collision fail
 * loudly instead of pointing two targets at one code, and rows are never deleted,
 * so a code is never reused.
 */
@Injectable()
export class ScanCodeService {
  constructor(private readonly tx: TransactionService) {}

  async load(ctx: RequestContext, id: string): Promise<ScanCode> {
    const c = await this.tx.repo(ctx, ScanCode).findOneBy({ id });
    if (!c || !inStoreScope(ctx, c.storeId)) throw StoresErrors.SCAN_CODE_NOT_FOUND({ id });
    return c;
  }

  /**
   * The store of an active scan code, for checkout (SPEC §5: the store of the scan in
   * this session). Unknown or malformed → SCAN_CODE_NOT_FOUND; disabled →
   * SCAN_CODE_DISABLED, as the scan page answers. Whether the store itself is open is
   * the caller's rule (checkout answers ORDER_STORE_SUSPENDED). Not logged as a scan:
   * the scan was logged when it was resolved.
   */
  async storeOf(ctx: RequestContext, code: string): Promise<string> {
    const sc = SCAN_CODE_SHAPE.test(code) ? await this.tx.repo(ctx, ScanCode).findOneBy({ code }) : null;
    if (!sc) throw StoresErrors.SCAN_CODE_NOT_FOUND();
    if (sc.status !== 'active') throw StoresErrors.SCAN_CODE_DISABLED({ reason: 'code_disabled' });
    return sc.storeId;
  }

  async issue(
    ctx: RequestContext,
    target: { shelfId: string; slotId?: string | null },
  ): Promise<ScanCodeDto> {
    return this.tx.run(ctx, async (ctx) => {
      const shelf = await this.tx.repo(ctx, Shelf).findOneBy({ id: target.shelfId });
      if (!shelf || !inStoreScope(ctx, shelf.storeId))
        throw StoresErrors.SHELF_NOT_FOUND({ id: target.shelfId });
      const slotId = target.slotId ?? null;
      if (slotId && !(await this.tx.repo(ctx, ShelfSlot).existsBy({ id: slotId, shelfId: shelf.id }))) {
        throw StoresErrors.SHELF_SLOT_NOT_FOUND({ id: slotId });
      }
      const repo = this.tx.repo(ctx, ScanCode);
      // The partial unique indexes also refuse a second active code under a race.
      const active = await repo
        .createQueryBuilder('c')
        .where('c.shelfId = :shelfId AND c.status = :status', { shelfId: shelf.id, status: 'active' })
        .andWhere(slotId ? 'c.slotId = :slotId' : 'c.slotId IS NULL', { slotId })
        .getOne();
      if (active) throw StoresErrors.SCAN_CODE_ALREADY_ACTIVE({ scanCodeId: active.id, code: active.code });
      const saved = await repo.save(
        repo.create({
          code: randomCode(),
          storeId: shelf.storeId,
          shelfId: shelf.id,
          slotId,
          status: 'active',
        }),
      );
      return toScanCodeDto(saved);
    });
  }

  /** Takes a code out of use for good; scanning it then answers SCAN_CODE_DISABLED. Idempotent. */
  async disable(ctx: RequestContext, id: string): Promise<ScanCodeDto> {
    return this.tx.run(ctx, async (ctx) => {
      await this.load(ctx, id);
      await this.tx
        .repo(ctx, ScanCode)
        .createQueryBuilder()
        .update()
        .set({ status: 'disabled', disabledAt: () => 'now()' })
        .where('id = :id AND status = :active', { id, active: 'active' })
        .execute();
      return toScanCodeDto(await this.load(ctx, id));
    });
  }

  /** Disables a code and issues a new one for the same shelf or slot (a sticker was lost or copied). */
  async reissue(ctx: RequestContext, id: string): Promise<ScanCodeDto> {
    return this.tx.run(ctx, async (ctx) => {
      const old = await this.disable(ctx, id);
      const fresh = await this.issue(ctx, { shelfId: old.shelfId, slotId: old.slotId });
      await this.tx.repo(ctx, ScanCode).update({ id }, { replacedById: fresh.id });
      return fresh;
    });
  }

  async disableForSlot(ctx: RequestContext, slotId: string): Promise<void> {
    await this.tx
      .repo(ctx, ScanCode)
      .createQueryBuilder()
      .update()
      .set({ status: 'disabled', disabledAt: () => 'now()' })
      .where('slot_id = :slotId AND status = :active', { slotId, active: 'active' })
      .execute();
  }

  async listForStore(ctx: RequestContext, storeId: string, q: ScanCodeQueryDto): Promise<Page<ScanCodeDto>> {
    return findPage(
      this.tx.repo(ctx, ScanCode),
      q,
      {
        where: { storeId, ...(q.status ? { status: q.status } : {}) },
        order: { createdAt: 'ASC', id: 'ASC' },
      },
      (rows) => rows.map(toScanCodeDto),
    );
  }

  /** Every active code of a store, for the QR sheet. */
  activeForStore(ctx: RequestContext, storeId: string): Promise<ScanCode[]> {
    return this.tx.repo(ctx, ScanCode).find({
      where: { storeId, status: 'active' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
