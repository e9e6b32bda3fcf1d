import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import {
  APPLY_PAID,
  APPLY_REFUNDS,
  attributeOrders,
  collectPaid,
  collectRefunds,
  keepNewFacts,
  relinkBuyers,
  SWEEP,
} from './rollup.sql';

/** The sweep leaves facts of the last seconds to the next run, so a transaction still committing is not skipped. */
export const SWEEP_LAG_MS = 15_000;

/** One lock for the rollups: facts and the sweep share it, a rebuild holds it alone. */
const LOCK = 0x616e6c74; // 'anlt'

export interface RebuildResult {
  from: string;
  to: string;
  paidOrders: number;
  refunds: number;
  ms: number;
}

/**
 * Keeps the daily rollups: facts from the orders module's `orders.facts` jobs (exactly once,
 * keyed in analytics_fact), the time-kept facts by the minute sweep (exactly once, by its
 * watermark), and a rebuild of a date range from the source tables (same SQL, rollup.sql.ts).
 */
@Injectable()
export class RollupService {
  constructor(
    private readonly tx: TransactionService,
    private readonly clock: Clock,
  ) {}

  /** An online order paid, or a till sale recorded. */
  async paid(ctx: RequestContext, orderId: string): Promise<void> {
    await this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      await this.lock(m, false);
      const [o]: { buyer_id: string }[] = await m.query(`SELECT buyer_id FROM orders WHERE id = $1`, [
        orderId,
      ]);
      if (!o) return;
      await m.query(`SELECT pg_advisory_xact_lock(${LOCK}, hashtext($1))`, [o.buyer_id]);
      await this.applyPaid(m, `o.id = $1`, [orderId]);
    });
  }

  /** An after-sale refunded (counted on the day the refund succeeded). */
  async refunded(ctx: RequestContext, afterSaleId: string): Promise<void> {
    await this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      await this.lock(m, false);
      await this.applyRefunds(m, `a.id = $1`, [afterSaleId]);
    });
  }

  /**
   * Rolls up scans, events, orders placed and new members created since the watermark up to
   * `until` (default: now less SWEEP_LAG_MS). Answers the new watermark.
   */
  async sweep(ctx: RequestContext, until?: Date): Promise<Date> {
    const end = until ?? new Date(this.clock.now().getTime() - SWEEP_LAG_MS);
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      await this.lock(m, false);
      const [state]: { watermark: Date }[] = await m.query(
        `SELECT watermark FROM analytics_state WHERE name = 'sweep' FOR UPDATE`,
      );
      const start = state?.watermark ?? end;
      if (end <= start) return start;
      for (const sql of SWEEP) await m.query(sql, [start, end]);
      await m.query(
        `INSERT INTO analytics_state (name, watermark) VALUES ('sweep', $1)
         ON CONFLICT (name) DO UPDATE SET watermark = EXCLUDED.watermark`,
        [end],
      );
      return end;
    });
  }

  /**
   * Recomputes the China-time days `from`..`to` from the source tables: drops their rollup
   * rows and facts, then counts everything again with the rules of rollup.sql.ts. Holds the
   * rollup lock alone meanwhile (facts arriving wait, then find themselves counted).
   */
  async rebuild(ctx: RequestContext, from: string, to: string): Promise<RebuildResult> {
    const t0 = Date.now();
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      await this.lock(m, true);
      await m.query(`SET LOCAL work_mem = '64MB'`);
      const days = [from, to];
      for (const table of [
        'analytics_code_day',
        'analytics_product_day',
        'analytics_reseller_day',
        'analytics_platform_day',
      ])
        await m.query(`DELETE FROM ${table} WHERE day BETWEEN $1 AND $2`, days);
      await m.query(`DELETE FROM analytics_fact WHERE day BETWEEN $1 AND $2`, days);
      await m.query(
        `CREATE TEMP TABLE t_buyers ON COMMIT DROP AS
                     SELECT DISTINCT buyer_id FROM analytics_buyer_day WHERE day BETWEEN $1 AND $2`,
        days,
      );
      await m.query(`DELETE FROM analytics_buyer_day WHERE day BETWEEN $1 AND $2`, days);

      const lo = this.dayStartOf(from);
      const hi = new Date(this.dayStartOf(to).getTime() + 86_400_000);
      const paidOrders = await this.applyPaid(m, `o.paid_at >= $1 AND o.paid_at < $2`, [lo, hi], 't_buyers');
      const refunds = await this.applyRefunds(
        m,
        `a.refund_id IN (SELECT id FROM refund WHERE succeeded_at >= $1 AND succeeded_at < $2)`,
        [lo, hi],
      );
      const [state]: { watermark: Date }[] = await m.query(
        `SELECT watermark FROM analytics_state WHERE name = 'sweep'`,
      );
      const sweptTo = state && state.watermark < hi ? state.watermark : hi;
      if (sweptTo > lo) for (const sql of SWEEP) await m.query(sql, [lo, sweptTo]);
      return { from, to, paidOrders, refunds, ms: Date.now() - t0 };
    });
  }

  private dayStartOf(day: string): Date {
    // China has no daylight saving: a day starts at 16:00 UTC the day before.
    return new Date(Date.parse(`${day}T00:00:00+08:00`));
  }

  private async lock(m: EntityManager, exclusive: boolean): Promise<void> {
    await m.query(`SELECT ${exclusive ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared'}($1)`, [
      LOCK,
    ]);
  }

  private async applyPaid(
    m: EntityManager,
    where: string,
    params: unknown[],
    moreBuyers?: string,
  ): Promise<number> {
    await m.query(collectPaid(where), params);
    await m.query(keepNewFacts('t_paid'));
    const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM t_paid`);
    if (n > 0) {
      await m.query(attributeOrders(`o.id IN (SELECT order_id FROM t_paid)`));
      for (const sql of APPLY_PAID) await m.query(sql);
    }
    const buyers = `SELECT buyer_id FROM t_paid${moreBuyers ? ` UNION SELECT buyer_id FROM ${moreBuyers}` : ''}`;
    await m.query(relinkBuyers(buyers));
    await m.query(`DROP TABLE t_paid`);
    return n;
  }

  private async applyRefunds(m: EntityManager, where: string, params: unknown[]): Promise<number> {
    await m.query(collectRefunds(where), params);
    await m.query(keepNewFacts('t_refund'));
    const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM t_refund`);
    if (n > 0) {
      await m.query(attributeOrders(`o.id IN (SELECT order_id FROM t_refund)`));
      for (const sql of APPLY_REFUNDS) await m.query(sql);
    }
    await m.query(`DROP TABLE t_refund`);
    return n;
  }
}
