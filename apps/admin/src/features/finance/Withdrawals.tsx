import { ProTable, type ActionType } from '@ant-design/pro-components';
import { Button, message, Modal, Radio, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ConfirmButton, ReasonButton } from '../../components/Actions';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { ExportButton, moneyCol, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { showError } from '../../lib/errors';
import { dateTime, yuan } from '../../lib/format';
import { earnerIds, useNames } from '../../lib/names';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type Withdrawal = Schemas['WithdrawalDto'];
type Method = 'wechat' | 'manual';

/** 提现审核: the queue, bulk approve, reject with a reason, mark a manual payout paid. */
export default function Withdrawals() {
  const ref = useRef<ActionType>(undefined);
  const { data: me } = useMe();
  const [rows, setRows] = useState<Withdrawal[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const names = useNames(earnerIds(rows));
  const canApprove = can(me, 'withdrawals:approve');
  const reload = () => {
    setSelected([]);
    ref.current?.reload();
  };

  const approve = (ids: string[], total: number) => {
    let method: Method = 'wechat';
    Modal.confirm({
      title:
        ids.length > 1
          ? `${S.withdrawal.bulkApprove}（${ids.length} 笔，共 ${yuan(total)}）`
          : `${S.withdrawal.approve}（${yuan(total)}）`,
      content: (
        <Space direction="vertical">
          <Typography.Text>{S.withdrawal.approveConfirm}</Typography.Text>
          <Radio.Group defaultValue="wechat" onChange={(e) => (method = e.target.value as Method)}>
            <Radio value="wechat">{S.withdrawal.methods.wechat}</Radio>
            <Radio value="manual">{S.withdrawal.methods.manual}</Radio>
          </Radio.Group>
        </Space>
      ),
      okText: S.common.ok,
      cancelText: S.common.cancel,
      onOk: async () => {
        try {
          if (ids.length === 1) {
            await call(
              api.POST('/api/admin/withdrawals/{id}/approve', {
                params: { path: { id: ids[0] } },
                body: { method },
              }),
            );
            void message.success(S.common.done);
          } else {
            const r = await call(api.POST('/api/admin/withdrawals/approve', { body: { ids, method } }));
            const failed = Object.entries(r.failed ?? {});
            if (failed.length)
              void message.warning(
                `通过 ${r.approved.length} 笔，失败 ${failed.length} 笔：${failed.map(([, c]) => c).join('、')}`,
              );
            else void message.success(`已通过 ${r.approved.length} 笔`);
          }
          reload();
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  const columns: Columns<Withdrawal> = [
    {
      title: S.withdrawal.earner,
      key: 'earner',
      search: false,
      render: (_, w) => names.earner(w.earnerType, w.earnerId),
    },
    {
      title: S.withdrawal.earnerType,
      dataIndex: 'earnerType',
      valueEnum: valueEnum(S.withdrawal.earnerTypes),
    },
    { title: S.withdrawal.amount, dataIndex: 'amountFen', ...moneyCol, render: (_, w) => yuan(w.amountFen) },
    { title: S.withdrawal.fee, dataIndex: 'feeFen', ...moneyCol, render: (_, w) => yuan(w.feeFen) },
    { title: S.withdrawal.net, dataIndex: 'netFen', ...moneyCol, render: (_, w) => <b>{yuan(w.netFen)}</b> },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.withdrawalStatus),
      render: (_, w) => (
        <Space direction="vertical" size={0}>
          <StatusTag status={w.status} labels={S.withdrawalStatus} />
          {(w.rejectReason || w.failReason) && (
            <Typography.Text type="secondary">{String(w.rejectReason ?? w.failReason)}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: S.withdrawal.method,
      dataIndex: 'method',
      search: false,
      valueEnum: valueEnum(S.withdrawal.methods),
    },
    {
      title: S.common.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, w) => dateTime(w.createdAt),
    },
    {
      title: S.withdrawal.paidAt,
      dataIndex: 'paidAt',
      search: false,
      render: (_, w) => dateTime(w.paidAt as string | null),
    },
    {
      title: S.common.actions,
      key: 'actions',
      search: false,
      render: (_, w) =>
        canApprove ? (
          <Space>
            {w.status === 'REQUESTED' && (
              <>
                <a onClick={() => approve([w.id], w.netFen)}>{S.withdrawal.approve}</a>
                <ReasonButton
                  type="link"
                  size="small"
                  danger
                  title={S.withdrawal.reject}
                  onReason={async (reason) => {
                    await call(
                      api.POST('/api/admin/withdrawals/{id}/reject', {
                        params: { path: { id: w.id } },
                        body: { reason },
                      }),
                    );
                    void message.success(S.common.done);
                    reload();
                  }}
                >
                  {S.withdrawal.reject}
                </ReasonButton>
              </>
            )}
            {w.status === 'APPROVED' && w.method === 'manual' && (
              <ConfirmButton
                type="link"
                size="small"
                title={`${S.withdrawal.markPaidConfirm}（${yuan(w.netFen)}）`}
                onConfirm={async () => {
                  await call(
                    api.POST('/api/admin/withdrawals/{id}/mark-paid', {
                      params: { path: { id: w.id } },
                      body: {},
                    }),
                  );
                  void message.success(S.common.done);
                  reload();
                }}
              >
                {S.withdrawal.markPaid}
              </ConfirmButton>
            )}
          </Space>
        ) : null,
    },
  ];

  const selectedRows = rows.filter((r) => selected.includes(r.id));
  return (
    <ProTable<Withdrawal>
      {...tableDefaults<Withdrawal>()}
      headerTitle={S.menu.withdrawals}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      rowSelection={
        canApprove
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as string[]),
              getCheckboxProps: (w) => ({ disabled: w.status !== 'REQUESTED' }),
            }
          : undefined
      }
      tableAlertOptionRender={() => (
        <Button
          type="primary"
          size="small"
          onClick={() =>
            approve(
              selected,
              selectedRows.reduce((s, w) => s + w.netFen, 0),
            )
          }
        >
          {S.withdrawal.bulkApprove}
        </Button>
      )}
      request={pagedRequest(async (q) => {
        setFilters(q);
        const page = await call(api.GET('/api/admin/withdrawals', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
      toolBarRender={() => [
        <ExportButton
          key="export"
          path="/api/admin/withdrawals/export.csv"
          params={{ ...filters, page: undefined, pageSize: undefined }}
          filename="withdrawals.csv"
        />,
      ]}
    />
  );
}
