import { ProTable, type ActionType } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Descriptions, Drawer, Form, Input, message, Modal, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ReasonButton } from '../../components/Actions';
import { StoreSelect } from '../../components/selects';
import { pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { dateTime } from '../../lib/format';
import { useNames } from '../../lib/names';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Customer = Schemas['CustomerDto'];

const maskPhone = (p: string | null) => (p ? `${p.slice(0, 3)}****${p.slice(-4)}` : '—');

/** 客户管理: search by nickname or phone; a drawer with bindings, history and the manual moves. */
export default function Customers() {
  const ref = useRef<ActionType>(undefined);
  const [rows, setRows] = useState<Customer[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const names = useNames({ userIds: rows.map((c) => c.referrerId), storeIds: rows.map((c) => c.storeId) });
  const columns: Columns<Customer> = [
    { title: S.customer.keyword, dataIndex: 'keyword', hideInTable: true },
    {
      title: S.customer.nickname,
      dataIndex: 'nickname',
      search: false,
      render: (_, c) => <a onClick={() => setOpen(c.userId)}>{c.nickname ?? '微信用户'}</a>,
    },
    { title: S.customer.phone, dataIndex: 'phone', search: false, render: (_, c) => maskPhone(c.phone) },
    {
      title: S.customer.store,
      dataIndex: 'storeId',
      render: (_, c) => names.store(c.storeId),
      renderFormItem: () => <StoreSelect />,
    },
    {
      title: S.customer.lockExpires,
      dataIndex: 'storeLockExpiresAt',
      search: false,
      render: (_, c) => dateTime(c.storeLockExpiresAt),
    },
    {
      title: S.customer.referrer,
      dataIndex: 'referrerId',
      search: false,
      render: (_, c) => (c.referrerId ? names.userLabel(c.referrerId) : '—'),
    },
    { title: '注册时间', dataIndex: 'createdAt', search: false, render: (_, c) => dateTime(c.createdAt) },
  ];
  return (
    <>
      <ProTable<Customer>
        {...tableDefaults<Customer>()}
        headerTitle={S.menu.customers}
        rowKey="userId"
        actionRef={ref}
        columns={columns}
        request={pagedRequest(async (q) => {
          const page = await call(api.GET('/api/admin/customers', { params: { query: q as never } }));
          setRows(page.items);
          return page;
        })}
      />
      {open && (
        <CustomerDrawer id={open} onClose={() => setOpen(null)} onChanged={() => ref.current?.reload()} />
      )}
    </>
  );
}

function CustomerDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const qc = useQueryClient();
  const { data: me } = useMe();
  const c = useQuery({
    queryKey: ['customer', id],
    queryFn: () => call(api.GET('/api/admin/customers/{id}', { params: { path: { id } } })),
  });
  const h = useQuery({
    queryKey: ['customer-history', id],
    queryFn: () => call(api.GET('/api/admin/customers/{id}/binding-events', { params: { path: { id } } })),
  });
  const events = h.data?.items ?? [];
  const names = useNames({
    userIds: [
      c.data?.referrerId,
      ...events.filter((e) => e.kind === 'referrer').flatMap((e) => [e.beforeId, e.afterId]),
    ],
    storeIds: [
      c.data?.storeId,
      ...events.filter((e) => e.kind === 'store').flatMap((e) => [e.beforeId, e.afterId]),
    ],
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['customer', id] });
    void qc.invalidateQueries({ queryKey: ['customer-history', id] });
    onChanged();
  };
  const canBind = can(me, 'bindings:write');
  const label = (kind: string, v: string | null) =>
    !v ? '—' : kind === 'store' ? names.store(v) : names.userLabel(v);
  return (
    <Drawer open width={760} title={c.data?.nickname ?? '客户'} onClose={onClose} loading={c.isLoading}>
      {c.data && (
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="ID">
            <Typography.Text copyable={{ text: c.data.userId }}>{c.data.userId.slice(0, 8)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={S.customer.phone}>{maskPhone(c.data.phone)}</Descriptions.Item>
          <Descriptions.Item label={S.customer.store}>{names.store(c.data.storeId)}</Descriptions.Item>
          <Descriptions.Item label={S.customer.lockExpires}>
            {dateTime(c.data.storeLockExpiresAt)}
          </Descriptions.Item>
          <Descriptions.Item label={S.customer.referrer}>
            {c.data.referrerId ? names.userLabel(c.data.referrerId) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={S.customer.referrerExpires}>
            {c.data.referrerId
              ? dateTime(c.data.referrerExpiresAt) === '—'
                ? '永久'
                : dateTime(c.data.referrerExpiresAt)
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      {canBind && c.data && (
        <Space style={{ margin: '16px 0' }} wrap>
          <MoveStore id={id} onDone={refresh} />
          <SetReferrer id={id} onDone={refresh} />
          {c.data.storeId && (
            <ReasonButton
              danger
              title={S.customer.releaseStore}
              onReason={async (reason) => {
                await call(
                  api.POST('/api/admin/customers/{id}/store-lock/release', {
                    params: { path: { id } },
                    body: { reason },
                  }),
                );
                void message.success(S.common.done);
                refresh();
              }}
            >
              {S.customer.releaseStore}
            </ReasonButton>
          )}
          {c.data.referrerId && (
            <ReasonButton
              danger
              title={S.customer.releaseReferrer}
              onReason={async (reason) => {
                await call(
                  api.POST('/api/admin/customers/{id}/referrer/release', {
                    params: { path: { id } },
                    body: { reason },
                  }),
                );
                void message.success(S.common.done);
                refresh();
              }}
            >
              {S.customer.releaseReferrer}
            </ReasonButton>
          )}
        </Space>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {S.customer.history}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        loading={h.isLoading}
        dataSource={events}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: S.audit.at, key: 'at', render: (_, e) => dateTime(e.createdAt) },
          { title: S.customer.kind, key: 'kind', render: (_, e) => S.customer.kinds[e.kind] ?? e.kind },
          { title: S.customer.source, dataIndex: 'source' },
          { title: S.customer.before, key: 'before', render: (_, e) => label(e.kind, e.beforeId) },
          { title: S.customer.after, key: 'after', render: (_, e) => label(e.kind, e.afterId) },
          { title: S.common.reason, dataIndex: 'reason', render: (r) => r ?? '—' },
        ]}
      />
    </Drawer>
  );
}

function MoveStore({ id, onDone }: { id: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ storeId: string; reason: string }>();
  return (
    <>
      <a onClick={() => setOpen(true)}>{S.customer.moveStore}</a>
      <Modal
        open={open}
        title={S.customer.moveStore}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const body = await form.validateFields();
          try {
            await call(api.PUT('/api/admin/customers/{id}/store-lock', { params: { path: { id } }, body }));
            void message.success(S.common.done);
            setOpen(false);
            onDone();
          } catch (e) {
            applyFieldErrors(form, e);
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="storeId" label={S.order.store} rules={[{ required: true }]}>
            <StoreSelect />
          </Form.Item>
          <Form.Item
            name="reason"
            label={S.common.reason}
            rules={[{ required: true, min: 2, max: 500, message: S.common.reasonRequired }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SetReferrer({ id, onDone }: { id: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ resellerId: string; reason: string }>();
  const resellers = useQuery({
    queryKey: ['approved-resellers'],
    enabled: open,
    queryFn: () =>
      call(api.GET('/api/admin/resellers', { params: { query: { status: 'approved', pageSize: 100 } } })),
  });
  const names = useNames({ userIds: (resellers.data?.items ?? []).map((r) => r.userId) });
  return (
    <>
      <a onClick={() => setOpen(true)}>{S.customer.setReferrer}</a>
      <Modal
        open={open}
        title={S.customer.setReferrer}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        onOk={async () => {
          const body = await form.validateFields();
          try {
            await call(api.PUT('/api/admin/customers/{id}/referrer', { params: { path: { id } }, body }));
            void message.success(S.common.done);
            setOpen(false);
            onDone();
          } catch (e) {
            applyFieldErrors(form, e);
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="resellerId" label={S.customer.referrer} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={resellers.isLoading}
              options={(resellers.data?.items ?? []).map((r) => ({
                value: r.userId,
                label: names.userLabel(r.userId),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={S.common.reason}
            rules={[{ required: true, min: 2, max: 500, message: S.common.reasonRequired }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
