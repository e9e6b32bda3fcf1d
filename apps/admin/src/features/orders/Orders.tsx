import { UploadOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import { Button, Modal, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { StoreSelect } from '../../components/selects';
import { ExportButton, moneyCol, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, fileBody, type Schemas } from '../../lib/api';
import { showError } from '../../lib/errors';
import { dateTime, yuan } from '../../lib/format';
import { useNames } from '../../lib/names';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';
import { CancelOrder, ShipModal } from './ShipModal';

type Order = Schemas['OrderDto'];

export default function Orders() {
  const ref = useRef<ActionType>(undefined);
  const { data: me } = useMe();
  const [rows, setRows] = useState<Order[]>([]);
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const names = useNames({ userIds: rows.map((o) => o.buyerId), storeIds: rows.map((o) => o.storeId) });
  const canWrite = can(me, 'orders:write');

  const columns: Columns<Order> = [
    {
      title: S.orderFilter.keyword,
      dataIndex: 'keyword',
      hideInTable: true,
      fieldProps: { placeholder: S.orderFilter.keywordPlaceholder },
    },
    {
      title: S.order.orderNo,
      dataIndex: 'orderNo',
      search: false,
      render: (_, o) => (
        <Link to={`/orders/list/${o.id}`} data-testid="order-link">
          {o.orderNo}
        </Link>
      ),
    },
    { title: S.order.buyer, key: 'buyer', search: false, render: (_, o) => names.userLabel(o.buyerId) },
    {
      title: S.order.store,
      dataIndex: 'storeId',
      render: (_, o) => names.store(o.storeId),
      renderFormItem: () => <StoreSelect />,
    },
    {
      title: S.order.goods,
      key: 'goods',
      search: false,
      render: (_, o) => (
        <Typography.Text ellipsis style={{ maxWidth: 220 }}>
          {o.lines[0]?.title}
          {o.lines.length > 1 ? ` 等 ${o.lines.length} 件` : ` ×${o.lines[0]?.qty ?? 0}`}
        </Typography.Text>
      ),
    },
    { title: S.order.payable, dataIndex: 'payableFen', ...moneyCol, render: (_, o) => yuan(o.payableFen) },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.orderStatus),
      render: (_, o) => <StatusTag status={o.status} labels={S.orderStatus} />,
    },
    { title: S.order.mode, dataIndex: 'mode', valueEnum: valueEnum(S.modes) },
    { title: S.order.channel, dataIndex: 'channel', valueEnum: valueEnum(S.channels) },
    {
      title: S.order.range,
      dataIndex: 'range',
      valueType: 'dateRange',
      hideInTable: true,
      search: {
        transform: (v: [string, string]) => ({
          from: `${v[0]}T00:00:00+08:00`,
          to: `${v[1]}T23:59:59+08:00`,
        }),
      },
    },
    {
      title: S.order.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, o) => dateTime(o.createdAt),
    },
    {
      title: S.common.actions,
      key: 'actions',
      search: false,
      render: (_, o) => (
        <Space>
          <Link to={`/orders/list/${o.id}`}>{S.common.detail}</Link>
          {canWrite && o.status === 'PAID' && o.mode === 'express' && (
            <ShipModal orderId={o.id} onDone={() => ref.current?.reload()} trigger={<a>{S.order.ship}</a>} />
          )}
          {canWrite && o.status === 'PENDING_PAYMENT' && (
            <CancelOrder link orderId={o.id} onDone={() => ref.current?.reload()} />
          )}
        </Space>
      ),
    },
  ];

  return (
    <ProTable<Order>
      {...tableDefaults<Order>()}
      headerTitle={S.menu.orderList}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      request={pagedRequest(async (q) => {
        setFilters(q);
        const page = await call(api.GET('/api/admin/orders', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
      toolBarRender={() => [
        canWrite && <BulkShip key="bulk" onDone={() => ref.current?.reload()} />,
        <ExportButton
          key="export"
          path="/api/admin/orders/export.csv"
          params={{ ...filters, page: undefined, pageSize: undefined }}
          filename="orders.csv"
        />,
      ]}
    />
  );
}

/** 批量发货: upload a CSV of orderNo,carrier,trackingNo; the result lists what failed and why. */
function BulkShip({ onDone }: { onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept=".csv,text/csv"
      showUploadList={false}
      customRequest={async ({ file }) => {
        setBusy(true);
        try {
          const body = await call(api.POST('/api/admin/orders/ship-csv', fileBody(file as Blob)));
          const failed = Object.entries(body.failed ?? {});
          Modal.info({
            title: S.order.bulkShipResult(body.shipped.length, failed.length),
            content: failed.length ? (
              <ul>
                {failed.map(([no, code]) => (
                  <li key={no}>
                    {no}：{code}
                  </li>
                ))}
              </ul>
            ) : null,
          });
          onDone();
        } catch (e) {
          showError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} title={S.order.bulkShipHelp}>
        {S.order.bulkShip}
      </Button>
    </Upload>
  );
}
