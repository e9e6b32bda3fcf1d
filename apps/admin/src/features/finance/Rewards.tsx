import { ProTable, type ActionType } from '@ant-design/pro-components';
import { message } from 'antd';
import { useRef, useState } from 'react';
import { ConfirmButton } from '../../components/Actions';
import { can, useMe } from '../../lib/permissions';
import { Link } from 'react-router';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { ExportButton, moneyCol, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime, percent, yuan } from '../../lib/format';
import { earnerIds, useNames } from '../../lib/names';
import { S } from '../../strings';

type Reward = Schemas['RewardDto'];

/** 奖励明细: every store reward and reseller commission, by earner, order, kind and status. */
export default function Rewards() {
  const ref = useRef<ActionType>(undefined);
  const { data: me } = useMe();
  const [rows, setRows] = useState<Reward[]>([]);
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const ids = earnerIds(rows);
  const names = useNames({ ...ids, orderIds: rows.map((r) => r.orderId) });
  const columns: Columns<Reward> = [
    {
      title: S.reward.earner,
      key: 'earner',
      search: false,
      render: (_, r) => names.earner(r.earnerType, r.earnerId),
    },
    {
      title: S.withdrawal.earnerType,
      dataIndex: 'earnerType',
      valueEnum: valueEnum(S.withdrawal.earnerTypes),
    },
    { title: S.reward.kind, dataIndex: 'kind', valueEnum: valueEnum(S.reward.kinds) },
    {
      title: S.reward.order,
      dataIndex: 'orderId',
      search: false,
      render: (_, r) => (
        <Link to={`/orders/list/${r.orderId}`}>
          {names.order(r.orderId)?.orderNo ?? r.orderId.slice(0, 8)}
        </Link>
      ),
    },
    { title: S.reward.base, dataIndex: 'baseFen', ...moneyCol, render: (_, r) => yuan(r.baseFen) },
    {
      title: S.reward.rate,
      dataIndex: 'rateBp',
      search: false,
      align: 'right',
      render: (_, r) => percent(r.rateBp),
    },
    {
      title: S.reward.amount,
      dataIndex: 'amountFen',
      ...moneyCol,
      render: (_, r) => <b>{yuan(r.amountFen)}</b>,
    },
    {
      title: S.reward.clawed,
      dataIndex: 'clawedFen',
      ...moneyCol,
      render: (_, r) => (r.clawedFen ? yuan(r.clawedFen) : '—'),
    },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.rewardStatus),
      render: (_, r) => <StatusTag status={r.status} labels={S.rewardStatus} />,
    },
    {
      title: S.common.createdAt,
      dataIndex: 'range',
      valueType: 'dateRange',
      render: (_, r) => dateTime(r.createdAt),
      search: {
        transform: (v: [string, string]) => ({
          from: `${v[0]}T00:00:00+08:00`,
          to: `${v[1]}T23:59:59+08:00`,
        }),
      },
    },
    {
      title: S.reward.settledAt,
      dataIndex: 'settledAt',
      search: false,
      render: (_, r) => dateTime(r.settledAt),
    },
  ];
  return (
    <ProTable<Reward>
      {...tableDefaults<Reward>()}
      headerTitle={S.menu.rewards}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      request={pagedRequest(async (q) => {
        setFilters(q);
        const page = await call(api.GET('/api/admin/rewards', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
      toolBarRender={() => [
        can(me, 'withdrawals:approve') && (
          <ConfirmButton
            key="settle"
            title="把已过售后期的奖励立即结算为可提现（系统每小时也会自动结算）"
            onConfirm={async () => {
              const r = await call(api.POST('/api/admin/rewards/settle'));
              void message.success(`已结算 ${r.settled} 笔`);
              ref.current?.reload();
            }}
          >
            结算到期奖励
          </ConfirmButton>
        ),
        <ExportButton
          key="export"
          path="/api/admin/rewards/export.csv"
          params={{ ...filters, page: undefined, pageSize: undefined }}
          filename="rewards.csv"
        />,
      ]}
    />
  );
}
