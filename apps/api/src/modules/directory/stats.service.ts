import { Injectable } from '@nestjs/common';
import { storeScope } from '../../common/auth/store-scope';
import { CommonErrors } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import type { OverviewDto, OverviewNumbersDto } from './stats.dto';

const TZ = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

/**
 * The dashboard's numbers for a range of China-time days against the same number of
 * days just before: a read model over orders, order lines and scan logs (SQL aggregates,
 * one query per figure set). A store manager sees only their stores.
 */
@Injectable()
export class StatsService {
  constructor(private readonly tx: TransactionService) {}

  async overview(ctx: RequestContext, from: string, to: string): Promise<OverviewDto> {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`);
    const days = (end - start) / DAY_MS + 1;
    if (!Number.isFinite(days) || days < 1 || days > 366) {
      throw CommonErrors.VALIDATION_FAILED({ fields: { to: ['日期范围须为 1–366 天'] } });
    }
    const prevFrom = new Date(start - days * DAY_MS).toISOString().slice(0, 10);
    const prevTo = new Date(start - DAY_MS).toISOString().slice(0, 10);
    const scope = storeScope(ctx);
    const [current, previous, daily, topStores, topProducts] = await Promise.all([
      this.numbers(ctx, from, to, scope),
      this.numbers(ctx, prevFrom, prevTo, scope),
      this.daily(ctx, from, to, scope),
      this.topStores(ctx, from, to, scope),
      this.topProducts(ctx, from, to, scope),
    ]);
    return { from, to, current, previous, daily, topStores, topProducts };
  }

  /** `[$1, $2)` bounds of China-time days and the optional store scope as $3. */
  private bounds(from: string, to: string, scope: readonly string[] | null) {
    const params: unknown[] = [from, to];
    if (scope) params.push(scope);
    const range = (col: string) =>
      `${col} >= ($1::date)::timestamp AT TIME ZONE '${TZ}' AND ${col} < ($2::date + 1)::timestamp AT TIME ZONE '${TZ}'`;
    const inScope = (col: string) => (scope ? `AND ${col} = ANY($3::uuid[])` : '');
    return { params, range, inScope };
  }

  private async numbers(
    ctx: RequestContext,
    from: string,
    to: string,
    scope: readonly string[] | null,
  ): Promise<OverviewNumbersDto> {
    const { params, range, inScope } = this.bounds(from, to, scope);
    const [r] = await this.tx.manager(ctx).query(
      `WITH paid AS (
         SELECT buyer_id, payable_fen, channel FROM orders
          WHERE paid_at IS NOT NULL AND ${range('paid_at')} ${inScope('store_id')}
       ), scans AS (
         SELECT user_id FROM scan_log
          WHERE result = 'resolved' AND ${range('created_at')} ${inScope('store_id')}
       )
       SELECT (SELECT coalesce(sum(payable_fen), 0)::bigint FROM paid) AS gmv,
              (SELECT count(*)::int FROM paid) AS orders,
              (SELECT count(DISTINCT buyer_id)::int FROM paid) AS customers,
              (SELECT coalesce(sum(payable_fen) FILTER (WHERE channel = 'online'), 0)::bigint FROM paid) AS online,
              (SELECT coalesce(sum(payable_fen) FILTER (WHERE channel = 'offline'), 0)::bigint FROM paid) AS offline,
              (SELECT count(*)::int FROM scans) AS scans,
              (SELECT count(DISTINCT user_id)::int FROM scans) AS scan_users,
              (SELECT count(DISTINCT s.user_id)::int FROM scans s
                WHERE EXISTS (SELECT 1 FROM paid p WHERE p.buyer_id = s.user_id)) AS paid_scanners`,
      params,
    );
    const scanUsers = Number(r.scan_users);
    return {
      gmvFen: Number(r.gmv),
      paidOrders: Number(r.orders),
      paidCustomers: Number(r.customers),
      scans: Number(r.scans),
      scanUsers,
      scanToPaidBp: scanUsers ? Math.round((Number(r.paid_scanners) * 10000) / scanUsers) : 0,
      onlineGmvFen: Number(r.online),
      offlineGmvFen: Number(r.offline),
    };
  }

  private async daily(ctx: RequestContext, from: string, to: string, scope: readonly string[] | null) {
    const { params, range, inScope } = this.bounds(from, to, scope);
    const rows: { day: string; gmv: string; orders: number; scans: number }[] = await this.tx
      .manager(ctx)
      .query(
        `WITH days AS (SELECT to_char(d, 'YYYY-MM-DD') AS day FROM generate_series($1::date, $2::date, interval '1 day') d),
            o AS (SELECT to_char(paid_at AT TIME ZONE '${TZ}', 'YYYY-MM-DD') AS day, sum(payable_fen) AS gmv, count(*)::int AS orders
                    FROM orders WHERE paid_at IS NOT NULL AND ${range('paid_at')} ${inScope('store_id')} GROUP BY 1),
            s AS (SELECT to_char(created_at AT TIME ZONE '${TZ}', 'YYYY-MM-DD') AS day, count(*)::int AS scans
                    FROM scan_log WHERE result = 'resolved' AND ${range('created_at')} ${inScope('store_id')} GROUP BY 1)
       SELECT days.day, coalesce(o.gmv, 0)::bigint AS gmv, coalesce(o.orders, 0) AS orders, coalesce(s.scans, 0) AS scans
         FROM days LEFT JOIN o USING (day) LEFT JOIN s USING (day) ORDER BY days.day`,
        params,
      );
    return rows.map((r) => ({ day: r.day, gmvFen: Number(r.gmv), paidOrders: r.orders, scans: r.scans }));
  }

  private async topStores(ctx: RequestContext, from: string, to: string, scope: readonly string[] | null) {
    const { params, range, inScope } = this.bounds(from, to, scope);
    const rows: { store_id: string; name: string; gmv: string; orders: number }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT o.store_id, s.name, sum(o.payable_fen)::bigint AS gmv, count(*)::int AS orders
           FROM orders o JOIN store s ON s.id = o.store_id
          WHERE o.paid_at IS NOT NULL AND ${range('o.paid_at')} ${inScope('o.store_id')}
          GROUP BY o.store_id, s.name ORDER BY gmv DESC, s.name LIMIT 10`,
        params,
      );
    return rows.map((r) => ({
      storeId: r.store_id,
      name: r.name,
      gmvFen: Number(r.gmv),
      paidOrders: r.orders,
    }));
  }

  private async topProducts(ctx: RequestContext, from: string, to: string, scope: readonly string[] | null) {
    const { params, range, inScope } = this.bounds(from, to, scope);
    const rows: { product_id: string; title: string; qty: number; amount: string }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT l.product_id, min(l.title) AS title, sum(l.qty)::int AS qty, sum(l.paid_fen)::bigint AS amount
           FROM order_line l JOIN orders o ON o.id = l.order_id
          WHERE o.paid_at IS NOT NULL AND ${range('o.paid_at')} ${inScope('o.store_id')}
          GROUP BY l.product_id ORDER BY amount DESC LIMIT 10`,
        params,
      );
    return rows.map((r) => ({
      productId: r.product_id,
      title: r.title,
      qty: r.qty,
      amountFen: Number(r.amount),
    }));
  }
}
