import { ProTable } from '@ant-design/pro-components';
import { Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNames } from '../../lib/names';
import { pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { S } from '../../strings';
import { diff, type DiffRow } from './diff';

type Entry = Schemas['AuditEntryDto'];

/** 审计日志: who changed what, when and why; a drawer shows the before/after difference field by field. */
export default function Audit() {
  const [open, setOpen] = useState<Entry | null>(null);
  const [rows, setRows] = useState<Entry[]>([]);
  const names = useNames({
    adminIds: rows.filter((e) => e.actorKind === 'admin').map((e) => e.actorId),
    userIds: rows.filter((e) => e.actorKind === 'user').map((e) => e.actorId),
  });
  const columns: Columns<Entry> = [
    {
      title: S.audit.at,
      dataIndex: 'range',
      valueType: 'dateRange',
      render: (_, e) => dateTime(e.createdAt),
      search: {
        transform: (v: [string, string]) => ({
          from: `${v[0]}T00:00:00+08:00`,
          to: `${v[1]}T23:59:59+08:00`,
        }),
      },
    },
    {
      title: S.audit.actor,
      dataIndex: 'actorId',
      render: (_, e) => (
        <>
          {e.actorKind === 'admin' ? (
            <Tag color="blue">管理员</Tag>
          ) : e.actorKind === 'user' ? (
            <Tag>用户</Tag>
          ) : (
            <Tag>系统</Tag>
          )}
          <Typography.Text copyable={{ text: e.actorId }}>
            {e.actorKind === 'admin'
              ? names.admin(e.actorId)
              : e.actorKind === 'user'
                ? names.userLabel(e.actorId)
                : e.actorId}
          </Typography.Text>
        </>
      ),
    },
    {
      title: S.audit.action,
      dataIndex: 'action',
      render: (_, e) => <Typography.Text code>{e.action}</Typography.Text>,
    },
    {
      title: S.audit.entity,
      dataIndex: 'entityType',
      render: (_, e) => `${e.entityType} · ${e.entityId.slice(0, 8)}`,
    },
    { title: S.common.reason, dataIndex: 'reason', search: false, render: (_, e) => e.reason ?? '—' },
    {
      title: S.audit.diff,
      key: 'd',
      search: false,
      render: (_, e) => <a onClick={() => setOpen(e)}>{diff(e.before, e.after).length} 项变更</a>,
    },
  ];
  return (
    <>
      <ProTable<Entry>
        {...tableDefaults<Entry>()}
        headerTitle={S.menu.audit}
        rowKey="id"
        columns={columns}
        request={pagedRequest(async (q) => {
          const page = await call(api.GET('/api/admin/audit-logs', { params: { query: q as never } }));
          setRows(page.items);
          return page;
        })}
      />
      <Drawer
        open={!!open}
        width={720}
        title={open ? `${open.action} · ${dateTime(open.createdAt)}` : ''}
        onClose={() => setOpen(null)}
      >
        {open && (
          <>
            <Typography.Paragraph type="secondary">
              对象 {open.entityType} <Typography.Text copyable>{open.entityId}</Typography.Text> · 请求{' '}
              {open.requestId}
            </Typography.Paragraph>
            <Table<DiffRow>
              size="small"
              rowKey="path"
              pagination={false}
              dataSource={diff(open.before, open.after)}
              columns={[
                { title: S.audit.field, dataIndex: 'path' },
                {
                  title: S.audit.before,
                  dataIndex: 'before',
                  render: (v) => (
                    <Typography.Text delete type="danger">
                      {v}
                    </Typography.Text>
                  ),
                },
                {
                  title: S.audit.after,
                  dataIndex: 'after',
                  render: (v) => <Typography.Text type="success">{v}</Typography.Text>,
                },
              ]}
            />
          </>
        )}
      </Drawer>
    </>
  );
}
