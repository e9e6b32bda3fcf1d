import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormSelect, ProFormText, ProTable, type ActionType } from '@ant-design/pro-components';
import { Button, Form, message, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { ConfirmButton } from '../../components/Actions';
import { StoreSelect } from '../../components/selects';
import { exportRowsCsv, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { applyFieldErrors } from '../../lib/errors';
import { dateTime } from '../../lib/format';
import { useNames } from '../../lib/names';
import { S } from '../../strings';

type Admin = Schemas['AdminUserDto'];
type Role = Admin['roles'][number];
const ROLE_OPTIONS = Object.entries(S.roles).map(([value, label]) => ({ value, label }));

/** 账号与角色: admin accounts, their roles and (for store managers) stores; disable, reset password. */
export default function Admins() {
  const ref = useRef<ActionType>(undefined);
  const [rows, setRows] = useState<Admin[]>([]);
  const names = useNames({ storeIds: rows.flatMap((a) => a.storeIds) });
  const reload = () => ref.current?.reload();
  const columns: Columns<Admin> = [
    { title: S.admin.username, dataIndex: 'username' },
    { title: S.admin.displayName, dataIndex: 'displayName', render: (_, a) => a.displayName ?? '—' },
    {
      title: S.admin.roles,
      key: 'roles',
      render: (_, a) =>
        a.roles.map((r) => (
          <Tag key={r} color="blue">
            {S.roles[r] ?? r}
          </Tag>
        )),
    },
    {
      title: S.admin.stores,
      key: 'stores',
      render: (_, a) => (a.storeIds.length ? a.storeIds.map((id) => names.store(id)).join('、') : '—'),
    },
    {
      title: S.common.status,
      key: 'status',
      render: (_, a) =>
        a.disabled ? (
          <Tag>{S.admin.disabled}</Tag>
        ) : a.lockedUntil && new Date(a.lockedUntil) > new Date() ? (
          <Tag color="orange">临时锁定</Tag>
        ) : (
          <Tag color="green">{S.admin.enabled}</Tag>
        ),
    },
    { title: S.admin.lastLogin, dataIndex: 'lastLoginAt', render: (_, a) => dateTime(a.lastLoginAt) },
    { title: S.common.createdAt, dataIndex: 'createdAt', render: (_, a) => dateTime(a.createdAt) },
    {
      title: S.common.actions,
      key: 'a',
      render: (_, a) => (
        <Space>
          <AdminForm admin={a} onDone={reload} trigger={<a>{S.common.edit}</a>} />
          <ConfirmButton
            type="link"
            size="small"
            danger={!a.disabled}
            title={a.disabled ? `启用账号 ${a.username}？` : `停用账号 ${a.username}？其登录将立即失效`}
            onConfirm={async () => {
              await call(
                api.PATCH('/api/admin/admin-users/{id}', {
                  params: { path: { id: a.id } },
                  body: { disabled: !a.disabled },
                }),
              );
              void message.success(S.common.done);
              reload();
            }}
          >
            {a.disabled ? S.admin.enable : S.admin.disable}
          </ConfirmButton>
        </Space>
      ),
    },
  ];
  return (
    <ProTable<Admin>
      {...tableDefaults<Admin>()}
      search={false}
      headerTitle={S.menu.admins}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      request={pagedRequest(async (q) => {
        const page = await call(api.GET('/api/admin/admin-users', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
      toolBarRender={() => [
        <AdminForm
          key="new"
          onDone={reload}
          trigger={
            <Button type="primary" icon={<PlusOutlined />}>
              {S.common.create}
            </Button>
          }
        />,
        <Button
          key="export"
          onClick={() =>
            exportRowsCsv(
              rows,
              [
                { title: '用户名', value: (a) => a.username },
                { title: '姓名', value: (a) => a.displayName },
                { title: '角色', value: (a) => a.roles.map((r) => S.roles[r]).join('、') },
                { title: '状态', value: (a) => (a.disabled ? '已停用' : '正常') },
                { title: '最近登录', value: (a) => dateTime(a.lastLoginAt) },
              ],
              'admin-users.csv',
            )
          }
        >
          {S.common.export}
        </Button>,
      ]}
    />
  );
}

interface Values {
  username: string;
  displayName?: string;
  password?: string;
  roles: Role[];
  storeIds?: string[];
}

function AdminForm({ admin, trigger, onDone }: { admin?: Admin; trigger: JSX.Element; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const roles = Form.useWatch('roles', form) ?? [];
  return (
    <ModalForm<Values>
      title={admin ? `${S.common.edit} ${admin.username}` : S.common.create}
      trigger={trigger}
      form={form}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        admin
          ? {
              username: admin.username,
              displayName: admin.displayName ?? undefined,
              roles: admin.roles,
              storeIds: admin.storeIds,
            }
          : { roles: ['operator'] }
      }
      onFinish={async (v) => {
        try {
          if (admin)
            await call(
              api.PATCH('/api/admin/admin-users/{id}', {
                params: { path: { id: admin.id } },
                body: {
                  displayName: v.displayName,
                  roles: v.roles,
                  storeIds: v.storeIds ?? [],
                  ...(v.password ? { password: v.password } : {}),
                },
              }),
            );
          else
            await call(
              api.POST('/api/admin/admin-users', {
                body: {
                  username: v.username,
                  password: v.password!,
                  roles: v.roles,
                  storeIds: v.storeIds,
                  displayName: v.displayName,
                },
              }),
            );
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
        name="username"
        label={S.admin.username}
        disabled={!!admin}
        rules={[
          {
            required: true,
            pattern: /^[a-z][a-z0-9_.-]{2,31}$/,
            message: '小写字母开头，3–32 位字母、数字、_ . -',
          },
        ]}
      />
      <ProFormText name="displayName" label={S.admin.displayName} rules={[{ max: 64 }]} />
      <ProFormText.Password
        name="password"
        label={admin ? `${S.admin.resetPassword}（留空不修改）` : S.admin.password}
        rules={[{ required: !admin, min: 8, max: 128, message: S.account.minLength }]}
      />
      <ProFormSelect
        name="roles"
        label={S.admin.roles}
        mode="multiple"
        options={ROLE_OPTIONS}
        rules={[{ required: true, type: 'array', min: 1 }]}
      />
      {roles.includes('store_manager') && (
        <Form.Item
          name="storeIds"
          label={S.admin.stores}
          rules={[{ required: true, type: 'array', min: 1, message: '店长需要至少一家门店' }]}
        >
          <StoreSelect mode="multiple" />
        </Form.Item>
      )}
    </ModalForm>
  );
}
