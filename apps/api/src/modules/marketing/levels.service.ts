import { Injectable } from '@nestjs/common';
import { Clock, DAY_MS } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { MarketingErrors } from './marketing.errors';

export interface MemberLevel {
  id: string;
  name: string;
  thresholdFen: number;
  /** Share of the goods taken off every order of a member at this level. */
  discountBp: number;
  /** Points earned per yuan, ×10,000 (10000 = 1 point per yuan). */
  pointsMultiplierBp: number;
}

export interface MemberStats {
  lifetimeSpendFen: number;
  lifetimeOrders: number;
  last90SpendFen: number;
  last90Orders: number;
  lastPurchaseAt: Date | null;
}

export interface LevelProgress {
  level: MemberLevel | null;
  next: MemberLevel | null;
  /** Spend still needed for the next level (0 at the top). */
  toNextFen: number;
  stats: MemberStats;
}

interface LevelRow {
  id: string;
  name: string;
  threshold_fen: string;
  discount_bp: number;
  points_multiplier_bp: number;
}

const toLevel = (r: LevelRow): MemberLevel => ({
  id: r.id,
  name: r.name,
  thresholdFen: Number(r.threshold_fen),
  discountBp: r.discount_bp,
  pointsMultiplierBp: r.points_multiplier_bp,
});

/**
 * Member levels by cumulative spend: what was paid for goods, online and at the till
 * (offline sales are orders of channel `offline`), less refunds. The level is read from
 * the spend whenever asked, so it changes the moment an order is paid or refunded.
 */
@Injectable()
export class LevelsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext): Promise<MemberLevel[]> {
    const rows: LevelRow[] = await this.tx
      .manager(ctx)
      .query(`SELECT * FROM member_level ORDER BY threshold_fen`);
    return rows.map(toLevel);
  }

  async create(ctx: RequestContext, input: Omit<MemberLevel, 'id'>): Promise<MemberLevel> {
    try {
      const [row]: LevelRow[] = await this.tx.manager(ctx).query(
        `INSERT INTO member_level (name, threshold_fen, discount_bp, points_multiplier_bp)
         VALUES ($1, $2, $3, $4) RETURNING *`,
        [input.name, input.thresholdFen, input.discountBp, input.pointsMultiplierBp],
      );
      return toLevel(row);
    } catch (err) {
      throw isUniqueViolation(err) ? MarketingErrors.MEMBER_LEVEL_THRESHOLD_TAKEN() : err;
    }
  }

  async update(
    ctx: RequestContext,
    id: string,
    input: Partial<Omit<MemberLevel, 'id'>>,
  ): Promise<MemberLevel> {
    try {
      const [rows]: [LevelRow[]] = await this.tx.manager(ctx).query(
        `UPDATE member_level SET name = coalesce($2, name), threshold_fen = coalesce($3, threshold_fen),
           discount_bp = coalesce($4, discount_bp), points_multiplier_bp = coalesce($5, points_multiplier_bp),
           updated_at = now() WHERE id = $1 RETURNING *`,
        [id, input.name, input.thresholdFen, input.discountBp, input.pointsMultiplierBp],
      );
      if (!rows.length) throw MarketingErrors.MEMBER_LEVEL_NOT_FOUND();
      return toLevel(rows[0]);
    } catch (err) {
      throw isUniqueViolation(err) ? MarketingErrors.MEMBER_LEVEL_THRESHOLD_TAKEN() : err;
    }
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const [, count]: [unknown, number] = await this.tx
      .manager(ctx)
      .query(`DELETE FROM member_level WHERE id = $1`, [id]);
    if (!count) throw MarketingErrors.MEMBER_LEVEL_NOT_FOUND();
  }

  /** Lifetime and last-90-day spend (goods paid less refunds), online and offline. */
  async stats(ctx: RequestContext, userId: string): Promise<MemberStats> {
    const since = new Date(this.clock.now().getTime() - 90 * DAY_MS);
    const [r]: {
      spend: string;
      orders: number;
      spend90: string;
      orders90: number;
      last: Date | null;
    }[] = await this.tx.manager(ctx).query(
      `SELECT coalesce(sum(l.paid_fen - l.refunded_fen), 0) AS spend,
              count(DISTINCT o.id)::int AS orders,
              coalesce(sum(l.paid_fen - l.refunded_fen) FILTER (WHERE o.paid_at >= $2), 0) AS spend90,
              count(DISTINCT o.id) FILTER (WHERE o.paid_at >= $2)::int AS orders90,
              max(o.paid_at) AS last
         FROM orders o JOIN order_line l ON l.order_id = o.id
        WHERE o.buyer_id = $1 AND o.paid_at IS NOT NULL`,
      [userId, since],
    );
    return {
      lifetimeSpendFen: Number(r.spend),
      lifetimeOrders: r.orders,
      last90SpendFen: Number(r.spend90),
      last90Orders: r.orders90,
      lastPurchaseAt: r.last,
    };
  }

  async progress(ctx: RequestContext, userId: string): Promise<LevelProgress> {
    const [levels, stats] = await Promise.all([this.list(ctx), this.stats(ctx, userId)]);
    const reached = levels.filter((l) => l.thresholdFen <= stats.lifetimeSpendFen);
    const level = reached[reached.length - 1] ?? null;
    const next = levels.find((l) => l.thresholdFen > stats.lifetimeSpendFen) ?? null;
    return { level, next, toNextFen: next ? next.thresholdFen - stats.lifetimeSpendFen : 0, stats };
  }

  /** The member's level now (null when operators have set none, or none is reached). */
  async levelOf(ctx: RequestContext, userId: string): Promise<MemberLevel | null> {
    const levels = await this.list(ctx);
    if (!levels.length) return null;
    return (await this.progress(ctx, userId)).level;
  }
}

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505';
}
