import { Injectable } from '@nestjs/common';
import { storeScope } from '../../common/auth/store-scope';
import { emptyPage, pageWindow, toPage, type Page } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AuditService } from '../audit/audit.service';
import type { CreateRestockDto, HandleRestockDto, RestockDto } from './dto/restock.dto';
import { RestockRequest, type RestockStatus } from './entities/restock-request.entity';
import { StoresErrors } from './stores.errors';
import { StoresService } from './stores.service';

interface Row {
  id: string;
  store_id: string;
  store_name: string;
  sku_id: string;
  title: string;
  specs: Record<string, string>;
  qty: number;
  note: string | null;
  nickname: string | null;
  status: RestockStatus;
  handle_note: string | null;
  handled_at: Date | null;
  created_at: Date;
}

const SELECT = `SELECT r.id, r.store_id, s.name AS store_name, r.sku_id, p.title, k.specs, r.qty, r.note,
       u.nickname, r.status, r.handle_note, r.handled_at, r.created_at
  FROM restock_request r JOIN store s ON s.id = r.store_id JOIN sku k ON k.id = r.sku_id
  JOIN product p ON p.id = k.product_id LEFT JOIN users u ON u.id = r.requested_by_user_id`;

/** 补货: store staff ask the operators for stock of one SKU; an operator marks it done or rejects it. */
@Injectable()
export class RestockService {
  constructor(
    private readonly tx: TransactionService,
    private readonly stores: StoresService,
    private readonly audit: AuditService,
  ) {}

  /** Staff of the store only (404 otherwise); audited like every write that reaches operators. */
  async create(
    ctx: RequestContext,
    userId: string,
    storeId: string,
    dto: CreateRestockDto,
  ): Promise<RestockDto> {
    return this.tx.run(ctx, async (ctx) => {
      await this.stores.assertStaff(ctx, storeId, userId);
      const [sku] = await this.tx.manager(ctx).query(`SELECT 1 FROM sku WHERE id = $1`, [dto.skuId]);
      if (!sku) throw StoresErrors.RESTOCK_SKU_NOT_FOUND({ skuId: dto.skuId });
      const repo = this.tx.repo(ctx, RestockRequest);
      const r = await repo.save(
        repo.create({
          storeId,
          skuId: dto.skuId,
          qty: dto.qty,
          note: dto.note?.trim() || null,
          requestedByUserId: userId,
          status: 'open',
        }),
      );
      await this.audit.record(ctx, {
        action: 'restock.requested',
        entityType: 'restock_request',
        entityId: r.id,
        after: { storeId, skuId: r.skuId, qty: r.qty, note: r.note },
      });
      return this.get(ctx, r.id);
    });
  }

  /** The store's requests, newest first (staff of the store only). */
  async listForStore(
    ctx: RequestContext,
    userId: string,
    storeId: string,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<RestockDto>> {
    await this.stores.assertStaff(ctx, storeId, userId);
    return this.list(ctx, { ...q, storeId });
  }

  /** For operators; a store manager sees only their stores' requests. */
  async list(
    ctx: RequestContext,
    q: { status?: RestockStatus; storeId?: string; page?: number; pageSize?: number },
  ): Promise<Page<RestockDto>> {
    const scope = storeScope(ctx);
    if (scope?.length === 0) return emptyPage(q);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.status) add('r.status = ?', q.status);
    if (q.storeId) add('r.store_id = ?', q.storeId);
    if (scope) add('r.store_id = ANY(?::uuid[])', scope);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { skip, take } = pageWindow(q);
    const m = this.tx.manager(ctx);
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM restock_request r ${cond}`,
      params,
    );
    const rows: Row[] = await m.query(
      `${SELECT} ${cond} ORDER BY r.created_at DESC, r.id LIMIT ${take} OFFSET ${skip}`,
      params,
    );
    return toPage(rows.map(toDto), n, q);
  }

  /** An operator closes an open request (409 once handled); audited with before and after. */
  async handle(ctx: RequestContext, id: string, dto: HandleRestockDto): Promise<RestockDto> {
    return this.tx.run(ctx, async (ctx) => {
      const before = await this.get(ctx, id);
      if (storeScope(ctx) && !storeScope(ctx)!.includes(before.storeId))
        throw StoresErrors.RESTOCK_NOT_FOUND({ id });
      const done = await this.tx
        .repo(ctx, RestockRequest)
        .createQueryBuilder()
        .update()
        .set({
          status: dto.status,
          handleNote: dto.note?.trim() || null,
          handledBy: ctx.actor?.id ?? null,
          handledAt: () => 'now()',
        })
        .where(`id = :id AND status = 'open'`, { id })
        .execute();
      if (!done.affected) throw StoresErrors.RESTOCK_ALREADY_HANDLED({ id, status: before.status });
      const after = await this.get(ctx, id);
      await this.audit.record(ctx, {
        action: `restock.${dto.status}`,
        entityType: 'restock_request',
        entityId: id,
        before,
        after,
        reason: dto.note ?? null,
      });
      return after;
    });
  }

  private async get(ctx: RequestContext, id: string): Promise<RestockDto> {
    const [row]: Row[] = await this.tx.manager(ctx).query(`${SELECT} WHERE r.id = $1`, [id]);
    if (!row) throw StoresErrors.RESTOCK_NOT_FOUND({ id });
    return toDto(row);
  }
}

function toDto(r: Row): RestockDto {
  return {
    id: r.id,
    storeId: r.store_id,
    storeName: r.store_name,
    skuId: r.sku_id,
    title: r.title,
    specs: r.specs,
    qty: r.qty,
    note: r.note,
    requestedBy: r.nickname,
    status: r.status,
    handleNote: r.handle_note,
    handledAt: r.handled_at ? new Date(r.handled_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
