import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ModalForm,
  PageContainer,
  ProFormDigit,
  ProFormText,
  ProTable,
  type ActionType,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, message, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { LoadError } from '../../app/ErrorPages';
import { PageSpin } from '../../app/Shell';
import { ConfirmButton } from '../../components/Actions';
import { StockAdjuster } from '../../components/StockAdjuster';
import { ProductSelect, SkuSelect } from '../../components/selects';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, download, type Schemas } from '../../lib/api';
import { applyFieldErrors, showError } from '../../lib/errors';
import { dateTime, percent } from '../../lib/format';
import { useNames } from '../../lib/names';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';
import { StoreForm } from './Stores';

type Shelf = Schemas['ShelfDto'];
type Code = Schemas['ScanCodeDto'];
type Stock = Schemas['StoreStockDto'];

/** A store's page: its shelves and slots, scan codes (PDF sheet, PNGs), stock with its log, and staff. */
export default function StoreDetail() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['store', id],
    queryFn: () => call(api.GET('/api/admin/stores/{id}', { params: { path: { id } } })),
  });
  const names = useNames({ userIds: [q.data?.ownerUserId, q.data?.agentUserId] });
  const [busy, setBusy] = useState(false);
  if (q.isLoading) return <PageSpin />;
  if (q.error || !q.data) return <LoadError error={q.error} retry={() => void q.refetch()} />;
  const s = q.data;
  const canWrite = can(me, 'stores:write');
  const reload = () => void qc.invalidateQueries({ queryKey: ['store', id] });
  const sheet = async () => {
    setBusy(true);
    try {
      await download(`/api/admin/stores/${id}/qr-sheet.pdf`, `${s.name}-货架码.pdf`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PageContainer
      title={s.name}
      tags={<StatusTag status={s.status} labels={S.storeStatus} />}
      onBack={() => history.back()}
      extra={[
        <Button key="pdf" icon={<DownloadOutlined />} loading={busy} onClick={() => void sheet()}>
          {S.store.downloadSheet}
        </Button>,
        canWrite && (
          <StoreForm key="edit" store={s} onDone={reload} trigger={<Button>{S.common.edit}</Button>} />
        ),
        canWrite && !me?.storeScoped && (
          <ConfirmButton
            key="status"
            danger={s.status === 'active'}
            title={s.status === 'active' ? '停业后顾客扫码将无法下单，确定吗？' : '恢复营业？'}
            onConfirm={async () => {
              await call(
                api.PATCH('/api/admin/stores/{id}', {
                  params: { path: { id } },
                  body: { status: s.status === 'active' ? 'suspended' : 'active' },
                }),
              );
              reload();
            }}
          >
            {s.status === 'active' ? S.store.suspend : S.store.activate}
          </ConfirmButton>
        ),
      ]}
      content={
        <Descriptions column={3} size="small">
          <Descriptions.Item label={S.store.address}>{s.address}</Descriptions.Item>
          <Descriptions.Item label={S.store.phone}>{s.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={S.store.hours}>{s.openingHours || '—'}</Descriptions.Item>
          <Descriptions.Item label="店主">
            {s.ownerUserId ? names.userLabel(s.ownerUserId) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="代理">
            {s.agentUserId ? names.userLabel(s.agentUserId) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={S.store.guideRate}>
            {s.guideRateBp === null ? S.store.guideRateDefault : percent(s.guideRateBp)}
          </Descriptions.Item>
          <Descriptions.Item label="ID">
            <Typography.Text copyable={{ text: s.id }}>{s.id.slice(0, 8)}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      }
    >
      <Tabs
        items={[
          { key: 'shelves', label: S.store.shelves, children: <Shelves storeId={id} canWrite={canWrite} /> },
          { key: 'codes', label: S.store.codes, children: <Codes storeId={id} canWrite={canWrite} /> },
          { key: 'stock', label: S.store.stock, children: <StockTab storeId={id} canWrite={canWrite} /> },
          { key: 'members', label: S.store.members, children: <Members storeId={id} /> },
        ]}
      />
    </PageContainer>
  );
}

function Shelves({ storeId, canWrite }: { storeId: string; canWrite: boolean }) {
  const ref = useRef<ActionType>(undefined);
  const [rows, setRows] = useState<Shelf[]>([]);
  const names = useNames({
    productIds: rows.flatMap((s) => s.slots.map((x) => x.productId)),
    skuIds: rows.flatMap((s) => s.slots.map((x) => x.skuId)),
  });
  const issue = async (shelfId: string) => {
    try {
      await call(api.POST('/api/admin/scan-codes', { body: { shelfId } }));
      void message.success(S.common.done);
      ref.current?.reload();
    } catch (e) {
      showError(e);
    }
  };
  const columns: Columns<Shelf> = [
    { title: S.store.shelfName, dataIndex: 'name' },
    {
      title: S.store.slots,
      key: 'slots',
      render: (_, s) =>
        s.slots.length ? (
          <Space wrap size={4}>
            {s.slots.map((x) => (
              <Tag key={x.id}>
                {x.position}. {x.skuId ? names.sku(x.skuId) : names.product(x.productId)}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: S.store.codes,
      dataIndex: 'code',
      render: (_, s) => s.code ?? <Typography.Text type="secondary">未生成</Typography.Text>,
    },
    {
      title: S.common.actions,
      key: 'a',
      render: (_, s) =>
        canWrite && (
          <Space>
            <SlotEditor shelf={s} onDone={() => ref.current?.reload()} />
            {!s.code && <a onClick={() => void issue(s.id)}>{S.store.issueCode}</a>}
          </Space>
        ),
    },
  ];
  return (
    <ProTable<Shelf>
      {...tableDefaults<Shelf>()}
      search={false}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      request={pagedRequest(async (q) => {
        const page = await call(
          api.GET('/api/admin/stores/{id}/shelves', { params: { path: { id: storeId }, query: q as never } }),
        );
        setRows(page.items);
        return page;
      })}
      toolBarRender={() => [
        canWrite && (
          <ShelfForm
            key="new"
            storeId={storeId}
            onDone={() => ref.current?.reload()}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                {S.store.addShelf}
              </Button>
            }
          />
        ),
      ]}
    />
  );
}

function ShelfForm({
  storeId,
  trigger,
  onDone,
}: {
  storeId: string;
  trigger: JSX.Element;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ name: string; sortOrder?: number }>();
  return (
    <ModalForm<{ name: string; sortOrder?: number }>
      title={S.store.addShelf}
      trigger={trigger}
      form={form}
      width={420}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (v) => {
        try {
          const body = { name: v.name, sortOrder: v.sortOrder ?? 0 };
          await call(api.POST('/api/admin/stores/{id}/shelves', { params: { path: { id: storeId } }, body }));
          void message.success(S.common.saved);
          onDone();
          return true;
        } catch (e) {
          applyFieldErrors(form, e);
          return false;
        }
      }}
    >
      <ProFormText
        name="name"
        label={S.store.shelfName}
        placeholder="如：A1 白酒柜"
        rules={[{ required: true, max: 60 }]}
      />
      <ProFormDigit name="sortOrder" label={S.category.sortOrder} min={0} fieldProps={{ precision: 0 }} />
    </ModalForm>
  );
}

/** 编辑货位: the products on the shelf, in order, each optionally one SKU (picked by its specs, never an id). */
function SlotEditor({ shelf, onDone }: { shelf: Shelf; onDone: () => void }) {
  type Slot = { productId: string; skuId: string | null };
  const [open, setOpen] = useState(false);
  const [slots, setSlots] = useState<Slot[]>([]);
  const names = useNames({ productIds: shelf.slots.map((s) => s.productId) });
  const set = (i: number, patch: Partial<Slot>) =>
    setSlots(slots.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <>
      <a
        onClick={() => {
          setSlots(shelf.slots.map((s) => ({ productId: s.productId, skuId: s.skuId ?? null })));
          setOpen(true);
        }}
      >
        {S.store.editSlots}
      </a>
      <Modal
        open={open}
        title={`${S.store.editSlots} · ${shelf.name}`}
        width={760}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={async () => {
          try {
            await call(
              api.PUT('/api/admin/shelves/{id}/slots', {
                params: { path: { id: shelf.id } },
                body: {
                  slots: slots
                    .filter((s) => s.productId)
                    .map((s) => ({ productId: s.productId, skuId: s.skuId ?? undefined })),
                },
              }),
            );
            void message.success(S.common.saved);
            setOpen(false);
            onDone();
          } catch (e) {
            showError(e);
          }
        }}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {slots.map((p, i) => (
            <Space key={i}>
              <span>{i + 1}.</span>
              <ProductSelect
                style={{ width: 340 }}
                value={p.productId || undefined}
                labelRender={(o) => o.label ?? names.product(String(o.value))}
                onChange={(v) => set(i, { productId: v ?? '', skuId: null })}
              />
              <SkuSelect
                style={{ width: 260 }}
                productId={p.productId || undefined}
                value={p.skuId ?? undefined}
                aria-label={`${S.pickers.sku} ${i + 1}`}
                onChange={(v) => set(i, { skuId: v ?? null })}
              />
              <a onClick={() => setSlots(slots.filter((_, j) => j !== i))}>{S.common.delete}</a>
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => setSlots([...slots, { productId: '', skuId: null }])}
          >
            添加货位
          </Button>
        </Space>
      </Modal>
    </>
  );
}

function Codes({ storeId, canWrite }: { storeId: string; canWrite: boolean }) {
  const ref = useRef<ActionType>(undefined);
  const [rows, setRows] = useState<Code[]>([]);
  const shelves = useQuery({
    queryKey: ['shelves', storeId],
    queryFn: () =>
      call(
        api.GET('/api/admin/stores/{id}/shelves', {
          params: { path: { id: storeId }, query: { pageSize: 100 } },
        }),
      ),
  });
  const shelfName = new Map((shelves.data?.items ?? []).map((s) => [s.id, s.name]));
  void rows;
  const columns: Columns<Code> = [
    {
      title: '码值',
      dataIndex: 'code',
      search: false,
      render: (_, c) => <Typography.Text copyable>{c.code}</Typography.Text>,
    },
    { title: '货架', dataIndex: 'shelfId', search: false, render: (_, c) => shelfName.get(c.shelfId) ?? '—' },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.codeStatus),
      render: (_, c) => <StatusTag status={c.status} labels={S.codeStatus} />,
    },
    {
      title: S.common.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, c) => dateTime(c.createdAt),
    },
    {
      title: S.common.actions,
      key: 'a',
      search: false,
      render: (_, c) => (
        <Space>
          <a
            onClick={() =>
              void download(`/api/admin/scan-codes/${c.id}/qr.png`, `${c.code}.png`).catch(showError)
            }
          >
            {S.store.png}
          </a>
          {canWrite && c.status === 'active' && (
            <>
              <ConfirmButton
                type="link"
                size="small"
                title={S.store.reissueConfirm}
                onConfirm={async () => {
                  await call(
                    api.POST('/api/admin/scan-codes/{id}/reissue', { params: { path: { id: c.id } } }),
                  );
                  void message.success(S.common.done);
                  ref.current?.reload();
                }}
              >
                {S.store.reissue}
              </ConfirmButton>
              <ConfirmButton
                type="link"
                size="small"
                danger
                title={S.store.disableConfirm}
                onConfirm={async () => {
                  await call(
                    api.POST('/api/admin/scan-codes/{id}/disable', { params: { path: { id: c.id } } }),
                  );
                  void message.success(S.common.done);
                  ref.current?.reload();
                }}
              >
                {S.store.disable}
              </ConfirmButton>
            </>
          )}
        </Space>
      ),
    },
  ];
  return (
    <ProTable<Code>
      {...tableDefaults<Code>()}
      search={{ labelWidth: 'auto', defaultCollapsed: true, span: 6 }}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      request={pagedRequest(async (q) => {
        const page = await call(
          api.GET('/api/admin/stores/{id}/scan-codes', {
            params: { path: { id: storeId }, query: q as never },
          }),
        );
        setRows(page.items);
        return page;
      })}
    />
  );
}

function StockTab({ storeId, canWrite }: { storeId: string; canWrite: boolean }) {
  const ref = useRef<ActionType>(undefined);
  const [rows, setRows] = useState<Stock[]>([]);
  const [logOpen, setLogOpen] = useState(false);
  const names = useNames({ skuIds: rows.map((r) => r.skuId) });
  const columns: Columns<Stock> = [
    { title: '商品规格', key: 'sku', render: (_, r) => names.sku(r.skuId) },
    {
      title: S.product.stock,
      dataIndex: 'qty',
      align: 'right',
      render: (_, r) => (r.qty <= 3 ? <Typography.Text type="danger">{r.qty}</Typography.Text> : r.qty),
    },
    { title: '更新时间', dataIndex: 'updatedAt', render: (_, r) => dateTime(r.updatedAt) },
    {
      title: S.common.actions,
      key: 'a',
      render: (_, r) =>
        canWrite && (
          <AdjustStock
            storeId={storeId}
            skuId={r.skuId}
            label={names.sku(r.skuId)}
            onDone={() => ref.current?.reload()}
          />
        ),
    },
  ];
  return (
    <>
      <ProTable<Stock>
        {...tableDefaults<Stock>()}
        search={false}
        rowKey="skuId"
        actionRef={ref}
        columns={columns}
        request={pagedRequest(async (q) => {
          const page = await call(
            api.GET('/api/admin/stores/{id}/stock', { params: { path: { id: storeId }, query: q as never } }),
          );
          setRows(page.items);
          return page;
        })}
        toolBarRender={() => [
          <Button key="log" onClick={() => setLogOpen(true)}>
            {S.product.movements}
          </Button>,
        ]}
      />
      <Modal
        open={logOpen}
        width={860}
        footer={null}
        title={S.product.movements}
        onCancel={() => setLogOpen(false)}
        destroyOnHidden
      >
        <Movements storeId={storeId} />
      </Modal>
    </>
  );
}

function Movements({ storeId }: { storeId: string }) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['store-movements', storeId, page],
    queryFn: () =>
      call(
        api.GET('/api/admin/stores/{id}/stock-movements', {
          params: { path: { id: storeId }, query: { page, pageSize: 20 } },
        }),
      ),
  });
  const names = useNames({ skuIds: (q.data?.items ?? []).map((m) => m.skuId) });
  return (
    <Table
      size="small"
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
      columns={[
        { title: S.audit.at, key: 'at', render: (_, m) => dateTime(m.createdAt) },
        { title: '商品规格', key: 'sku', render: (_, m) => names.sku(m.skuId) },
        {
          title: '变动',
          key: 'delta',
          align: 'right',
          render: (_, m) => (m.delta > 0 ? `+${m.delta}` : m.delta),
        },
        { title: '结存', dataIndex: 'qtyAfter', align: 'right' },
        {
          title: S.common.reason,
          key: 'reason',
          render: (_, m) => [m.reason, m.note].filter(Boolean).join(' · '),
        },
      ]}
    />
  );
}

function AdjustStock({
  storeId,
  skuId,
  label,
  onDone,
}: {
  storeId: string;
  skuId: string;
  label: string;
  onDone: () => void;
}) {
  return (
    <StockAdjuster
      label={label}
      onDone={onDone}
      submit={(delta, note) =>
        call(
          api.POST('/api/admin/stores/{id}/stock-adjustments', {
            params: { path: { id: storeId } },
            body: { skuId, delta, note },
          }),
        )
      }
    />
  );
}

function Members({ storeId }: { storeId: string }) {
  const q = useQuery({
    queryKey: ['members', storeId],
    queryFn: () => call(api.GET('/api/admin/stores/{id}/members', { params: { path: { id: storeId } } })),
  });
  const names = useNames({ userIds: (q.data?.items ?? []).map((m) => m.userId) });
  return (
    <Table
      rowKey="userId"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={false}
      columns={[
        { title: '店员', key: 'u', render: (_, m) => names.userLabel(m.userId) },
        {
          title: S.store.role,
          key: 'r',
          render: (_, m) => (m.role === 'owner' ? <Tag color="gold">店主</Tag> : <Tag>店员</Tag>),
        },
        { title: '加入时间', key: 'j', render: (_, m) => dateTime(m.joinedAt) },
      ]}
    />
  );
}
