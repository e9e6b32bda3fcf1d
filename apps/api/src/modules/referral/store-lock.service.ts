import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { lockBinding, recordEvent } from './binding-store';
import { decideStoreLock, storeLockExpiry, type StoreLockDecision } from './binding.rules';
import type { BindingSource } from './entities/binding-event.entity';

export interface StoreLockView {
  storeId: string | null;
  lockedAt: Date | null;
  expiresAt: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * Store lock (一键锁客), SPEC §4. All changes take the customer's binding row lock; a scan
 * renews an unchanged lock at most once a day.
 */
@Injectable()
export class StoreLockService {
  constructor(
    private readonly tx: TransactionService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A logged-in customer resolved a store's scan code: lock, renew, move (under
   * `latest`) or keep, per settings. Idempotent in effect; a change of store is
   * an event, a renewal only moves the expiry.
   */
  async lockOnScan(
    ctx: RequestContext,
    userId: string,
    storeId: string,
    source: { source?: BindingSource; ref?: string } = {},
  ): Promise<{ decision: StoreLockDecision; lock: StoreLockView }> {
    const settings = await this.settings.get(ctx);
    if (!ctx.manager) {
      // A plain read first: a repeat scan that would only keep the lock, or renew one renewed
      // less than a day ago, changes nothing, so it takes no row lock and opens no transaction.
      const rows: {
        store_id: string | null;
        store_locked_at: Date | null;
        store_lock_expires_at: Date | null;
      }[] = await this.tx
        .manager(ctx)
        .query(
          `SELECT store_id, store_locked_at, store_lock_expires_at FROM customer_bindings WHERE user_id = $1`,
          [userId],
        );
      const row = rows[0];
      if (row) {
        const now = this.clock.now();
        const lock = {
          storeId: row.store_id,
          lockedAt: row.store_locked_at,
          expiresAt: row.store_lock_expires_at,
        };
        const decision = decideStoreLock(lock, storeId, now, settings.storeLockPolicy);
        const renewedToday =
          decision === 'renew' &&
          lock.expiresAt !== null &&
          storeLockExpiry(now, settings.storeLockDays).getTime() - lock.expiresAt.getTime() < DAY_MS;
        if (decision === 'keep' || renewedToday) return { decision, lock };
      }
    }
    return this.tx.run(ctx, async (ctx) => {
      const row = await lockBinding(this.tx, ctx, userId);
      const now = this.clock.now();
      const decision = decideStoreLock(
        { storeId: row.storeId, expiresAt: row.storeLockExpiresAt },
        storeId,
        now,
        settings.storeLockPolicy,
      );
      if (decision === 'keep') return { decision, lock: view(row) };
      const expiresAt = storeLockExpiry(now, settings.storeLockDays);
      const lockedAt = decision === 'renew' ? row.storeLockedAt : now;
      await this.save(ctx, userId, storeId, lockedAt, expiresAt);
      if (decision !== 'renew') {
        await recordEvent(
          this.tx,
          ctx,
          {
            userId,
            kind: 'store',
            source: source.source ?? 'scan_code',
            beforeId: row.storeId,
            afterId: storeId,
            afterExpiresAt: expiresAt,
            ref: source.ref,
          },
          now,
        );
      }
      return { decision, lock: { storeId, lockedAt, expiresAt } };
    });
  }

  /** The operator moves a customer's lock to a store (a fresh `storeLockDays`), with a reason. */
  async moveByAdmin(
    ctx: RequestContext,
    userId: string,
    storeId: string,
    reason: string,
  ): Promise<StoreLockView> {
    const settings = await this.settings.get(ctx);
    return this.tx.run(ctx, async (ctx) => {
      const row = await lockBinding(this.tx, ctx, userId);
      const now = this.clock.now();
      const before = view(row);
      const after = { storeId, lockedAt: now, expiresAt: storeLockExpiry(now, settings.storeLockDays) };
      await this.save(ctx, userId, storeId, now, after.expiresAt);
      await this.logAdmin(ctx, userId, before, after, reason, now, 'store_lock.move');
      return after;
    });
  }

  /** The operator releases a customer's lock, with a reason; the next scan locks afresh. */
  async releaseByAdmin(ctx: RequestContext, userId: string, reason: string): Promise<StoreLockView> {
    return this.tx.run(ctx, async (ctx) => {
      const row = await lockBinding(this.tx, ctx, userId);
      const now = this.clock.now();
      const before = view(row);
      const after = { storeId: null, lockedAt: null, expiresAt: null };
      await this.save(ctx, userId, null, null, null);
      await this.logAdmin(ctx, userId, before, after, reason, now, 'store_lock.release');
      return after;
    });
  }

  private async save(
    ctx: RequestContext,
    userId: string,
    storeId: string | null,
    lockedAt: Date | null,
    expiresAt: Date | null,
  ): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(
        `UPDATE customer_bindings SET store_id = $2, store_locked_at = $3, store_lock_expires_at = $4, updated_at = now() WHERE user_id = $1`,
        [userId, storeId, lockedAt, expiresAt],
      );
  }

  private async logAdmin(
    ctx: RequestContext,
    userId: string,
    before: StoreLockView,
    after: StoreLockView,
    reason: string,
    now: Date,
    action: string,
  ): Promise<void> {
    await recordEvent(
      this.tx,
      ctx,
      {
        userId,
        kind: 'store',
        source: 'admin',
        beforeId: before.storeId,
        afterId: after.storeId,
        afterExpiresAt: after.expiresAt,
        reason,
      },
      now,
    );
    await this.audit.record(ctx, { action, entityType: 'customer', entityId: userId, before, after, reason });
  }
}

function view(row: { storeId: string | null; storeLockedAt: Date | null; storeLockExpiresAt: Date | null }) {
  return { storeId: row.storeId, lockedAt: row.storeLockedAt, expiresAt: row.storeLockExpiresAt };
}
