import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { pageWindow, type Page, type PageQuery } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { MarketingErrors } from './marketing.errors';

/** Points earned per yuan paid at the base multiplier (10000 bp). */
export const POINTS_PER_YUAN = 1;
/** A point spends as one fen; at most this share of the payable (after other discounts) goes on points. */
export const POINTS_CAP_BP = 5_000;

export type PointsKind = 'earn' | 'redeem' | 'redeem_return' | 'clawback' | 'expire' | 'adjust';

export interface PointsEntry {
  id: string;
  delta: number;
  kind: PointsKind;
  orderId: string | null;
  note: string | null;
  createdAt: Date;
}

export interface PostPoints {
  userId: string;
  delta: number;
  kind: PointsKind;
  /** Unique per movement: a repeat with the same ref posts nothing (idempotent events). */
  ref: string;
  orderId?: string | null;
  note?: string | null;
}

/** Points for a paid amount: whole yuan × base rate × the level's multiplier, rounded down. */
export function pointsFor(paidFen: number, multiplierBp: number): number {
  return Math.floor((Math.floor(Math.max(0, paidFen) / 100) * POINTS_PER_YUAN * multiplierBp) / 10_000);
}

/** The start of a year in China time (UTC+8). */
function yearStartCst(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);
}

/**
 * The points ledger: every movement is an entry, the account's balance is their sum
 * (the statement always equals the balance) and never goes below zero — a debit is one
 * conditional UPDATE, so concurrent redemptions cannot overdraw.
 */
@Injectable()
export class PointsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly clock: Clock,
  ) {}

  async balance(ctx: RequestContext, userId: string): Promise<number> {
    const rows: { balance: string }[] = await this.tx
      .manager(ctx)
      .query(`SELECT balance FROM points_account WHERE user_id = $1`, [userId]);
    return rows.length ? Number(rows[0].balance) : 0;
  }

  /** Posts one movement; false when its ref was posted before. A debit beyond the balance throws. */
  async post(ctx: RequestContext, p: PostPoints): Promise<boolean> {
    if (!Number.isSafeInteger(p.delta) || p.delta === 0) return false;
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const inserted: unknown[] = await m.query(
        `INSERT INTO points_entry (user_id, delta, kind, order_id, ref, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (ref) DO NOTHING RETURNING id`,
        [p.userId, p.delta, p.kind, p.orderId ?? null, p.ref, p.note ?? null, this.clock.now()],
      );
      if (!inserted.length) return false;
      if (p.delta > 0) {
        await m.query(
          `INSERT INTO points_account (user_id, balance) VALUES ($1, $2)
           ON CONFLICT (user_id) DO UPDATE SET balance = points_account.balance + EXCLUDED.balance, updated_at = now()`,
          [p.userId, p.delta],
        );
      } else {
        const [, n]: [unknown, number] = await m.query(
          `UPDATE points_account SET balance = balance + $2::bigint, updated_at = now() WHERE user_id = $1 AND balance >= -$2::bigint`,
          [p.userId, p.delta],
        );
        if (!n) throw MarketingErrors.POINTS_INSUFFICIENT({ needed: -p.delta });
      }
      return true;
    });
  }

  async statement(
    ctx: RequestContext,
    userId: string,
    q: PageQuery,
  ): Promise<Page<PointsEntry> & { balance: number }> {
    const { skip, take, page, pageSize } = pageWindow(q);
    const m = this.tx.manager(ctx);
    const [rows, [{ total }], balance] = await Promise.all([
      m.query(
        `SELECT id, delta, kind, order_id, note, created_at FROM points_entry WHERE user_id = $1
         ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [userId, take, skip],
      ) as Promise<
        {
          id: string;
          delta: string;
          kind: PointsKind;
          order_id: string | null;
          note: string | null;
          created_at: Date;
        }[]
      >,
      m.query(`SELECT count(*)::int AS total FROM points_entry WHERE user_id = $1`, [userId]) as Promise<
        { total: number }[]
      >,
      this.balance(ctx, userId),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        delta: Number(r.delta),
        kind: r.kind,
        orderId: r.order_id,
        note: r.note,
        createdAt: r.created_at,
      })),
      total,
      page,
      pageSize,
      balance,
    };
  }

  /**
   * Year-end expiry: points earned in a year lapse at the end of the following year. Spending
   * takes the oldest points first, so what lapses is what is left of the credits from before
   * last year once every debit so far is taken from them. One entry per member and year.
   */
  async expire(ctx: RequestContext, asOf: Date = this.clock.now()): Promise<number> {
    const year = new Date(asOf.getTime() + 8 * 3_600_000).getUTCFullYear();
    const cutoff = yearStartCst(year - 1);
    const due: { user_id: string; due: string }[] = await this.tx.manager(ctx).query(
      `SELECT user_id, least(a.balance, s.old - s.debits) AS due FROM (
         SELECT user_id,
                coalesce(sum(delta) FILTER (WHERE delta > 0 AND created_at < $1), 0) AS old,
                coalesce(-sum(delta) FILTER (WHERE delta < 0), 0) AS debits
           FROM points_entry GROUP BY user_id) s
         JOIN points_account a USING (user_id)
        WHERE s.old - s.debits > 0 AND a.balance > 0`,
      [cutoff],
    );
    let expired = 0;
    for (const d of due) {
      const posted = await this.post(ctx, {
        userId: d.user_id,
        delta: -Number(d.due),
        kind: 'expire',
        ref: `expire:${year}:${d.user_id}`,
        note: `${year - 2}年及以前的积分到期`,
      });
      if (posted) expired += Number(d.due);
    }
    return expired;
  }
}
