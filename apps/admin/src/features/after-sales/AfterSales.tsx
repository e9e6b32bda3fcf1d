import { ProTable, type ActionType } from '@ant-design/pro-components';
import { Image, message, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmButton, ReasonButton } from '../../components/Actions';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { exportRowsCsv, moneyCol, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { showError } from '../../lib/errors';
import { dateTime, yuan } from '../../lib/format';
import { useNames } from '../../lib/names';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';

type AfterSale = Schemas['AfterSaleDto'];

/**
 * 售后处理: approve refunds through WeChat Pay, reject with a reason; a return and refund
 * is approved first (待退货) and refunded once the operator confirms the goods came back.
 */
export default function AfterSales() {
  const ref = useRef<ActionType>(undefined);
  const { data: me } = useMe();
  const [rows, setRows] = useState<AfterSale[]>([]);
  const names = useNames({ orderIds: rows.map((r) => r.orderId) });
  const canRefund = can(me, 'refunds:write');
  const reload = () => ref.current?.reload();

  const columns: Columns<AfterSale> = [
    {
      title: S.afterSale.order,
      key: 'order',
      search: false,
      render: (_, a) => (
        <Link to={`/orders/list/${a.orderId}`}>
          {names.order(a.orderId)?.orderNo ?? a.orderId.slice(0, 8)}
        </Link>
      ),
    },
    { title: S.order.buyer, key: 'buyer', search: false, render: (_, a) => names.orderBuyer(a.orderId) },
    { title: S.afterSale.type, dataIndex: 'type', search: false, valueEnum: valueEnum(S.afterSale.types) },
    { title: S.order.qty, dataIndex: 'qty', search: false, align: 'right' },
    {
      title: S.afterSale.amount,
      key: 'amount',
      ...moneyCol,
      render: (_, a) => (
        <span>
          {yuan(a.amountFen + a.shippingRefundFen)}
          {a.shippingRefundFen > 0 && (
            <Typography.Text type="secondary">
              {' '}
              (含{S.afterSale.shippingRefund} {yuan(a.shippingRefundFen)})
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: S.afterSale.reason,
      dataIndex: 'reason',
      search: false,
      render: (_, a) => (
        <Space direction="vertical" size={4}>
          <span>{a.reason}</span>
          {a.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space>
                {a.photos.map((p) => (
                  <Image key={p} src={p} width={36} height={36} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          {a.rejectReason && <Typography.Text type="secondary">拒绝原因：{a.rejectReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(S.afterSaleStatus),
      render: (_, a) => <StatusTag status={a.status} labels={S.afterSaleStatus} />,
    },
    {
      title: S.common.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, a) => dateTime(a.createdAt),
    },
    {
      title: S.common.actions,
      key: 'actions',
      search: false,
      render: (_, a) => {
        if (!canRefund) return null;
        const refundText = yuan(a.amountFen + a.shippingRefundFen);
        const post = async (action: 'approve' | 'confirm-return') => {
          await call(
            action === 'approve'
              ? api.POST('/api/admin/after-sales/{id}/approve', { params: { path: { id: a.id } } })
              : api.POST('/api/admin/after-sales/{id}/confirm-return', { params: { path: { id: a.id } } }),
          );
          void message.success(S.common.done);
          reload();
        };
        const reject = (
          <ReasonButton
            type="link"
            size="small"
            danger
            title={S.afterSale.reject}
            label={S.afterSale.rejectReason}
            onReason={async (reason) => {
              await call(
                api.POST('/api/admin/after-sales/{id}/reject', {
                  params: { path: { id: a.id } },
                  body: { reason },
                }),
              );
              void message.success(S.common.done);
              reload();
            }}
          >
            {S.afterSale.reject}
          </ReasonButton>
        );
        if (a.status === 'PENDING_APPROVAL') {
          const isReturn = a.type === 'return_refund';
          return (
            <Space>
              <ConfirmButton
                type="link"
                size="small"
                title={
                  isReturn
                    ? S.afterSaleReturn.approveConfirm
                    : `${S.afterSale.approveConfirm}（${refundText}）`
                }
                onConfirm={() => post('approve')}
              >
                {isReturn ? S.afterSaleReturn.approve : S.afterSale.approve}
              </ConfirmButton>
              {reject}
            </Space>
          );
        }
        if (a.status === 'AWAITING_RETURN')
          return (
            <Space>
              <ConfirmButton
                type="link"
                size="small"
                title={`${S.afterSaleReturn.confirmConfirm}（${refundText}）`}
                onConfirm={() => post('confirm-return')}
              >
                {S.afterSaleReturn.confirm}
              </ConfirmButton>
              {reject}
            </Space>
          );
        return null;
      },
    },
  ];

  return (
    <ProTable<AfterSale>
      {...tableDefaults<AfterSale>()}
      headerTitle={S.menu.afterSaleList}
      rowKey="id"
      actionRef={ref}
      columns={columns}
      params={{}}
      request={async (params: { status?: string; current?: number; pageSize?: number }) => {
        try {
          const page = await call(
            api.GET('/api/admin/after-sales', {
              params: {
                query: {
                  status: params.status as never,
                  page: params.current ?? 1,
                  pageSize: params.pageSize ?? 20,
                },
              },
            }),
          );
          setRows(page.items);
          return { data: page.items, total: page.total, success: true };
        } catch (e) {
          showError(e);
          return { data: [], total: 0, success: false };
        }
      }}
      toolBarRender={() => [
        <a
          key="export"
          onClick={() =>
            exportRowsCsv(
              rows,
              [
                { title: '订单号', value: (a) => names.order(a.orderId)?.orderNo ?? a.orderId },
                { title: '类型', value: (a) => S.afterSale.types[a.type] },
                { title: '数量', value: (a) => a.qty },
                {
                  title: '退款金额(元)',
                  value: (a) => yuan(a.amountFen + a.shippingRefundFen).replace('¥', ''),
                },
                { title: '原因', value: (a) => a.reason },
                { title: '状态', value: (a) => S.afterSaleStatus[a.status] },
                { title: '申请时间', value: (a) => dateTime(a.createdAt) },
              ],
              'after-sales.csv',
            )
          }
        >
          {S.common.export}
        </a>,
      ]}
    />
  );
}
