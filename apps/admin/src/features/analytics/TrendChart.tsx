import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Schemas } from '../../lib/api';
import { yuan } from '../../lib/format';
import { S } from '../../strings';

// Only the chart types used here are bundled (tree-shaken ECharts core).
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

type Totals = Schemas['TotalsDto'];

/** Daily GMV (online and till stacked), paid orders and scans. */
export default function TrendChart({ daily }: { daily: Schemas['DailyDto'][] }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 300 }}
      notMerge
      option={{
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => String(v) },
        legend: { top: 0, data: ['线上成交（元）', '门店收银（元）', '支付订单', '扫码次数'] },
        grid: { left: 64, right: 56, top: 56, bottom: 28 },
        xAxis: { type: 'category', data: daily.map((d) => d.day.slice(5)) },
        yAxis: [
          {
            type: 'value',
            name: '元',
            axisLabel: { formatter: (v: number) => yuan(Math.round(v * 100)).replace(/\.00$/, '') },
          },
          { type: 'value', name: '次', minInterval: 1 },
        ],
        series: [
          {
            name: '线上成交（元）',
            type: 'bar',
            stack: 'gmv',
            data: daily.map((d) => (d.gmvFen - d.offlineGmvFen) / 100),
            itemStyle: { color: '#1677ff' },
          },
          {
            name: '门店收银（元）',
            type: 'bar',
            stack: 'gmv',
            data: daily.map((d) => d.offlineGmvFen / 100),
            itemStyle: { color: '#69b1ff' },
          },
          {
            name: '支付订单',
            type: 'line',
            yAxisIndex: 1,
            data: daily.map((d) => d.paidOrders),
            smooth: true,
          },
          { name: '扫码次数', type: 'line', yAxisIndex: 1, data: daily.map((d) => d.scans), smooth: true },
        ],
      }}
    />
  );
}

/** scan → view → cart → order → paid, this period. */
export function Funnel({ totals }: { totals: Totals }) {
  const values = [totals.scans, totals.views, totals.carts, totals.orders, totals.onlinePaidOrders];
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 260 }}
      notMerge
      option={{
        tooltip: { trigger: 'item', formatter: '{b}：{c}' },
        series: [
          {
            type: 'funnel',
            left: 40,
            right: 40,
            top: 8,
            bottom: 8,
            sort: 'none',
            minSize: '8%',
            label: { show: true, position: 'inside', formatter: '{b} {c}' },
            data: S.dashboard.funnelSteps.map((name, i) => ({ name, value: values[i] })),
          },
        ],
      }}
    />
  );
}

/** Online vs till sales. */
export function Channels({ totals }: { totals: Totals }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 260 }}
      notMerge
      option={{
        tooltip: { trigger: 'item', valueFormatter: (v: number) => `¥${v.toFixed(2)}` },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            label: { formatter: '{b} {d}%' },
            data: [
              { name: S.dashboard.online, value: totals.onlineGmvFen / 100 },
              { name: S.dashboard.offline, value: totals.offlineGmvFen / 100 },
            ],
          },
        ],
      }}
    />
  );
}
