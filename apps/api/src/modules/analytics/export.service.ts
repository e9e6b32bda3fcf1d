import { Injectable } from '@nestjs/common';
import { formatYuan } from '@cloudshelf/money';
import { toCsv, getExportMaxRows } from '../../common/csv';
import type { RequestContext } from '../../common/request-context';
import type { DayRange } from './analytics-range';
import { DashboardService, type Scope } from './dashboard.service';
import type { FunnelRowDto, RankDto, Report } from './dto/analytics.dto';

const TOTALS: [string, string][] = [
  ['gmvFen', '成交额(元)'],
  ['onlineGmvFen', '线上成交额(元)'],
  ['offlineGmvFen', '线下成交额(元)'],
  ['paidOrders', '支付订单数'],
  ['onlinePaidOrders', '线上支付订单数'],
  ['offlineOrders', '线下订单数'],
  ['paidCustomers', '支付顾客数'],
  ['aovFen', '客单价(元)'],
  ['refunds', '退款笔数'],
  ['refundFen', '退款金额(元)'],
  ['netFen', '净成交额(元)'],
  ['scans', '扫码次数'],
  ['views', '商品浏览'],
  ['carts', '加购次数'],
  ['orders', '下单数'],
  ['newMembers', '新会员'],
];

const money = (k: string) => k.endsWith('Fen');
const cell = (k: string, v: unknown) => (v === null ? '' : money(k) ? formatYuan(Number(v)) : v);

/** Every analytics report as CSV for Excel (UTF-8 with BOM, CRLF, cells neutralised). */
@Injectable()
export class ExportService {
  constructor(private readonly dash: DashboardService) {}

  async csv(
    ctx: RequestContext,
    report: Report,
    r: DayRange,
    scope: Scope,
    storeId?: string,
  ): Promise<string> {
    const max = getExportMaxRows();
    switch (report) {
      case 'overview': {
        const [cur, prev] = await Promise.all([
          this.dash.totals(ctx, r.from, r.to, scope),
          this.dash.totals(ctx, r.prevFrom, r.prevTo, scope),
        ]);
        const c = cur as unknown as Record<string, unknown>;
        const p = prev as unknown as Record<string, unknown>;
        return toCsv(
          ['指标', `${r.from}~${r.to}`, `${r.prevFrom}~${r.prevTo}`],
          TOTALS.map(([k, label]) => [label, cell(k, c[k]), cell(k, p[k])]),
        );
      }
      case 'daily': {
        const rows = await this.dash.daily(ctx, r, scope);
        return toCsv(
          ['日期', '成交额(元)', '线下成交额(元)', '支付订单数', '退款金额(元)', '扫码次数', '商品浏览'],
          rows.map((d) => [
            d.day,
            formatYuan(d.gmvFen),
            formatYuan(d.offlineGmvFen),
            d.paidOrders,
            formatYuan(d.refundFen),
            d.scans,
            d.views,
          ]),
        );
      }
      case 'stores':
        return ranks(
          ['门店', '成交额(元)', '支付订单数', '扫码次数', '退款金额(元)'],
          await this.dash.stores(ctx, r, scope, max),
        );
      case 'shelves':
        return ranks(
          ['货架', '门店', '成交额(元)', '支付订单数', '扫码次数', '退款金额(元)'],
          await this.dash.shelves(ctx, r, scope, max),
          true,
        );
      case 'products':
        return ranks(
          ['商品', '成交额(元)', '支付订单数', '销量', '退款金额(元)'],
          scope ? [] : await this.dash.products(ctx, r, max),
        );
      case 'resellers':
        return ranks(
          ['推广员', '成交额(元)', '支付订单数', '-', '退款金额(元)'],
          scope ? [] : await this.dash.resellers(ctx, r, max),
        );
      case 'store-funnel':
        return funnel('门店', await this.dash.storeFunnel(ctx, r, scope, max));
      case 'code-funnel':
        return funnel('二维码', storeId ? await this.dash.codeFunnel(ctx, r, storeId) : []);
    }
  }
}

function ranks(header: string[], rows: RankDto[], withStore = false): string {
  return toCsv(
    header,
    rows.map((x) => [
      x.name,
      ...(withStore ? [x.storeName] : []),
      formatYuan(x.gmvFen),
      x.paidOrders,
      x.qty,
      formatYuan(x.refundFen),
    ]),
  );
}

function funnel(what: string, rows: FunnelRowDto[]): string {
  return toCsv(
    [what, '货架', '扫码', '浏览', '加购', '下单', '支付', '线上成交额(元)', '线下成交额(元)'],
    rows.map((x) => [
      x.name || '（无）',
      x.shelfName,
      x.scans,
      x.views,
      x.carts,
      x.orders,
      x.paidOrders,
      formatYuan(x.gmvFen),
      formatYuan(x.offlineGmvFen),
    ]),
  );
}
