import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { pageWindow, toPage, type Page, findPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../identity/users.service';
import { SettingsService } from '../settings/settings.service';
import { Reseller, type ResellerStatus } from './entities/reseller.entity';
import { ReferralBindingService } from './referral-binding.service';
import { ReferralErrors } from './referral.errors';

export interface TeamMember {
  userId: string;
  nickname: string | null;
  avatarUrl: string | null;
  joinedAt: Date;
  /** 1: my direct downline; 2: a downline of one of them. */
  level: 1 | 2;
  /** level 2: the level-1 reseller they joined through. */
  viaNickname: string | null;
  customers: number;
}

export interface ResellerView {
  userId: string;
  nickname: string | null;
  avatarUrl: string | null;
  uplineNickname: string | null;
  status: ResellerStatus;
  uplineId: string | null;
  appliedAt: Date;
  decidedAt: Date | null;
  rejectReason: string | null;
  revokedAt: Date | null;
  revokeReason: string | null;
}

const view = (r: Reseller): ResellerView => ({
  userId: r.userId,
  nickname: null,
  avatarUrl: null,
  uplineNickname: null,
  status: r.status,
  uplineId: r.uplineId,
  appliedAt: r.appliedAt,
  decidedAt: r.decidedAt,
  rejectReason: r.rejectReason,
  revokedAt: r.revokedAt,
  revokeReason: r.revokeReason,
});

/**
 * Reseller recruitment per `resellerMode`: `everyone` approves at once;
 * `approval` waits for an operator; `invited` approves at once a customer whose
 * active referrer is a reseller (the invitation is the share link) and refuses others.
 * The upline is fixed at approval: the customer's active referrer then.
 */
@Injectable()
export class ResellerService {
  constructor(
    private readonly tx: TransactionService,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly bindings: ReferralBindingService,
    private readonly clock: Clock,
  ) {}

  async mine(ctx: RequestContext, userId: string): Promise<ResellerView | null> {
    const r = await this.tx.repo(ctx, Reseller).findOneBy({ userId });
    return r ? (await this.named(ctx, [view(r)]))[0] : null;
  }

  async isApproved(ctx: RequestContext, userId: string): Promise<boolean> {
    return this.tx.repo(ctx, Reseller).exists({ where: { userId, status: 'approved' } });
  }

  /** 403 REFERRAL_NOT_RESELLER unless the caller is an approved reseller. */
  async assertApproved(ctx: RequestContext, userId: string): Promise<void> {
    if (!(await this.isApproved(ctx, userId))) throw ReferralErrors.REFERRAL_NOT_RESELLER();
  }

  /** Applies (idempotent: a pending or approved application is returned as it is). */
  async apply(ctx: RequestContext, userId: string): Promise<ResellerView> {
    const { resellerMode } = await this.settings.get(ctx);
    const applied = await this.tx.run(ctx, async (ctx) => {
      const now = this.clock.now();
      await this.tx.manager(ctx).query(
        `INSERT INTO resellers (user_id, status, applied_at) VALUES ($1, 'pending', $2)
         ON CONFLICT (user_id) DO UPDATE SET status = 'pending', applied_at = $2, reject_reason = NULL,
           decided_at = NULL, decided_by = NULL
         WHERE resellers.status = 'rejected'`,
        [userId, now],
      );
      const current = await this.tx
        .repo(ctx, Reseller)
        .findOneOrFail({ where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (current.status !== 'pending' || resellerMode === 'approval') return view(current);
      if (resellerMode === 'invited' && !(await this.invitedBy(ctx, userId))) {
        throw ReferralErrors.REFERRAL_INVITATION_REQUIRED();
      }
      return this.approveLocked(ctx, current, `auto:${resellerMode}`);
    });
    return (await this.named(ctx, [applied]))[0];
  }

  /** Fills in the reseller's and the upline's nickname and avatar (one query for a page). */
  private async named(ctx: RequestContext, views: ResellerView[]): Promise<ResellerView[]> {
    const ids = [...new Set(views.flatMap((v) => (v.uplineId ? [v.userId, v.uplineId] : [v.userId])))];
    if (!ids.length) return views;
    const rows: { id: string; nickname: string | null; avatar_url: string | null }[] = await this.tx
      .manager(ctx)
      .query('SELECT id, nickname, avatar_url FROM users WHERE id = ANY($1::uuid[])', [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return views.map((v) => ({
      ...v,
      nickname: byId.get(v.userId)?.nickname ?? null,
      avatarUrl: byId.get(v.userId)?.avatar_url ?? null,
      uplineNickname: v.uplineId ? (byId.get(v.uplineId)?.nickname ?? null) : null,
    }));
  }

  async approve(ctx: RequestContext, userId: string): Promise<ResellerView> {
    return this.tx.run(ctx, async (ctx) => {
      const current = await this.lockPending(ctx, userId);
      const after = await this.approveLocked(ctx, current, null);
      await this.audit.record(ctx, {
        action: 'reseller.approve',
        entityType: 'reseller',
        entityId: userId,
        before: view(current),
        after,
      });
      return (await this.named(ctx, [after]))[0];
    });
  }

  async reject(ctx: RequestContext, userId: string, reason: string): Promise<ResellerView> {
    return this.tx.run(ctx, async (ctx) => {
      const current = await this.lockPending(ctx, userId);
      const before = view(current);
      await this.tx.repo(ctx, Reseller).update(
        { userId },
        {
          status: 'rejected',
          rejectReason: reason,
          decidedAt: this.clock.now(),
          decidedBy: ctx.actor?.id ?? null,
        },
      );
      const after = view(await this.tx.repo(ctx, Reseller).findOneByOrFail({ userId }));
      await this.audit.record(ctx, {
        action: 'reseller.reject',
        entityType: 'reseller',
        entityId: userId,
        before,
        after,
        reason,
      });
      return (await this.named(ctx, [after]))[0];
    });
  }

  /**
   * Revokes an approved reseller (清退), with a reason, audited. SPEC §4/§7 are silent on
   * revocation; we do what 有赞's 清退 does and keep the money rules unchanged:
   * - they stop earning at once: the reseller role goes, their share links and posters no
   *   longer bind, and checkout credits neither them (L1) nor them as an upline (L2);
   * - every customer bound to them is released (in the binding history), free to be bound
   *   to another reseller;
   * - commissions already accrued stay as they are: PENDING ones settle on the usual
   *   schedule (refunds still claw them back) and the balance stays theirs to withdraw —
   *   they were earned on sales made while approved, and SPEC §7 cancels a commission
   *   only for a refund.
   * Their downline keeps them as recorded upline (history), without L2 from now on.
   */
  async revoke(
    ctx: RequestContext,
    userId: string,
    reason: string,
  ): Promise<{ reseller: ResellerView; releasedCustomers: number }> {
    return this.tx.run(ctx, async (ctx) => {
      const current = await this.tx
        .repo(ctx, Reseller)
        .findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw ReferralErrors.REFERRAL_RESELLER_NOT_FOUND();
      if (current.status !== 'approved')
        throw ReferralErrors.REFERRAL_RESELLER_NOT_APPROVED({ status: current.status });
      const before = view(current);
      await this.tx.repo(ctx, Reseller).update(
        { userId },
        {
          status: 'revoked',
          revokedAt: this.clock.now(),
          revokedBy: ctx.actor?.id ?? null,
          revokeReason: reason,
        },
      );
      await this.users.removeRole(ctx, userId, 'reseller');
      const releasedCustomers = await this.bindings.releaseAllOf(ctx, userId, `推广员已清退：${reason}`);
      const after = view(await this.tx.repo(ctx, Reseller).findOneByOrFail({ userId }));
      await this.audit.record(ctx, {
        action: 'reseller.revoke',
        entityType: 'reseller',
        entityId: userId,
        before,
        after: { ...after, releasedCustomers },
        reason,
      });
      return { reseller: (await this.named(ctx, [after]))[0], releasedCustomers };
    });
  }

  async list(
    ctx: RequestContext,
    q: { status?: ResellerStatus; page?: number; pageSize?: number },
  ): Promise<Page<ResellerView>> {
    return findPage(
      this.tx.repo(ctx, Reseller),
      q,
      { where: q.status ? { status: q.status } : {}, order: { appliedAt: 'DESC' } },
      (rows) => this.named(ctx, rows.map(view)),
    );
  }

  /** The caller's team (approved resellers only): two levels below them. */
  async team(
    ctx: RequestContext,
    userId: string,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<TeamMember>> {
    await this.assertApproved(ctx, userId);
    return this.teamOf(ctx, userId, q);
  }

  /**
   * A reseller's team, two levels deep (the depth commissions reach; WeChat forbids deeper
   * distribution): level 1 are the approved resellers whose upline they are, level 2 the
   * approved resellers whose upline is one of those. Level 1 first, newest first, each with
   * how many customers are bound to them now. The app and the admin share it.
   */
  async teamOf(
    ctx: RequestContext,
    userId: string,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<TeamMember>> {
    const { skip, take } = pageWindow(q);
    const team = `SELECT r.user_id, r.decided_at, 1 AS level, NULL::uuid AS via
                    FROM resellers r WHERE r.upline_id = $1 AND r.status = 'approved'
                  UNION ALL
                  SELECT r2.user_id, r2.decided_at, 2 AS level, r2.upline_id AS via
                    FROM resellers r1 JOIN resellers r2 ON r2.upline_id = r1.user_id
                   WHERE r1.upline_id = $1 AND r1.status = 'approved' AND r2.status = 'approved'`;
    const rows: {
      user_id: string;
      nickname: string | null;
      avatar_url: string | null;
      decided_at: Date;
      level: number;
      via_nickname: string | null;
      customers: string;
    }[] = await this.tx.manager(ctx).query(
      `SELECT t.user_id, u.nickname, u.avatar_url, t.decided_at, t.level, v.nickname AS via_nickname,
                (SELECT count(*) FROM customer_bindings b WHERE b.referrer_id = t.user_id
                   AND (b.referrer_expires_at IS NULL OR b.referrer_expires_at > now())) AS customers
           FROM (${team}) t JOIN users u ON u.id = t.user_id LEFT JOIN users v ON v.id = t.via
          ORDER BY t.level, t.decided_at DESC, t.user_id LIMIT $2 OFFSET $3`,
      [userId, take, skip],
    );
    const [{ n }] = await this.tx.manager(ctx).query(`SELECT count(*)::int AS n FROM (${team}) t`, [userId]);
    const items = rows.map((r) => ({
      userId: r.user_id,
      nickname: r.nickname,
      avatarUrl: r.avatar_url,
      joinedAt: r.decided_at,
      level: Number(r.level) as 1 | 2,
      viaNickname: r.via_nickname,
      customers: Number(r.customers),
    }));
    return toPage(items, n, q);
  }

  private async lockPending(ctx: RequestContext, userId: string): Promise<Reseller> {
    const current = await this.tx
      .repo(ctx, Reseller)
      .findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw ReferralErrors.REFERRAL_RESELLER_NOT_FOUND();
    if (current.status !== 'pending')
      throw ReferralErrors.REFERRAL_RESELLER_NOT_PENDING({ status: current.status });
    return current;
  }

  private async invitedBy(ctx: RequestContext, userId: string): Promise<string | null> {
    const referrer = await this.bindings.activeReferrer(ctx, userId);
    return referrer && (await this.isApproved(ctx, referrer)) ? referrer : null;
  }

  private async approveLocked(
    ctx: RequestContext,
    current: Reseller,
    by: string | null,
  ): Promise<ResellerView> {
    const uplineId = await this.invitedBy(ctx, current.userId);
    await this.tx
      .repo(ctx, Reseller)
      .update(
        { userId: current.userId },
        { status: 'approved', uplineId, decidedAt: this.clock.now(), decidedBy: by ?? ctx.actor?.id ?? null },
      );
    await this.users.addRole(ctx, current.userId, 'reseller');
    return view(await this.tx.repo(ctx, Reseller).findOneByOrFail({ userId: current.userId }));
  }
}
