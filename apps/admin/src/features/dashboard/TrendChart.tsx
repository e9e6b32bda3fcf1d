import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Schemas } from '../../lib/api';
import { yuan } from '../../lib/format';

// Only the chart types used here are bundled (tree-shaken ECharts core).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function TrendChart({ daily }: { daily: Schemas['OverviewDayDto'][] }) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 300 }}
      notMerge
      option={{
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: number) => String(v),
        },
        legend: { top: 0, data: ['成交金额（元）', '支付订单', '扫码次数'] },
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
            name: '成交金额（元）',
            type: 'bar',
            data: daily.map((d) => d.gmvFen / 100),
            itemStyle: { color: '#1677ff' },
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
