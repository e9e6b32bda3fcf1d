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

  /**
   * Three scans of the code-day rows (this period by day, by store and shelf; the previous
   * period's sums) give every figure, the trend and the store and shelf boards; names are
   * looked up for the ten shown only.
   */
  async dashboard(ctx: RequestContext, r: DayRange, scope: Scope): Promise<DashboardDto> {
    const [days, [prev], places, people, prevPeople, topProducts, topResellers] = await Promise.all([
      this.sums(ctx, r.from, r.to, scope, 'day'),
      this.sums(ctx, r.prevFrom, r.prevTo, scope, null),
      this.sums(ctx, r.from, r.to, scope, 'store_id, shelf_id'),
      this.people(ctx, r.from, r.to, scope),
      this.people(ctx, r.prevFrom, r.prevTo, scope),
      scope ? [] : this.products(ctx, r, 10),
      scope ? [] : this.resellers(ctx, r, 10),
    ]);
    const current = toTotals(addUp(days), people);
    const previous = toTotals(prev, prevPeople);
    const byDay = new Map(days.map((d) => [String(d.day), d]));
    const daily: DailyDto[] = [];
    for (let t = Date.parse(`${r.from}T00:00:00Z`); t <= Date.parse(`${r.to}T00:00:00Z`); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const d = byDay.get(day);
      daily.push({
        day,
        gmvFen: d ? d.gmv + d.off_gmv : 0,
        offlineGmvFen: d?.off_gmv ?? 0,
        paidOrders: d ? d.paid + d.off_orders : 0,
        refundFen: d?.refund_fen ?? 0,
        scans: d?.scans ?? 0,
        views: d?.views ?? 0,
      });
    }
    const [topStores, topShelves] = await Promise.all([
      this.named(
        ctx,
        top(places, 'store_id'),
        `SELECT id, name, NULL AS store_name FROM store WHERE id = ANY($1::uuid[])`,
      ),
      this.named(
        ctx,
        top(
          places.filter((p) => p.shelf_id !== NONE),
          'shelf_id',
        ),
        `SELECT sh.id, sh.name, st.name AS store_name FROM shelf sh JOIN store st ON st.id = sh.store_id WHERE sh.id = ANY($1::uuid[])`,
      ),
    ]);
    return { ...this.bounds(r), current, previous, daily, topStores, topShelves, topProducts, topResellers };
  }

  /** The code-day sums of a range, in total or grouped. */
  private async sums(
    ctx: RequestContext,
    from: string,
    to: string,
    scope: Scope,
    by: string | null,
  ): Promise<Sums[]> {
    const w = this.where(from, to, scope);
    const rows: Record<string, unknown>[] = await this.tx.manager(ctx).query(
      `SELECT ${by === 'day' ? `to_char(day, 'YYYY-MM-DD') AS day, ` : by ? `${by}, ` : ''}sum(scans) AS scans, sum(views) AS views, sum(carts) AS carts, sum(orders) AS orders,
              sum(paid_orders) AS paid, sum(gmv_fen) AS gmv, sum(offline_orders) AS off_orders,
              sum(offline_gmv_fen) AS off_gmv, sum(refunds) AS refunds, sum(refund_fen) AS refund_fen
         FROM analytics_code_day WHERE ${w.sql}${by ? ` GROUP BY ${by}` : ''}`,
      w.params,
    );
    return rows.map((x) => {
      const out: Sums = {
        ...ZERO,
        day: x.day as string,
        store_id: x.store_id as string,
        shelf_id: x.shelf_id as string,
      };
      for (const k of SUM_KEYS) out[k] = n(x[k]);
      return out;
    });
  }

  /** Paying customers (distinct) and new members of a range. */
  private async people(ctx: RequestContext, from: string, to: string, scope: Scope): Promise<People> {
    const m = this.tx.manager(ctx);
    const [[c], members] = await Promise.all([
      scope
        ? m.query(
            `SELECT count(DISTINCT buyer_id) AS n FROM analytics_order
              WHERE paid_day BETWEEN $1 AND $2 AND store_id = ANY($3::uuid[])`,
            [from, to, scope],
          )
        : // Each buyer's first paying day in the range is the one whose previous day is before it.
          m.query(
            `SELECT count(*) AS n FROM analytics_buyer_day
              WHERE day BETWEEN $1 AND $2 AND (prev_day IS NULL OR prev_day < $1)`,
            [from, to],
          ),
      scope
        ? Promise.resolve(null)
        : m.query(`SELECT sum(new_members) AS n FROM analytics_platform_day WHERE day BETWEEN $1 AND $2`, [
            from,
            to,
          ]),
    ]);
    return { customers: n(c.n), members: members ? n(members[0].n) : null };
  }

  private async named(ctx: RequestContext, rows: Sums[], sql: string): Promise<RankDto[]> {
    if (!rows.length) return [];
    const names: { id: string; name: string; store_name: string | null }[] = await this.tx
      .manager(ctx)
      .query(sql, [rows.map((r) => r.id)]);
    const byId = new Map(names.map((x) => [x.id, x]));
    return rows
      .filter((r) => byId.has(r.id!))
      .map((r) => ({
        id: r.id!,
        name: byId.get(r.id!)!.name,
        storeName: byId.get(r.id!)!.store_name,
        gmvFen: r.gmv + r.off_gmv,
        paidOrders: r.paid + r.off_orders,
        qty: r.scans,
        refundFen: r.refund_fen,
      }));
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
    const [[sums], people] = await Promise.all([
      this.sums(ctx, from, to, scope, null),
      this.people(ctx, from, to, scope),
    ]);
    return toTotals(sums, people);
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

const SUM_KEYS = [
  'scans',
  'views',
  'carts',
  'orders',
  'paid',
  'gmv',
  'off_orders',
  'off_gmv',
  'refunds',
  'refund_fen',
] as const;
type SumKey = (typeof SUM_KEYS)[number];
type Sums = Record<SumKey, number> & { day?: string; store_id?: string; shelf_id?: string; id?: string };
const ZERO = Object.fromEntries(SUM_KEYS.map((k) => [k, 0])) as Record<SumKey, number>;
interface People {
  customers: number;
  members: number | null;
}

function addUp(rows: Sums[]): Sums {
  const out: Sums = { ...ZERO };
  for (const r of rows) for (const k of SUM_KEYS) out[k] += r[k];
  return out;
}

/** The ten best of `key` (stores or shelves) by sales, then paid orders, then scans. */
function top(rows: Sums[], key: 'store_id' | 'shelf_id'): Sums[] {
  const by = new Map<string, Sums>();
  for (const r of rows) {
    const id = r[key]!;
    const acc = by.get(id) ?? { ...ZERO, id };
    for (const k of SUM_KEYS) acc[k] += r[k];
    by.set(id, acc);
  }
  return [...by.values()]
    .sort(
      (a, b) =>
        b.gmv + b.off_gmv - (a.gmv + a.off_gmv) ||
        b.paid + b.off_orders - (a.paid + a.off_orders) ||
        b.scans - a.scans,
    )
    .slice(0, 10);
}

function toTotals(s: Sums, p: People): TotalsDto {
  const gmvFen = s.gmv + s.off_gmv;
  const paidOrders = s.paid + s.off_orders;
  return {
    gmvFen,
    onlineGmvFen: s.gmv,
    offlineGmvFen: s.off_gmv,
    paidOrders,
    onlinePaidOrders: s.paid,
    offlineOrders: s.off_orders,
    paidCustomers: p.customers,
    aovFen: paidOrders ? Math.round(gmvFen / paidOrders) : 0,
    refunds: s.refunds,
    refundFen: s.refund_fen,
    netFen: gmvFen - s.refund_fen,
    scans: s.scans,
    views: s.views,
    carts: s.carts,
    orders: s.orders,
    newMembers: p.members,
  };
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
