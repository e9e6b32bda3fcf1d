import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { LoadError } from '../../app/ErrorPages';
import { PageSpin } from '../../app/Shell';
import { api, call, type Schemas } from '../../lib/api';
import { percent, yuan } from '../../lib/format';
import { S } from '../../strings';

const TrendChart = lazy(() => import('./TrendChart'));
type Numbers = Schemas['OverviewNumbersDto'];

/** Change against the previous period: "+12.5%" green, "-3.0%" red, "—" with nothing to compare. */
function Delta({ now, before }: { now: number; before: number }) {
  if (!before) return <Typography.Text type="secondary">—</Typography.Text>;
  const pct = ((now - before) / before) * 100;
  return (
    <Typography.Text type={pct >= 0 ? 'success' : 'danger'}>
      {pct >= 0 ? '+' : ''}
      {pct.toFixed(1)}%
    </Typography.Text>
  );
}

/** 概览: the four numbers for a range against the one before, the daily trend, and leaderboards. */
export default function Dashboard() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(13, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: ['overview', from, to],
    queryFn: () => call(api.GET('/api/admin/stats/overview', { params: { query: { from, to } } })),
  });
  const card = (title: string, value: string, k: keyof Numbers) => (
    <StatisticCard
      statistic={{
        title,
        value,
        description: q.data && (
          <Space>
            {S.dashboard.vsPrevious}
            <Delta now={q.data.current[k]} before={q.data.previous[k]} />
          </Space>
        ),
      }}
    />
  );
  return (
    <PageContainer
      title={S.menu.dashboard}
      extra={
        <Space>
          {S.dashboard.range}
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        </Space>
      }
    >
      {q.isLoading && <PageSpin />}
      {q.error && <LoadError error={q.error} retry={() => void q.refetch()} />}
      {q.data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <StatisticCard.Group direction="row">
            {card(S.dashboard.gmv, yuan(q.data.current.gmvFen), 'gmvFen')}
            <StatisticCard.Divider />
            {card(S.dashboard.paidOrders, String(q.data.current.paidOrders), 'paidOrders')}
            <StatisticCard.Divider />
            {card(S.dashboard.paidCustomers, String(q.data.current.paidCustomers), 'paidCustomers')}
            <StatisticCard.Divider />
            {card(
              `扫码 → 支付转化（${q.data.current.scanUsers} 人扫码）`,
              percent(q.data.current.scanToPaidBp),
              'scanToPaidBp',
            )}
          </StatisticCard.Group>
          <ProCard
            title={`每日成交与扫码（线上 ${yuan(q.data.current.onlineGmvFen)} · 门店收银 ${yuan(q.data.current.offlineGmvFen)}）`}
            bordered
          >
            <Suspense fallback={<div style={{ height: 300 }} />}>
              <TrendChart daily={q.data.daily} />
            </Suspense>
          </ProCard>
          <ProCard gutter={16} ghost>
            <ProCard title={S.dashboard.topStores} bordered colSpan={12}>
              <Table
                size="small"
                rowKey="storeId"
                pagination={false}
                dataSource={q.data.topStores}
                columns={[
                  { title: '#', key: 'i', width: 40, render: (_, __, i) => i + 1 },
                  { title: S.order.store, dataIndex: 'name' },
                  { title: S.dashboard.paidOrders, dataIndex: 'paidOrders', align: 'right' },
                  { title: S.dashboard.gmv, key: 'g', align: 'right', render: (_, s) => yuan(s.gmvFen) },
                ]}
              />
            </ProCard>
            <ProCard title="商品销售排行" bordered colSpan={12}>
              <Table
                size="small"
                rowKey="productId"
                pagination={false}
                dataSource={q.data.topProducts}
                columns={[
                  { title: '#', key: 'i', width: 40, render: (_, __, i) => i + 1 },
                  { title: S.order.goods, dataIndex: 'title', ellipsis: true },
                  { title: '件数', dataIndex: 'qty', align: 'right' },
                  { title: '金额', key: 'a', align: 'right', render: (_, p) => yuan(p.amountFen) },
                ]}
              />
            </ProCard>
          </ProCard>
        </Space>
      )}
    </PageContainer>
  );
}
