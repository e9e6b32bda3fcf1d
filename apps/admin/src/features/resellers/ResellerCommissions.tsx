import { ProTable } from '@ant-design/pro-components';
import { Drawer } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { moneyCol, pagedRequest, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime, percent, yuan } from '../../lib/format';
import { useNames } from '../../lib/names';
import { S } from '../../strings';

type Reward = Schemas['RewardDto'];

/** One reseller's commissions (一级/二级佣金), newest first, filterable by kind and status. */
export function ResellerCommissions({
  userId,
  name,
  onClose,
}: {
  userId: string;
  name: string;
  onClose: () => void;
}) {
  const [rows, setRows] = useState<Reward[]>([]);
  const names = useNames({ orderIds: rows.map((r) => r.orderId) });
  const columns: Columns<Reward> = [
    {
      title: S.reward.order,
      key: 'order',
      search: false,
      render: (_, r) => (
        <Link to={`/orders/list/${r.orderId}`}>
          {names.order(r.orderId)?.orderNo ?? r.orderId.slice(0, 8)}
        </Link>
      ),
    },
    { title: S.order.buyer, key: 'buyer', search: false, render: (_, r) => names.orderBuyer(r.orderId) },
    {
      title: S.reward.kind,
      dataIndex: 'kind',
      valueEnum: valueEnum({ l1: S.reward.kinds.l1, l2: S.reward.kinds.l2 }),
    },
    { title: S.reward.base, dataIndex: 'baseFen', ...moneyCol, render: (_, r) => yuan(r.baseFen) },
    { title: S.reward.rate, key: 'rate', search: false, align: 'right', render: (_, r) => percent(r.rateBp) },
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
    { title: S.common.createdAt, key: 'at', search: false, render: (_, r) => dateTime(r.createdAt) },
  ];
  return (
    <Drawer open width={960} title={S.resellerCommissions.title(name)} onClose={onClose} destroyOnHidden>
      <ProTable<Reward>
        rowKey="id"
        size="small"
        columns={columns}
        search={{ labelWidth: 'auto', span: 8 }}
        options={false}
        pagination={{ defaultPageSize: 20 }}
        scroll={{ x: 'max-content' }}
        data-testid="reseller-commissions"
        request={pagedRequest(async (q) => {
          const page = await call(
            api.GET('/api/admin/rewards', {
              params: { query: { ...q, earnerType: 'reseller', earnerId: userId } as never },
            }),
          );
          setRows(page.items);
          return page;
        })}
      />
    </Drawer>
  );
}
