import { CheckCircleTwoTone, WarningTwoTone } from '@ant-design/icons';
import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Segmented, Table, Tabs } from 'antd';
import { useState } from 'react';
import { moneyCol, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime, yuan } from '../../lib/format';
import { earnerIds, useNames } from '../../lib/names';
import { S } from '../../strings';

type Balance = Schemas['EarnerBalanceDto'];
type EarnerType = 'store' | 'reseller' | 'agent';
type Kind = 'pending' | 'available' | 'withdrawing';

/** 对账: the ledger's self-check, each earner's balances, and any earner's statement. */
export default function Ledger() {
  const [type, setType] = useState<EarnerType>('store');
  const [rows, setRows] = useState<Balance[]>([]);
  const [open, setOpen] = useState<Balance | null>(null);
  const names = useNames(earnerIds(rows.map((r) => ({ earnerType: type, earnerId: r.earnerId }))));
  const check = useQuery({
    queryKey: ['ledger-check'],
    queryFn: () => call(api.GET('/api/admin/ledger/check')),
  });
  const ok =
    check.data && !check.data.unbalancedPostings && !check.data.mismatchedAccounts && !check.data.totalFen;
  const columns: Columns<Balance> = [
    {
      title: S.withdrawal.earner,
      key: 'earner',
      render: (_, b) => <a onClick={() => setOpen(b)}>{names.earner(type, b.earnerId)}</a>,
    },
    { title: S.ledger.pending, dataIndex: 'pendingFen', ...moneyCol, render: (_, b) => yuan(b.pendingFen) },
    {
      title: S.ledger.available,
      dataIndex: 'availableFen',
      ...moneyCol,
      render: (_, b) => <b>{yuan(b.availableFen)}</b>,
    },
    {
      title: S.ledger.withdrawing,
      dataIndex: 'withdrawingFen',
      ...moneyCol,
      render: (_, b) => yuan(b.withdrawingFen),
    },
  ];
  return (
    <PageContainer title={S.menu.ledger}>
      {check.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type={ok ? 'success' : 'error'}
          icon={
            ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <WarningTwoTone twoToneColor="#ff4d4f" />
          }
          showIcon
          message={`${S.ledger.check}：${ok ? S.ledger.checkOk : S.ledger.checkBad}`}
          description={ok ? undefined : JSON.stringify(check.data)}
        />
      )}
      <Tabs
        activeKey={type}
        onChange={(k) => setType(k as EarnerType)}
        items={(['store', 'reseller', 'agent', 'guide'] as EarnerType[]).map((t) => ({
          key: t,
          label: S.withdrawal.earnerTypes[t],
        }))}
      />
      <ProTable<Balance>
        {...tableDefaults<Balance>()}
        search={false}
        headerTitle={S.ledger.balances}
        rowKey="earnerId"
        params={{ earnerType: type }}
        columns={columns}
        request={pagedRequest(async (q) => {
          const page = await call(
            api.GET('/api/admin/ledger/earners', { params: { query: { ...q, earnerType: type } as never } }),
          );
          setRows(page.items);
          return page;
        })}
      />
      {open && (
        <Statement
          type={type}
          earnerId={open.earnerId}
          title={names.earner(type, open.earnerId)}
          onClose={() => setOpen(null)}
        />
      )}
    </PageContainer>
  );
}

function Statement({
  type,
  earnerId,
  title,
  onClose,
}: {
  type: EarnerType;
  earnerId: string;
  title: string;
  onClose: () => void;
}) {
  const [kind, setKind] = useState<Kind>('available');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['statement', type, earnerId, kind, page],
    queryFn: () =>
      call(
        api.GET('/api/admin/ledger/statement', {
          params: { query: { earnerType: type, earnerId, kind, page, pageSize: 20 } },
        }),
      ),
  });
  return (
    <Drawer open width={720} title={`${title} · ${S.ledger.statement}`} onClose={onClose}>
      <Segmented<Kind>
        value={kind}
        onChange={(k) => {
          setKind(k);
          setPage(1);
        }}
        options={[
          { value: 'available', label: S.ledger.available },
          { value: 'pending', label: S.ledger.pending },
          { value: 'withdrawing', label: S.ledger.withdrawing },
        ]}
      />
      <Table
        style={{ marginTop: 16 }}
        size="small"
        rowKey="entryId"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: S.audit.at, key: 'at', render: (_, l) => dateTime(l.createdAt) },
          { title: S.audit.action, dataIndex: 'memo' },
          { title: '金额', key: 'amount', align: 'right', render: (_, l) => yuan(l.amountFen) },
          { title: '余额', key: 'balance', align: 'right', render: (_, l) => yuan(l.balanceAfterFen) },
        ]}
      />
    </Drawer>
  );
}
