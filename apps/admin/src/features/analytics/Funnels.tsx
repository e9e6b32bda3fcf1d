import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../app/ErrorPages';
import { ExportButton } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { percent, yuan } from '../../lib/format';
import { S } from '../../strings';
import { useRange } from './range';

type Row = Schemas['FunnelRowDto'];

const columns = (what: string, withShelf: boolean) => [
  { title: what, dataIndex: 'name', render: (v: string) => v || S.dashboard.noCode },
  ...(withShelf
    ? [{ title: S.dashboard.shelf, dataIndex: 'shelfName', render: (v: string | null) => v ?? '—' }]
    : []),
  ...S.dashboard.funnelSteps.map((title, i) => ({
    title,
    key: title,
    align: 'right' as const,
    render: (_: unknown, r: Row) => [r.scans, r.views, r.carts, r.orders, r.paidOrders][i],
  })),
  {
    title: S.dashboard.conversion,
    key: 'c',
    align: 'right' as const,
    render: (_: unknown, r: Row) => (r.scans ? percent(Math.round((r.paidOrders * 10_000) / r.scans)) : '—'),
  },
  {
    title: S.dashboard.gmv,
    key: 'g',
    align: 'right' as const,
    render: (_: unknown, r: Row) => yuan(r.gmvFen + r.offlineGmvFen),
  },
];

/** 转化漏斗: scan → view → cart → order → paid per store; pick a store for its codes. */
export default function Funnels() {
  const { from, to, picker } = useRange();
  const [store, setStore] = useState<Row | undefined>();
  const stores = useQuery({
    queryKey: ['funnel-stores', from, to],
    queryFn: () => call(api.GET('/api/admin/analytics/funnel/stores', { params: { query: { from, to } } })),
  });
  const codes = useQuery({
    queryKey: ['funnel-codes', from, to, store?.id],
    enabled: !!store,
    queryFn: () =>
      call(
        api.GET('/api/admin/analytics/funnel/codes', { params: { query: { from, to, storeId: store!.id } } }),
      ),
  });
  return (
    <PageContainer title={S.dashboard.funnels} extra={picker}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ProCard
          title={S.dashboard.storeFunnel}
          bordered
          extra={
            <ExportButton
              path="/api/admin/analytics/export.csv"
              params={{ report: 'store-funnel', from, to }}
              filename={`analytics-store-funnel-${from}-${to}.csv`}
            />
          }
        >
          {stores.error && <LoadError error={stores.error} retry={() => void stores.refetch()} />}
          <Typography.Paragraph type="secondary">{S.dashboard.pickStore}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            loading={stores.isLoading}
            dataSource={stores.data?.rows}
            pagination={{ pageSize: 20 }}
            rowClassName={(r) => (r.id === store?.id ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => setStore(r), style: { cursor: 'pointer' } })}
            columns={columns(S.dashboard.store, false)}
          />
        </ProCard>
        {store && (
          <ProCard
            title={S.dashboard.codeFunnel(store.name)}
            bordered
            extra={
              <ExportButton
                path="/api/admin/analytics/export.csv"
                params={{ report: 'code-funnel', from, to, storeId: store.id }}
                filename={`analytics-code-funnel-${from}-${to}.csv`}
              />
            }
          >
            {codes.error && <LoadError error={codes.error} retry={() => void codes.refetch()} />}
            <Table
              size="small"
              rowKey="id"
              loading={codes.isLoading}
              dataSource={codes.data?.rows}
              pagination={false}
              columns={columns(S.dashboard.code, true)}
            />
          </ProCard>
        )}
      </Space>
    </PageContainer>
  );
}
