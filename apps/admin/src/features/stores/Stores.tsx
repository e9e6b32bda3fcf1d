import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormDigit, ProFormText, ProTable, type ActionType } from '@ant-design/pro-components';
import { Button, Form, message, Space } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { UserSelect } from '../../components/selects';
import { exportRowsCsv, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { dateTime } from '../../lib/format';
import { useNames } from '../../lib/names';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Store = Schemas['AdminStoreDto'];

/** 门店管理: the partner stores; a store opens its page (shelves, codes, stock, staff). */
export default function Stores() {
  const ref = useRef<ActionType>(undefined);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [rows, setRows] = useState<Store[]>([]);
  const names = useNames({ userIds: rows.flatMap((s) => [s.ownerUserId, s.agentUserId]) });
  const columns: Columns<Store> = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true },
    {
      title: S.store.name,
      dataIndex: 'name',
      search: false,
      render: (_, s) => <Link to={`/stores/list/${s.id}`}>{s.name}</Link>,
    },
    { title: S.store.city, dataIndex: 'city', search: false },
    { title: S.store.address, dataIndex: 'address', search: false, ellipsis: true },
    { title: S.store.phone, dataIndex: 'phone', search: false },
    {
      title: '店主',
      key: 'owner',
      search: false,
      render: (_, s) => (s.ownerUserId ? names.userLabel(s.ownerUserId) : '—'),
    },
    { title: S.store.hours, dataIndex: 'openingHours', search: false },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.storeStatus),
      render: (_, s) => <StatusTag status={s.status} labels={S.storeStatus} />,
    },
    {
      title: S.common.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, s) => dateTime(s.createdAt),
    },
    {
      title: S.common.actions,
      key: 'a',
      search: false,
      render: (_, s) => <Link to={`/stores/list/${s.id}`}>{S.common.detail}</Link>,
    },
  ];
  return (
    <ProTable<Store>
      {...tableDefaults<Store>()}
      headerTitle={S.menu.storeList}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      request={pagedRequest(async (q) => {
        const page = await call(api.GET('/api/admin/stores', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
      toolBarRender={() => [
        can(me, 'stores:write') && !me?.storeScoped && (
          <StoreForm
            key="new"
            onDone={(id) => navigate(`/stores/list/${id}`)}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                {S.store.create}
              </Button>
            }
          />
        ),
        <Button
          key="export"
          onClick={() =>
            exportRowsCsv(
              rows,
              [
                { title: '门店', value: (s) => s.name },
                { title: '城市', value: (s) => s.city },
                { title: '地址', value: (s) => s.address },
                { title: '电话', value: (s) => s.phone },
                { title: '状态', value: (s) => S.storeStatus[s.status] },
              ],
              'stores.csv',
            )
          }
        >
          {S.common.export}
        </Button>,
      ]}
    />
  );
}

interface StoreValues {
  name: string;
  address: string;
  city?: string;
  phone?: string;
  lat: number;
  lng: number;
  openingHours?: string;
  ownerUserId?: string | null;
  agentUserId?: string | null;
  /** Percent in the form; the API takes basis points (empty = the setting). */
  guideRate?: number | null;
}

export function StoreForm({
  store,
  trigger,
  onDone,
}: {
  store?: Store;
  trigger: JSX.Element;
  onDone: (id: string) => void;
}) {
  const [form] = Form.useForm<StoreValues>();
  return (
    <ModalForm<StoreValues>
      title={store ? S.common.edit : S.store.create}
      trigger={trigger}
      form={form}
      width={560}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        store
          ? { ...store, guideRate: store.guideRateBp === null ? null : store.guideRateBp / 100 }
          : { openingHours: '09:00-22:00' }
      }
      onFinish={async (v) => {
        try {
          // Owner and agent are sent only when picked or changed; a cleared picker sends null.
          const person = (key: 'ownerUserId' | 'agentUserId') => {
            const next = v[key] ?? null;
            return next === (store?.[key] ?? null) ? undefined : next;
          };
          const { guideRate, ...rest } = v;
          const body = {
            ...rest,
            city: v.city || undefined,
            phone: v.phone || undefined,
            ownerUserId: person('ownerUserId'),
            agentUserId: person('agentUserId'),
            guideRateBp: guideRate === null || guideRate === undefined ? null : Math.round(guideRate * 100),
            // The version this form loaded: a save by someone else since is refused (STORE_STALE).
            expectedUpdatedAt: store?.updatedAt,
          };
          const r = store
            ? await call(api.PATCH('/api/admin/stores/{id}', { params: { path: { id: store.id } }, body }))
            : await call(api.POST('/api/admin/stores', { body }));
          void message.success(S.common.saved);
          onDone(r.id);
          return true;
        } catch (e) {
          applyFieldErrors(form, e);
          return false;
        }
      }}
    >
      <ProFormText name="name" label={S.store.name} rules={[{ required: true, max: 60 }]} />
      <ProFormText name="address" label={S.store.address} rules={[{ required: true, max: 200 }]} />
      <Space size={16}>
        <ProFormText name="city" label={S.store.city} rules={[{ max: 40 }]} />
        <ProFormText name="phone" label={S.store.phone} rules={[{ max: 32 }]} />
        <ProFormText name="openingHours" label={S.store.hours} rules={[{ max: 100 }]} />
      </Space>
      <Space size={16} style={{ width: '100%' }}>
        <Form.Item name="ownerUserId" label={S.pickers.owner} style={{ width: 244 }}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="agentUserId" label={S.pickers.agent} style={{ width: 244 }}>
          <UserSelect />
        </Form.Item>
      </Space>
      <Space size={16}>
        <ProFormDigit
          name="lat"
          label={S.store.lat}
          min={-90}
          max={90}
          fieldProps={{ precision: 6 }}
          rules={[{ required: true }]}
        />
        <ProFormDigit
          name="lng"
          label={S.store.lng}
          min={-180}
          max={180}
          fieldProps={{ precision: 6 }}
          rules={[{ required: true }]}
        />
      </Space>
      <ProFormDigit
        name="guideRate"
        label={S.store.guideRate}
        extra={S.store.guideRateHelp}
        min={0}
        max={100}
        fieldProps={{ precision: 2, addonAfter: '%' }}
      />
    </ModalForm>
  );
}
