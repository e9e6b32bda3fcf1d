import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { LoadError } from '../../app/ErrorPages';
import { PageSpin } from '../../app/Shell';
import { ExportButton } from '../../components/table';
import { StoreSelect } from '../../components/selects';
import { api, call, type Schemas } from '../../lib/api';
import { yuan } from '../../lib/format';
import { S } from '../../strings';
import { useRange } from './range';

const TrendChart = lazy(() => import('./TrendChart'));
const Funnel = lazy(() => import('./TrendChart').then((m) => ({ default: m.Funnel })));
const Channels = lazy(() => import('./TrendChart').then((m) => ({ default: m.Channels })));
type Totals = Schemas['TotalsDto'];
type Rank = Schemas['RankDto'];
type Report = 'overview' | 'daily' | 'stores' | 'shelves' | 'products' | 'resellers';

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

/** 概览: key figures against the previous period, funnel, online vs till, trend and four leaderboards. */
export default function Dashboard() {
  const { from, to, picker } = useRange();
  const [storeId, setStoreId] = useState<string | undefined>();
  const q = useQuery({
    queryKey: ['analytics', from, to, storeId],
    queryFn: () =>
      call(api.GET('/api/admin/analytics/dashboard', { params: { query: { from, to, storeId } } })),
  });
  const params = { from, to, storeId };
  const exportButton = (report: Report) => (
    <ExportButton
      path="/api/admin/analytics/export.csv"
      params={{ ...params, report }}
      filename={`analytics-${report}-${from}-${to}.csv`}
    />
  );
  const d = q.data;
  const card = (title: string, k: keyof Totals, money = false) => {
    const now = d?.current[k] ?? 0;
    return (
      <StatisticCard
        statistic={{
          title,
          value: now === null ? '—' : money ? yuan(now) : String(now),
          description: d && (
            <Space>
              {S.dashboard.vsPrevious}
              <Delta now={now ?? 0} before={d.previous[k] ?? 0} />
            </Space>
          ),
        }}
      />
    );
  };
  const board = (title: string, rows: Rank[], report: Report, withStore = false) => (
    <ProCard title={title} bordered colSpan={12} extra={exportButton(report)}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '#', key: 'i', width: 40, render: (_, __, i) => i + 1 },
          {
            title: title.replace('成交排行', '').replace('销售排行', '').replace('业绩排行', ''),
            dataIndex: 'name',
            ellipsis: true,
          },
          ...(withStore ? [{ title: S.dashboard.store, dataIndex: 'storeName', ellipsis: true }] : []),
          { title: S.dashboard.paidOrders, dataIndex: 'paidOrders', align: 'right' as const },
          {
            title: S.dashboard.gmv,
            key: 'g',
            align: 'right' as const,
            render: (_: unknown, r: Rank) => yuan(r.gmvFen),
          },
        ]}
      />
    </ProCard>
  );
  return (
    <PageContainer
      title={S.menu.dashboard}
      subTitle={d && S.dashboard.previous(d.prevFrom, d.prevTo)}
      extra={
        <Space wrap>
          <StoreSelect
            allowClear
            placeholder={S.dashboard.allStores}
            style={{ width: 200 }}
            value={storeId}
            onChange={(v) => setStoreId(v || undefined)}
          />
          {picker}
          {exportButton('overview')}
        </Space>
      }
    >
      {q.isLoading && <PageSpin />}
      {q.error && <LoadError error={q.error} retry={() => void q.refetch()} />}
      {d && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <StatisticCard.Group direction="row">
            {card(S.dashboard.gmv, 'gmvFen', true)}
            <StatisticCard.Divider />
            {card(S.dashboard.paidOrders, 'paidOrders')}
            <StatisticCard.Divider />
            {card(S.dashboard.paidCustomers, 'paidCustomers')}
            <StatisticCard.Divider />
            {card(S.dashboard.aov, 'aovFen', true)}
          </StatisticCard.Group>
          <StatisticCard.Group direction="row">
            {card(S.dashboard.refunds, 'refundFen', true)}
            <StatisticCard.Divider />
            {card(S.dashboard.net, 'netFen', true)}
            <StatisticCard.Divider />
            {card(S.dashboard.scans, 'scans')}
            <StatisticCard.Divider />
            {card(S.dashboard.newMembers, 'newMembers')}
          </StatisticCard.Group>
          <ProCard gutter={16} ghost>
            <ProCard title={S.dashboard.funnel} bordered colSpan={12}>
              <Suspense fallback={<div style={{ height: 260 }} />}>
                <Funnel totals={d.current} />
              </Suspense>
            </ProCard>
            <ProCard
              title={`${S.dashboard.channels}（${S.dashboard.online} ${yuan(d.current.onlineGmvFen)} · ${S.dashboard.offline} ${yuan(d.current.offlineGmvFen)}）`}
              bordered
              colSpan={12}
            >
              <Suspense fallback={<div style={{ height: 260 }} />}>
                <Channels totals={d.current} />
              </Suspense>
            </ProCard>
          </ProCard>
          <ProCard title={S.dashboard.trend} bordered extra={exportButton('daily')}>
            <Suspense fallback={<div style={{ height: 300 }} />}>
              <TrendChart daily={d.daily} />
            </Suspense>
          </ProCard>
          <ProCard gutter={16} ghost>
            {board(S.dashboard.topStores, d.topStores, 'stores')}
            {board(S.dashboard.topShelves, d.topShelves, 'shelves', true)}
          </ProCard>
          <ProCard gutter={16} ghost>
            {board(S.dashboard.topProducts, d.topProducts, 'products')}
            {board(S.dashboard.topResellers, d.topResellers, 'resellers')}
          </ProCard>
        </Space>
      )}
    </PageContainer>
  );
}
