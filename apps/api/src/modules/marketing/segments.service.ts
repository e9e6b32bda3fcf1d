import { Injectable } from '@nestjs/common';
import { Clock, DAY_MS } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { LevelsService } from './levels.service';
import { MarketingErrors } from './marketing.errors';

/** A segment's rules; every rule given must hold (AND). */
export interface SegmentRules {
  /** Members at this level now (by lifetime spend). */
  levelId?: string;
  minSpendFen?: number;
  maxSpendFen?: number;
  /** Bought something in the last N days. */
  purchasedWithinDays?: number;
  /** Bought nothing in the last N days (never bought counts). */
  notPurchasedForDays?: number;
  /** Locked to this store now (一键锁客). */
  lockedStoreId?: string;
  /** Bound to this reseller now. */
  referrerId?: string;
  /** Has ever scanned a code of this store. */
  scannedStoreId?: string;
  /** Carries every one of these manual tags. */
  tags?: string[];
}

export interface Segment {
  id: string;
  name: string;
  rules: SegmentRules;
}

/**
 * Manual member tags and rule-based segments. A segment is evaluated in one SQL statement
 * over members, their spend (online and offline), bindings (store lock, referrer), scans and
 * tags — never by loading members into memory.
 */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly clock: Clock,
    private readonly levels: LevelsService,
  ) {}

  async tags(ctx: RequestContext, userId: string): Promise<string[]> {
    const rows: { tag: string }[] = await this.tx
      .manager(ctx)
      .query(`SELECT tag FROM member_tag WHERE user_id = $1 ORDER BY tag`, [userId]);
    return rows.map((r) => r.tag);
  }

  /** Replaces a member's tags. */
  async setTags(ctx: RequestContext, userId: string, tags: string[]): Promise<string[]> {
    await this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      await m.query(`DELETE FROM member_tag WHERE user_id = $1`, [userId]);
      if (tags.length)
        await m.query(
          `INSERT INTO member_tag (user_id, tag) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
          [userId, [...new Set(tags)]],
        );
    });
    return this.tags(ctx, userId);
  }

  async list(ctx: RequestContext): Promise<Segment[]> {
    return this.tx.manager(ctx).query(`SELECT id, name, rules FROM segment ORDER BY created_at DESC`);
  }

  async get(ctx: RequestContext, id: string): Promise<Segment> {
    const rows: Segment[] = await this.tx
      .manager(ctx)
      .query(`SELECT id, name, rules FROM segment WHERE id = $1`, [id]);
    if (!rows.length) throw MarketingErrors.SEGMENT_NOT_FOUND();
    return rows[0];
  }

  async create(ctx: RequestContext, name: string, rules: SegmentRules): Promise<Segment> {
    const [row] = await this.tx
      .manager(ctx)
      .query(`INSERT INTO segment (name, rules) VALUES ($1, $2) RETURNING id, name, rules`, [name, rules]);
    return row;
  }

  async update(ctx: RequestContext, id: string, name: string, rules: SegmentRules): Promise<Segment> {
    const [rows] = await this.tx
      .manager(ctx)
      .query(
        `UPDATE segment SET name = $2, rules = $3, updated_at = now() WHERE id = $1 RETURNING id, name, rules`,
        [id, name, rules],
      );
    if (!rows.length) throw MarketingErrors.SEGMENT_NOT_FOUND();
    return rows[0];
  }

  /** The members a segment's rules select now (user ids, oldest member first). */
  async members(ctx: RequestContext, id: string): Promise<string[]> {
    return this.evaluate(ctx, (await this.get(ctx, id)).rules);
  }

  async evaluate(ctx: RequestContext, rules: SegmentRules): Promise<string[]> {
    let minSpend = rules.minSpendFen ?? null;
    let maxSpend = rules.maxSpendFen ?? null;
    if (rules.levelId) {
      const levels = await this.levels.list(ctx);
      const i = levels.findIndex((l) => l.id === rules.levelId);
      if (i < 0) throw MarketingErrors.MEMBER_LEVEL_NOT_FOUND();
      minSpend = Math.max(minSpend ?? 0, levels[i].thresholdFen);
      // Below the next level's threshold (exclusive); maxSpendFen is inclusive, hence the -1.
      const next = levels[i + 1]?.thresholdFen;
      if (next !== undefined) maxSpend = Math.min(maxSpend ?? Number.MAX_SAFE_INTEGER, next - 1);
    }
    const now = this.clock.now();
    const daysAgo = (d?: number) => (d === undefined ? null : new Date(now.getTime() - d * DAY_MS));
    const rows: { id: string }[] = await this.tx.manager(ctx).query(
      `WITH spend AS (
         SELECT o.buyer_id AS user_id, sum(l.paid_fen - l.refunded_fen) AS spend, max(o.paid_at) AS last
           FROM orders o JOIN order_line l ON l.order_id = o.id WHERE o.paid_at IS NOT NULL GROUP BY o.buyer_id)
       SELECT u.id FROM users u
         LEFT JOIN spend s ON s.user_id = u.id
         LEFT JOIN customer_bindings b ON b.user_id = u.id
        WHERE ($1::bigint IS NULL OR coalesce(s.spend, 0) >= $1)
          AND ($2::bigint IS NULL OR coalesce(s.spend, 0) <= $2)
          AND ($3::timestamptz IS NULL OR s.last >= $3)
          AND ($4::timestamptz IS NULL OR s.last IS NULL OR s.last < $4)
          AND ($5::uuid IS NULL OR (b.store_id = $5 AND b.store_lock_expires_at > $9))
          AND ($6::uuid IS NULL OR (b.referrer_id = $6 AND b.referrer_expires_at > $9))
          AND ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM scan_log sl WHERE sl.user_id = u.id AND sl.store_id = $7))
          AND ($8::text[] IS NULL OR (SELECT count(*) FROM member_tag t WHERE t.user_id = u.id AND t.tag = ANY($8))
                                     = cardinality($8))
        ORDER BY u.created_at, u.id`,
      [
        minSpend,
        maxSpend,
        daysAgo(rules.purchasedWithinDays),
        daysAgo(rules.notPurchasedForDays),
        rules.lockedStoreId ?? null,
        rules.referrerId ?? null,
        rules.scannedStoreId ?? null,
        rules.tags?.length ? rules.tags : null,
        now,
      ],
    );
    return rows.map((r) => r.id);
  }
}
