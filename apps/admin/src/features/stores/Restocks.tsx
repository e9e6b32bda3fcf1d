import { ProTable, type ActionType } from '@ant-design/pro-components';
import { message, Space, Typography } from 'antd';
import { useRef } from 'react';
import { ConfirmButton, ReasonButton } from '../../components/Actions';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { StoreSelect } from '../../components/selects';
import { pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Restock = Schemas['RestockDto'];

/** 补货申请: what stores asked the operators to restock; an operator marks each done or rejected once. */
export default function Restocks() {
  const ref = useRef<ActionType>(undefined);
  const { data: me } = useMe();
  const canWrite = can(me, 'stores:write');
  const handle = async (r: Restock, status: 'done' | 'rejected', note?: string) => {
    await call(
      api.POST('/api/admin/restock-requests/{id}/handle', {
        params: { path: { id: r.id } },
        body: { status, ...(note ? { note } : {}) },
      }),
    );
    void message.success(S.restock.handled);
    ref.current?.reload();
  };
  const columns: Columns<Restock> = [
    {
      title: S.common.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, r) => dateTime(r.createdAt),
    },
    {
      title: S.order.store,
      dataIndex: 'storeId',
      render: (_, r) => r.storeName,
      renderFormItem: () => <StoreSelect />,
    },
    {
      title: S.restock.product,
      key: 'product',
      search: false,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.title}</span>
          <Typography.Text type="secondary">{Object.values(r.specs).join(' / ')}</Typography.Text>
        </Space>
      ),
    },
    { title: S.restock.qty, dataIndex: 'qty', search: false, align: 'right' },
    {
      title: S.restock.requestedBy,
      dataIndex: 'requestedBy',
      search: false,
      render: (_, r) => r.requestedBy ?? '—',
    },
    { title: S.restock.note, dataIndex: 'note', search: false, render: (_, r) => r.note ?? '—' },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.restock.status),
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <StatusTag status={r.status} labels={S.restock.status} />
          {r.handleNote && <Typography.Text type="secondary">{r.handleNote}</Typography.Text>}
          {r.handledAt && <Typography.Text type="secondary">{dateTime(r.handledAt)}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: S.common.actions,
      key: 'actions',
      search: false,
      render: (_, r) =>
        canWrite && r.status === 'open' ? (
          <Space>
            <ConfirmButton
              type="link"
              size="small"
              title={S.restock.doneConfirm}
              onConfirm={() => handle(r, 'done')}
            >
              {S.restock.done}
            </ConfirmButton>
            <ReasonButton
              type="link"
              size="small"
              danger
              title={`${S.restock.reject}：${r.storeName} · ${r.title}`}
              onReason={(reason) => handle(r, 'rejected', reason)}
            >
              {S.restock.reject}
            </ReasonButton>
          </Space>
        ) : null,
    },
  ];
  return (
    <ProTable<Restock>
      {...tableDefaults<Restock>()}
      actionRef={ref}
      headerTitle={S.menu.restocks}
      rowKey="id"
      columns={columns}
      request={pagedRequest((q) =>
        call(api.GET('/api/admin/restock-requests', { params: { query: q as never } })),
      )}
    />
  );
}
