import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AuditService } from '../audit/audit.service';
import { SettingsService } from '../settings/settings.service';
import { lockBinding, recordEvent } from './binding-store';
import { decideReferrer, referrerExpiry, type ReferrerDecision } from './binding.rules';
import type { BindingSource } from './entities/binding-event.entity';
import { Reseller } from './entities/reseller.entity';
import { ReferralErrors } from './referral.errors';

/** pg_advisory_xact_lock key: referrer changes are serialised so two of them cannot close a cycle together. */
const REFERRAL_GRAPH_LOCK = 7_294_201;

export type BindOutcome = ReferrerDecision | 'cycle';

export interface ReferrerView {
  referrerId: string | null;
  boundAt: Date | null;
  expiresAt: Date | null;
}

/**
 * Referrer binding (推广关系), SPEC §4.
 *
 * How conflicts are decided: every change takes (1) a transaction-scoped
 * advisory lock on the referral graph, then (2) the customer's binding row lock,
 * and decides on what it reads under those locks. Concurrent opens of one or many
 * links by one customer therefore run one after the other: the first binds, the
 * rest see an active referrer and change nothing (`first`), or move it (`latest`).
 * The cheap case (already bound to this reseller) is answered before any lock.
 */
@Injectable()
export class ReferralBindingService {
  constructor(
    private readonly tx: TransactionService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async bindByShare(
    ctx: RequestContext,
    customerId: string,
    resellerId: string,
    source: BindingSource,
    ref: string,
    guide: { guide: boolean; storeId: string | null } = { guide: false, storeId: null },
  ): Promise<{ outcome: BindOutcome; referrer: ReferrerView }> {
    const settings = await this.settings.get(ctx);
    const fast = await this.current(ctx, customerId);
    const now0 = this.clock.now();
    if (
      fast.referrerId === resellerId &&
      (fast.expiresAt === null || fast.expiresAt > now0) &&
      customerId !== resellerId
    ) {
      return { outcome: 'unchanged', referrer: fast };
    }
    return this.tx.run(ctx, async (ctx) => {
      await this.tx.manager(ctx).query(`SELECT pg_advisory_xact_lock($1)`, [REFERRAL_GRAPH_LOCK]);
      const row = await lockBinding(this.tx, ctx, customerId);
      const now = this.clock.now();
      const before = {
        referrerId: row.referrerId,
        boundAt: row.referrerBoundAt,
        expiresAt: row.referrerExpiresAt,
      };
      const decision = decideReferrer(
        { referrerId: row.referrerId, expiresAt: row.referrerExpiresAt, everReferred: row.everReferred },
        customerId,
        resellerId,
        now,
        settings.referralBindPolicy,
      );
      if (decision !== 'bind' && decision !== 'move') return { outcome: decision, referrer: before };
      // A reseller link binds an approved reseller; a guide link a current member of its store.
      const allowed = guide.guide ? guide.storeId !== null : await this.isApproved(ctx, resellerId);
      if (!allowed) return { outcome: 'keep' as const, referrer: before };
      if (await this.wouldCycle(ctx, customerId, resellerId, now))
        return { outcome: 'cycle' as const, referrer: before };
      const after = {
        referrerId: resellerId,
        boundAt: now,
        expiresAt: referrerExpiry(now, settings.referralBindDays),
      };
      await this.save(ctx, customerId, after, guide.storeId);
      await recordEvent(
        this.tx,
        ctx,
        {
          userId: customerId,
          kind: 'referrer',
          source,
          beforeId: row.referrerId,
          afterId: resellerId,
          afterExpiresAt: after.expiresAt,
          ref,
        },
        now,
      );
      return { outcome: decision, referrer: after };
    });
  }

  /** The operator sets (resellerId) or clears (null) a customer's referrer, with a reason. */
  async setByAdmin(
    ctx: RequestContext,
    customerId: string,
    resellerId: string | null,
    reason: string,
  ): Promise<ReferrerView> {
    const settings = await this.settings.get(ctx);
    return this.tx.run(ctx, async (ctx) => {
      await this.tx.manager(ctx).query(`SELECT pg_advisory_xact_lock($1)`, [REFERRAL_GRAPH_LOCK]);
      const row = await lockBinding(this.tx, ctx, customerId);
      const now = this.clock.now();
      if (resellerId) {
        if (resellerId === customerId) throw ReferralErrors.REFERRAL_SELF_BINDING();
        if (!(await this.isApproved(ctx, resellerId))) throw ReferralErrors.REFERRAL_RESELLER_NOT_FOUND();
        if (await this.wouldCycle(ctx, customerId, resellerId, now)) throw ReferralErrors.REFERRAL_CYCLE();
      }
      const before = {
        referrerId: row.referrerId,
        boundAt: row.referrerBoundAt,
        expiresAt: row.referrerExpiresAt,
      };
      const after = resellerId
        ? { referrerId: resellerId, boundAt: now, expiresAt: referrerExpiry(now, settings.referralBindDays) }
        : { referrerId: null, boundAt: null, expiresAt: null };
      await this.save(ctx, customerId, after);
      await recordEvent(
        this.tx,
        ctx,
        {
          userId: customerId,
          kind: 'referrer',
          source: 'admin',
          beforeId: row.referrerId,
          afterId: after.referrerId,
          afterExpiresAt: after.expiresAt,
          reason,
        },
        now,
      );
      await this.audit.record(ctx, {
        action: resellerId ? 'referrer.move' : 'referrer.release',
        entityType: 'customer',
        entityId: customerId,
        before,
        after,
        reason,
      });
      return after;
    });
  }

  /**
   * Releases every customer bound to `resellerId` (a revoked reseller), each change in the
   * binding history with the reason; answers how many customers were released. Takes the
   * graph lock first, then the rows, in the same order as every other referrer change.
   */
  async releaseAllOf(ctx: RequestContext, resellerId: string, reason: string): Promise<number> {
    return this.tx.run(ctx, async (ctx) => {
      const m = this.tx.manager(ctx);
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [REFERRAL_GRAPH_LOCK]);
      const rows: unknown[] = await m.query(
        `WITH released AS (
           UPDATE customer_bindings SET referrer_id = NULL, referrer_bound_at = NULL,
                  referrer_expires_at = NULL, updated_at = now()
            WHERE referrer_id = $1::uuid
        RETURNING user_id)
         INSERT INTO binding_events (user_id, kind, source, before_id, after_id, after_expires_at, actor_id, reason, created_at)
         SELECT user_id, 'referrer', 'admin', $1::uuid, NULL, NULL, $2, $3, $4 FROM released
         RETURNING user_id`,
        [resellerId, ctx.actor?.id ?? null, reason.slice(0, 500), this.clock.now()],
      );
      return rows.length;
    });
  }

