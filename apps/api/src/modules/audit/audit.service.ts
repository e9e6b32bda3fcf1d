import { Injectable } from '@nestjs/common';
import type { FindOptionsWhere } from 'typeorm';
import { And, LessThan, MoreThanOrEqual } from 'typeorm';
import { type Page, findPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import type { AuditEntryDto, AuditQueryDto } from './dto/audit.dto';
import { AuditLog } from './entities/audit-log.entity';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
}

/** Keeps only JSON-safe values (dates as ISO strings) and never a secret. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'sessionKey', 'refreshHash']);
function snapshot(value: object | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (SECRET_KEYS.has(k) ? undefined : v))) as Record<
    string,
    unknown
  >;
}

/**
 * The audit log of every admin write. `record` joins the caller's transaction
 * (call it inside the write's `tx.run`), so an entry exists exactly when the write committed.
 */
@Injectable()
export class AuditService {
  /** Requests that recorded their own entry (the generic admin-write interceptor then stays quiet). */
  private readonly recorded = new Map<string, number>();

  constructor(private readonly tx: TransactionService) {}

  wasRecorded(requestId: string): boolean {
    return this.recorded.has(requestId);
  }

  async record(ctx: RequestContext, input: AuditInput): Promise<void> {
    this.recorded.set(ctx.requestId, Date.now());
    if (this.recorded.size > 5_000) {
      const cutoff = Date.now() - 60_000;
      for (const [id, at] of this.recorded) if (at < cutoff) this.recorded.delete(id);
    }
    const actor = ctx.actor ?? { kind: 'system' as const, id: 'unknown' };
    const entry: Partial<AuditLog> = {
      actorKind: actor.kind,
      actorId: actor.id,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      before: snapshot(input.before),
      after: snapshot(input.after),
      reason: input.reason ?? null,
      requestId: ctx.requestId,
    };
    await this.tx.repo(ctx, AuditLog).save(this.tx.repo(ctx, AuditLog).create(entry));
  }

  async list(ctx: RequestContext, q: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const where: FindOptionsWhere<AuditLog> = {};
    if (q.actorId) where.actorId = q.actorId;
    if (q.entityType) where.entityType = q.entityType;
    if (q.entityId) where.entityId = q.entityId;
    if (q.action) where.action = q.action;
    if (q.from && q.to) where.createdAt = And(MoreThanOrEqual(new Date(q.from)), LessThan(new Date(q.to)));
    else if (q.from) where.createdAt = MoreThanOrEqual(new Date(q.from));
    else if (q.to) where.createdAt = LessThan(new Date(q.to));
    return findPage(
      this.tx.repo(ctx, AuditLog),
      q,
      { where, order: { createdAt: 'DESC', id: 'DESC' } },
      (rows) =>
        rows.map((r) => ({
          id: r.id,
          actorKind: r.actorKind,
          actorId: r.actorId,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: r.before,
          after: r.after,
          reason: r.reason,
          requestId: r.requestId,
          createdAt: r.createdAt.toISOString(),
        })),
    );
  }
}
