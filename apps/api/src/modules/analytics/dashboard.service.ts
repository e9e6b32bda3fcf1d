import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AnalyticsErrors } from './analytics.errors';
import { dayRange, type DayRange } from './analytics-range';
import type {
  DailyDto,
  DashboardDto,
  FunnelRowDto,
  RankDto,
  StoreFiguresDto,
  TotalsDto,
} from './dto/analytics.dto';
import { NONE } from './rollup.sql';

/** Stores a query is limited to; null = every store (platform-wide figures included). */
export type Scope = readonly string[] | null;

const n = (v: unknown) => Number(v ?? 0);

/**
 * Reads the rollups only (never orders): a range of days with the same number of days
 * before it, leaderboards and funnels. Every query is a range scan of a day-keyed table.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly tx: TransactionService,
    private readonly clock: Clock,
  ) {}

  range(from: string, to: string): DayRange {
    return dayRange(from, to, this.clock.now());
  }

  /** 400 ANALYTICS_STORE_UNKNOWN unless the store exists and is within `scope`. */
  async assertStore(ctx: RequestContext, storeId: string, scope: Scope): Promise<void> {
    const [s] = await this.tx.manager(ctx).query(`SELECT 1 FROM store WHERE id = $1`, [storeId]);
    if (!s || (scope && !scope.includes(storeId))) throw AnalyticsErrors.ANALYTICS_STORE_UNKNOWN({ storeId });
  }

  async dashboard(ctx: RequestContext, r: DayRange, scope: Scope): Promise<DashboardDto> {
    const [current, previous, daily, topStores, topShelves, topProducts, topResellers] = await Promise.all([
      this.totals(ctx, r.from, r.to, scope),
      this.totals(ctx, r.prevFrom, r.prevTo, scope),
      this.daily(ctx, r, scope),
      this.stores(ctx, r, scope, 10),
      this.shelves(ctx, r, scope, 10),
      scope ? [] : this.products(ctx, r, 10),
      scope ? [] : this.resellers(ctx, r, 10),
    ]);
    return { ...this.bounds(r), current, previous, daily, topStores, topShelves, topProducts, topResellers };
  }

  async storeFigures(ctx: RequestContext, storeId: string, r: DayRange): Promise<StoreFiguresDto> {
    const scope = [storeId];
    const [current, previous, daily, codes] = await Promise.all([
      this.totals(ctx, r.from, r.to, scope),
      this.totals(ctx, r.prevFrom, r.prevTo, scope),
      this.daily(ctx, r, scope),
      this.codeFunnel(ctx, r, storeId),
    ]);
    return { storeId, ...this.bounds(r), current, previous, daily, codes };
  }

  private bounds(r: DayRange) {
    return { from: r.from, to: r.to, prevFrom: r.prevFrom, prevTo: r.prevTo };
  }

  private where(from: string, to: string, scope: Scope, col = 'store_id') {
    return {
      sql: `day BETWEEN $1 AND $2${scope ? ` AND ${col} = ANY($3::uuid[])` : ''}`,
      params: scope ? [from, to, scope] : [from, to],
    };
  }

  async totals(ctx: RequestContext, from: string, to: string, scope: Scope): Promise<TotalsDto> {
    const m = this.tx.manager(ctx);
    const w = this.where(from, to, scope);
    const [[t], [c], members] = await Promise.all([
      m.query(
        `SELECT sum(scans) AS scans, sum(views) AS views, sum(carts) AS carts, sum(orders) AS orders,
                sum(paid_orders) AS paid, sum(gmv_fen) AS gmv, sum(offline_orders) AS off_orders,
                sum(offline_gmv_fen) AS off_gmv, sum(refunds) AS refunds, sum(refund_fen) AS refund_fen
           FROM analytics_code_day WHERE ${w.sql}`,
        w.params,
      ),
      scope
        ? m.query(
            `SELECT count(DISTINCT buyer_id) AS n FROM analytics_order
              WHERE paid_day BETWEEN $1 AND $2 AND store_id = ANY($3::uuid[])`,
            w.params,
          )
        : // Each buyer's first paying day in the range is the one whose previous day is before it.
          m.query(
            `SELECT count(*) AS n FROM analytics_buyer_day
              WHERE day BETWEEN $1 AND $2 AND (prev_day IS NULL OR prev_day < $1)`,
            w.params,
          ),
      scope
        ? Promise.resolve(null)
        : m.query(`SELECT sum(new_members) AS n FROM analytics_platform_day WHERE day BETWEEN $1 AND $2`, [
            from,
            to,
          ]),
    ]);
    const online = n(t.gmv);
    const offline = n(t.off_gmv);
    const paidOrders = n(t.paid) + n(t.off_orders);
    const gmvFen = online + offline;
    return {
      gmvFen,
      onlineGmvFen: online,
      offlineGmvFen: offline,
      paidOrders,
      onlinePaidOrders: n(t.paid),
      offlineOrders: n(t.off_orders),
      paidCustomers: n(c.n),
      aovFen: paidOrders ? Math.round(gmvFen / paidOrders) : 0,
      refunds: n(t.refunds),
      refundFen: n(t.refund_fen),
      netFen: gmvFen - n(t.refund_fen),
      scans: n(t.scans),
      views: n(t.views),
      carts: n(t.carts),
      orders: n(t.orders),
      newMembers: members ? n(members[0].n) : null,
    };
  }

  async daily(ctx: RequestContext, r: DayRange, scope: Scope): Promise<DailyDto[]> {
    const w = this.where(r.from, r.to, scope);
    const rows: Record<string, string>[] = await this.tx.manager(ctx).query(
      `WITH d AS (
         SELECT day, sum(gmv_fen + offline_gmv_fen) AS gmv, sum(offline_gmv_fen) AS off, sum(paid_orders + offline_orders) AS paid,
                sum(refund_fen) AS refund, sum(scans) AS scans, sum(views) AS views
           FROM analytics_code_day WHERE ${w.sql} GROUP BY day
       )
       SELECT to_char(g, 'YYYY-MM-DD') AS day, d.gmv, d.off, d.paid, d.refund, d.scans, d.views
         FROM generate_series($1::date, $2::date, interval '1 day') g LEFT JOIN d ON d.day = g::date
        ORDER BY g`,
      w.params,
    );
    return rows.map((x) => ({
      day: x.day,
      gmvFen: n(x.gmv),
      offlineGmvFen: n(x.off),
      paidOrders: n(x.paid),
      refundFen: n(x.refund),
      scans: n(x.scans),
      views: n(x.views),
    }));
  }

  async stores(ctx: RequestContext, r: DayRange, scope: Scope, limit: number): Promise<RankDto[]> {
    const w = this.where(r.from, r.to, scope, 'd.store_id');
    const rows: Record<string, string>[] = await this.tx.manager(ctx).query(
      `SELECT d.store_id AS id, s.name, sum(d.gmv_fen + d.offline_gmv_fen) AS gmv,
              sum(d.paid_orders + d.offline_orders) AS paid, sum(d.scans) AS qty, sum(d.refund_fen) AS refund
         FROM analytics_code_day d JOIN store s ON s.id = d.store_id
        WHERE ${w.sql} GROUP BY d.store_id, s.name ORDER BY gmv DESC, paid DESC, s.name LIMIT ${limit}`,
      w.params,
    );
    return rows.map((x) => rank(x, null));
  }

  async shelves(ctx: RequestContext, r: DayRange, scope: Scope, limit: number): Promise<RankDto[]> {
    const w = this.where(r.from, r.to, scope, 'd.store_id');
    const rows: Record<string, string>[] = await this.tx.manager(ctx).query(
      `SELECT d.shelf_id AS id, sh.name, st.name AS store_name, sum(d.gmv_fen + d.offline_gmv_fen) AS gmv,
              sum(d.paid_orders + d.offline_orders) AS paid, sum(d.scans) AS qty, sum(d.refund_fen) AS refund
         FROM analytics_code_day d JOIN shelf sh ON sh.id = d.shelf_id JOIN store st ON st.id = sh.store_id
        WHERE ${w.sql} AND d.shelf_id <> '${NONE}'
        GROUP BY d.shelf_id, sh.name, st.name ORDER BY gmv DESC, qty DESC, sh.name LIMIT ${limit}`,
      w.params,
    );
    return rows.map((x) => rank(x, x.store_name));
  }

  async products(ctx: RequestContext, r: DayRange, limit: number): Promise<RankDto[]> {
    const rows: Record<string, string>[] = await this.tx.manager(ctx).query(
      `WITH t AS (
         SELECT product_id, sum(paid_fen) AS gmv, sum(paid_qty) AS qty, sum(refund_fen) AS refund
           FROM analytics_product_day WHERE day BETWEEN $1 AND $2 GROUP BY product_id
          ORDER BY gmv DESC, qty DESC LIMIT ${limit}
       )
       SELECT t.product_id AS id, coalesce(p.title, '') AS name, t.gmv, t.qty, 0 AS paid, t.refund
         FROM t LEFT JOIN product p ON p.id = t.product_id ORDER BY t.gmv DESC, t.qty DESC`,
      [r.from, r.to],
    );
    return rows.map((x) => rank(x, null));
  }

  async resellers(ctx: RequestContext, r: DayRange, limit: number): Promise<RankDto[]> {
    const rows: Record<string, string>[] = await this.tx.manager(ctx).query(
      `WITH t AS (
         SELECT reseller_id, sum(gmv_fen) AS gmv, sum(paid_orders) AS paid, sum(refund_fen) AS refund
           FROM analytics_reseller_day WHERE day BETWEEN $1 AND $2 GROUP BY reseller_id
          ORDER BY gmv DESC, paid DESC LIMIT ${limit}
       )
       SELECT t.reseller_id AS id, coalesce(u.nickname, '') AS name, t.gmv, t.paid, 0 AS qty, t.refund
         FROM t LEFT JOIN users u ON u.id = t.reseller_id ORDER BY t.gmv DESC, t.paid DESC`,
      [r.from, r.to],
    );
    return rows.map((x) => rank(x, null));
  }

  async storeFunnel(ctx: RequestContext, r: DayRange, scope: Scope, limit: number): Promise<FunnelRowDto[]> {
    const w = this.where(r.from, r.to, scope, 'd.store_id');
    const rows: Record<string, string>[] = await this.tx.manager(ctx).query(
      `SELECT d.store_id AS id, s.name, NULL AS shelf_name, ${FUNNEL_SUMS}
         FROM analytics_code_day d JOIN store s ON s.id = d.store_id
        WHERE ${w.sql} GROUP BY d.store_id, s.name ORDER BY scans DESC, gmv DESC, s.name LIMIT ${limit}`,
      w.params,
    );
    return rows.map(funnelRow);
  }

  async codeFunnel(ctx: RequestContext, r: DayRange, storeId: string): Promise<FunnelRowDto[]> {
    const rows: Record<string, string>[] = await this.tx.manager(ctx).query(
      `SELECT d.code_id AS id, coalesce(c.code, '') AS name, sh.name AS shelf_name, ${FUNNEL_SUMS}
         FROM analytics_code_day d LEFT JOIN scan_code c ON c.id = d.code_id LEFT JOIN shelf sh ON sh.id = d.shelf_id
        WHERE d.day BETWEEN $1 AND $2 AND d.store_id = $3
        GROUP BY d.code_id, c.code, sh.name ORDER BY scans DESC, gmv DESC, name`,
      [r.from, r.to, storeId],
    );
    return rows.map(funnelRow);
  }
}

const FUNNEL_SUMS = `sum(d.scans) AS scans, sum(d.views) AS views, sum(d.carts) AS carts, sum(d.orders) AS orders,
  sum(d.paid_orders) AS paid, sum(d.gmv_fen) AS gmv, sum(d.offline_gmv_fen) AS off`;

function rank(x: Record<string, string>, storeName: string | null): RankDto {
  return {
    id: x.id,
    name: x.name,
    storeName,
    gmvFen: n(x.gmv),
    paidOrders: n(x.paid),
    qty: n(x.qty),
    refundFen: n(x.refund),
  };
}

function funnelRow(x: Record<string, string>): FunnelRowDto {
  return {
    id: x.id,
    name: x.id === NONE && !x.name ? '' : x.name,
    shelfName: x.shelf_name ?? null,
    scans: n(x.scans),
    views: n(x.views),
    carts: n(x.carts),
    orders: n(x.orders),
    paidOrders: n(x.paid),
    gmvFen: n(x.gmv),
    offlineGmvFen: n(x.off),
  };
}