  /** The customer's referrer as stored (may have expired: compare expiresAt with now). */
  async current(ctx: RequestContext, customerId: string): Promise<ReferrerView> {
    const rows: {
      referrer_id: string | null;
      referrer_bound_at: Date | null;
      referrer_expires_at: Date | null;
    }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT referrer_id, referrer_bound_at, referrer_expires_at FROM customer_bindings WHERE user_id = $1`,
        [customerId],
      );
    const r = rows[0];
    return {
      referrerId: r?.referrer_id ?? null,
      boundAt: r?.referrer_bound_at ?? null,
      expiresAt: r?.referrer_expires_at ?? null,
    };
  }

  /** The active referrer now, or null. */
  async activeReferrer(ctx: RequestContext, customerId: string): Promise<string | null> {
    const r = await this.current(ctx, customerId);
    const active = r.referrerId && (r.expiresAt === null || r.expiresAt > this.clock.now());
    return active ? r.referrerId : null;
  }

  private async isApproved(ctx: RequestContext, userId: string): Promise<boolean> {
    return this.tx.repo(ctx, Reseller).exists({ where: { userId, status: 'approved' } });
  }

  /**
   * Binding customer → reseller closes a cycle when the customer is already
   * above the reseller: reachable from the reseller through active referrers or uplines.
   */
  private async wouldCycle(
    ctx: RequestContext,
    customerId: string,
    resellerId: string,
    now: Date,
  ): Promise<boolean> {
    const rows: { cycle: boolean }[] = await this.tx.manager(ctx).query(
      `WITH RECURSIVE edges(child, parent) AS (
         SELECT user_id, referrer_id FROM customer_bindings
          WHERE referrer_id IS NOT NULL AND (referrer_expires_at IS NULL OR referrer_expires_at > $3)
         UNION
         SELECT user_id, upline_id FROM resellers WHERE upline_id IS NOT NULL
       ), up(id, depth) AS (
         SELECT $1::uuid, 0
         UNION ALL
         SELECT e.parent, up.depth + 1 FROM up JOIN edges e ON e.child = up.id WHERE up.depth < 64
       )
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $2::uuid) AS cycle`,
      [resellerId, customerId, now],
    );
    return rows[0]?.cycle === true;
  }

  /** `guideStoreId`: the store of the guide link that bound the referrer (null for a reseller link). */
  private async save(
    ctx: RequestContext,
    customerId: string,
    r: ReferrerView,
    guideStoreId: string | null = null,
  ): Promise<void> {
    await this.tx.manager(ctx).query(
      `UPDATE customer_bindings
          SET referrer_id = $2::uuid, referrer_bound_at = $3, referrer_expires_at = $4, referrer_store_id = $5::uuid,
              ever_referred = ever_referred OR $2::uuid IS NOT NULL, updated_at = now()
        WHERE user_id = $1`,
      [customerId, r.referrerId, r.boundAt, r.expiresAt, guideStoreId],
    );
  }
}
