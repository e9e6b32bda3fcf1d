import { ProTable, type ActionType } from '@ant-design/pro-components';
import { Alert, message, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ConfirmButton, ReasonButton } from '../../components/Actions';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { exportRowsCsv, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime } from '../../lib/format';
import { useNames } from '../../lib/names';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';
import { ResellerCommissions } from './ResellerCommissions';
import { ResellerTeam } from './ResellerTeam';

type Reseller = Schemas['ResellerDto'];

/** 推广员管理: applications to approve or reject (with a reason), who brought whom, revocation (清退) and each reseller's commissions. */
export default function Resellers() {
  const ref = useRef<ActionType>(undefined);
  const { data: me } = useMe();
  const [rows, setRows] = useState<Reseller[]>([]);
  const names = useNames({ userIds: rows.flatMap((r) => [r.userId, r.uplineId]) });
  const canWrite = can(me, 'resellers:write');
  const canFinance = can(me, 'finance:read');
  const [commissionsOf, setCommissionsOf] = useState<Reseller | null>(null);
  const [teamOf, setTeamOf] = useState<Reseller | null>(null);
  const reload = () => ref.current?.reload();
  const columns: Columns<Reseller> = [
    { title: S.reseller.user, key: 'user', search: false, render: (_, r) => names.userLabel(r.userId) },
    {
      title: S.reseller.upline,
      key: 'upline',
      search: false,
      render: (_, r) => (r.uplineId ? names.userLabel(r.uplineId) : '—'),
    },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.resellerStatus),
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <StatusTag status={r.status} labels={S.resellerStatus} />
          {r.rejectReason && <Typography.Text type="secondary">{r.rejectReason}</Typography.Text>}
          {r.revokeReason && (
            <Typography.Text type="secondary">
              {dateTime(r.revokedAt)} · {r.revokeReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: S.reseller.appliedAt,
      dataIndex: 'appliedAt',
      search: false,
      render: (_, r) => dateTime(r.appliedAt),
    },
    {
      title: S.reseller.decidedAt,
      dataIndex: 'decidedAt',
      search: false,
      render: (_, r) => dateTime(r.decidedAt),
    },
    {
      title: S.common.actions,
      key: 'actions',
      search: false,
      render: (_, r) => {
        const commissions = (r.status === 'approved' || r.status === 'revoked') && (
          <Space key="views">
            <a onClick={() => setTeamOf(r)}>{S.resellerTeam.action}</a>
            {canFinance && <a onClick={() => setCommissionsOf(r)}>{S.resellerCommissions.action}</a>}
          </Space>
        );
        if (canWrite && r.status === 'approved')
          return (
            <Space>
              {commissions}
              <ReasonButton
                type="link"
                size="small"
                danger
                title={`${S.resellerRevoke.title}：${names.userLabel(r.userId)}`}
                label={S.resellerRevoke.reasonLabel}
                extra={<Alert type="warning" showIcon message={S.resellerRevoke.effects} />}
                onReason={async (reason) => {
                  const res = await call(
                    api.POST('/api/admin/resellers/{userId}/revoke', {
                      params: { path: { userId: r.userId } },
                      body: { reason },
                    }),
                  );
                  void message.success(S.resellerRevoke.done(res.releasedCustomers));
                  reload();
                }}
              >
                {S.resellerRevoke.action}
              </ReasonButton>
            </Space>
          );
        if (canWrite && r.status === 'pending')
          return (
            <Space>
              <ConfirmButton
                type="link"
                size="small"
                title={`通过 ${names.userLabel(r.userId)} 的推广员申请？`}
                onConfirm={async () => {
                  await call(
                    api.POST('/api/admin/resellers/{userId}/approve', {
                      params: { path: { userId: r.userId } },
                    }),
                  );
                  void message.success(S.common.done);
                  reload();
                }}
              >
                {S.reseller.approve}
              </ConfirmButton>
              <ReasonButton
                type="link"
                size="small"
                danger
                title={S.reseller.reject}
                onReason={async (reason) => {
                  await call(
                    api.POST('/api/admin/resellers/{userId}/reject', {
                      params: { path: { userId: r.userId } },
                      body: { reason },
                    }),
                  );
                  void message.success(S.common.done);
                  reload();
                }}
              >
                {S.reseller.reject}
              </ReasonButton>
            </Space>
          );
        return commissions || null;
      },
    },
  ];
  return (
    <>
      {teamOf && (
        <ResellerTeam
          userId={teamOf.userId}
          name={names.userLabel(teamOf.userId)}
          onClose={() => setTeamOf(null)}
        />
      )}
      {commissionsOf && (
        <ResellerCommissions
          userId={commissionsOf.userId}
          name={names.userLabel(commissionsOf.userId)}
          onClose={() => setCommissionsOf(null)}
        />
      )}
      <ProTable<Reseller>
        {...tableDefaults<Reseller>()}
        headerTitle={S.menu.resellerList}
        rowKey="userId"
        actionRef={ref}
        columns={columns}
        request={pagedRequest(async (q) => {
          const page = await call(api.GET('/api/admin/resellers', { params: { query: q as never } }));
          setRows(page.items);
          return page;
        })}
        toolBarRender={() => [
          <a
            key="export"
            onClick={() =>
              exportRowsCsv(
                rows,
                [
                  { title: '推广员', value: (r) => names.userLabel(r.userId) },
                  { title: '上级', value: (r) => (r.uplineId ? names.userLabel(r.uplineId) : '') },
                  { title: '状态', value: (r) => S.resellerStatus[r.status] },
                  { title: '申请时间', value: (r) => dateTime(r.appliedAt) },
                ],
                'resellers.csv',
              )
            }
          >
            {S.common.export}
          </a>,
        ]}
      />
    </>
  );
}
