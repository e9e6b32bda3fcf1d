import { PageContainer, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusTag, valueEnum } from '../../components/StatusTag';
import { moneyCol, pagedRequest, tableDefaults, type Columns } from '../../components/table';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime, yuan } from '../../lib/format';
import { useNames } from '../../lib/names';
import { S } from '../../strings';

type Payment = Schemas['AdminPaymentDto'];
type Refund = Schemas['AdminRefundDto'];
type Notification = Schemas['PaymentNotificationDto'];

const P = S.payments;

/** 支付与通知: payments, refunds, and every notification WeChat Pay sent, raw, for support. */
export default function Payments() {
  return (
    <PageContainer title={S.menu.payments}>
      <Tabs
        items={[
          { key: 'payments', label: P.payments, children: <PaymentsTab /> },
          { key: 'refunds', label: P.refunds, children: <RefundsTab /> },
          { key: 'notifications', label: P.notifications, children: <NotificationsTab /> },
        ]}
      />
    </PageContainer>
  );
}

function OrderLink({ id, no }: { id: string; no?: string }) {
  return <Link to={`/orders/list/${id}`}>{no ?? id.slice(0, 8)}</Link>;
}

function PaymentsTab() {
  const [rows, setRows] = useState<Payment[]>([]);
  const names = useNames({ orderIds: rows.map((r) => r.orderId) });
  const columns: Columns<Payment> = [
    { title: P.outTradeNo, dataIndex: 'outTradeNo', search: false, copyable: true },
    {
      title: S.reward.order,
      key: 'o',
      search: false,
      render: (_, p) => <OrderLink id={p.orderId} no={names.order(p.orderId)?.orderNo} />,
    },
    { title: S.order.buyer, key: 'b', search: false, render: (_, p) => names.orderBuyer(p.orderId) },
    { title: P.amount, dataIndex: 'amountFen', ...moneyCol, render: (_, p) => yuan(p.amountFen) },
    {
      title: P.refunded,
      dataIndex: 'refundedFen',
      ...moneyCol,
      render: (_, p) => (p.refundedFen ? yuan(p.refundedFen) : '—'),
    },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(P.paymentStatus),
      render: (_, p) => (
        <StatusTag
          status={p.status === 'CLOSED' ? 'CANCELLED' : p.status === 'PAID' ? 'COMPLETED' : 'PENDING'}
          labels={{
            CANCELLED: P.paymentStatus.CLOSED,
            COMPLETED: P.paymentStatus.PAID,
            PENDING: P.paymentStatus.PENDING,
          }}
        />
      ),
    },
    {
      title: P.transactionId,
      dataIndex: 'transactionId',
      search: false,
      copyable: true,
      render: (_, p) => p.transactionId ?? '—',
    },
    { title: S.order.paidAt, dataIndex: 'paidAt', search: false, render: (_, p) => dateTime(p.paidAt) },
    {
      title: S.common.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, p) => dateTime(p.createdAt),
    },
  ];
  return (
    <ProTable<Payment>
      {...tableDefaults<Payment>()}
      rowKey="id"
      columns={columns}
      request={pagedRequest(async (q) => {
        const page = await call(api.GET('/api/admin/payments', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
    />
  );
}

function RefundsTab() {
  const [rows, setRows] = useState<Refund[]>([]);
  const names = useNames({ orderIds: rows.map((r) => r.orderId) });
  const columns: Columns<Refund> = [
    { title: P.outRefundNo, dataIndex: 'outRefundNo', search: false, copyable: true },
    {
      title: S.reward.order,
      key: 'o',
      search: false,
      render: (_, r) => <OrderLink id={r.orderId} no={names.order(r.orderId)?.orderNo} />,
    },
    { title: S.order.buyer, key: 'b', search: false, render: (_, r) => names.orderBuyer(r.orderId) },
    { title: P.amount, dataIndex: 'amountFen', ...moneyCol, render: (_, r) => yuan(r.amountFen) },
    { title: S.common.reason, dataIndex: 'reason', search: false },
    {
      title: S.common.status,
      dataIndex: 'status',
      valueEnum: valueEnum(P.refundStatus),
      render: (_, r) => (
        <StatusTag
          status={
            r.status === 'SUCCESS'
              ? 'COMPLETED'
              : r.status === 'ABNORMAL'
                ? 'FAILED'
                : r.status === 'CLOSED'
                  ? 'CANCELLED'
                  : 'PENDING'
          }
          labels={{
            COMPLETED: P.refundStatus.SUCCESS,
            FAILED: P.refundStatus.ABNORMAL,
            CANCELLED: P.refundStatus.CLOSED,
            PENDING: P.refundStatus[r.status] ?? r.status,
          }}
        />
      ),
    },
    {
      title: P.wechatRefundId,
      dataIndex: 'wechatRefundId',
      search: false,
      render: (_, r) => r.wechatRefundId ?? '—',
    },
    {
      title: P.succeededAt,
      dataIndex: 'succeededAt',
      search: false,
      render: (_, r) => dateTime(r.succeededAt),
    },
    {
      title: S.common.createdAt,
      dataIndex: 'createdAt',
      search: false,
      render: (_, r) => dateTime(r.createdAt),
    },
  ];
  return (
    <ProTable<Refund>
      {...tableDefaults<Refund>()}
      rowKey="id"
      columns={columns}
      request={pagedRequest(async (q) => {
        const page = await call(api.GET('/api/admin/refunds', { params: { query: q as never } }));
        setRows(page.items);
        return page;
      })}
    />
  );
}

function NotificationsTab() {
  const [open, setOpen] = useState<string | null>(null);
  const columns: Columns<Notification> = [
    { title: P.receivedAt, dataIndex: 'receivedAt', search: false, render: (_, n) => dateTime(n.receivedAt) },
    { title: P.channel, dataIndex: 'channel', valueEnum: valueEnum(P.channels) },
    {
      title: P.eventType,
      dataIndex: 'eventType',
      search: false,
      render: (_, n) => <Typography.Text code>{n.eventType ?? '—'}</Typography.Text>,
    },
    { title: P.reference, dataIndex: 'reference', copyable: true },
    {
      title: P.verified,
      dataIndex: 'verified',
      search: false,
      render: (_, n) =>
        n.verified ? <Tag color="green">{P.signatureOk}</Tag> : <Tag color="red">{P.signatureBad}</Tag>,
    },
    {
      title: P.outcome,
      dataIndex: 'outcome',
      render: (_, n) => (
        <Tag color={n.outcome === 'failed' || n.outcome === 'rejected' ? 'red' : 'default'}>
          {P.outcomes[n.outcome] ?? n.outcome}
        </Tag>
      ),
    },
    { title: P.error, dataIndex: 'error', search: false, ellipsis: true, render: (_, n) => n.error ?? '—' },
    {
      title: S.common.actions,
      key: 'a',
      search: false,
      render: (_, n) => <a onClick={() => setOpen(n.id)}>{P.raw}</a>,
    },
  ];
  return (
    <>
      <ProTable<Notification>
        {...tableDefaults<Notification>()}
        rowKey="id"
        columns={columns}
        request={pagedRequest(async (q) =>
          call(api.GET('/api/admin/payment-notifications', { params: { query: q as never } })),
        )}
      />
      {open && <RawNotification id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function RawNotification({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['notification', id],
    queryFn: () => call(api.GET('/api/admin/payment-notifications/{id}', { params: { path: { id } } })),
  });
  let body = q.data?.body ?? '';
  try {
    body = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // not JSON: shown as received
  }
  return (
    <Drawer open width={760} title={P.raw} onClose={onClose} loading={q.isLoading}>
      {q.data && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={P.channel}>{P.channels[q.data.channel]}</Descriptions.Item>
            <Descriptions.Item label={P.eventType}>{q.data.eventType ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={P.wechatId}>{q.data.wechatId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={P.receivedAt}>{dateTime(q.data.receivedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Headers
          </Typography.Title>
          <pre style={{ background: '#fafafa', padding: 12, overflow: 'auto' }}>
            {JSON.stringify(q.data.headers, null, 2)}
          </pre>
          <Typography.Title level={5}>Body</Typography.Title>
          <pre style={{ background: '#fafafa', padding: 12, overflow: 'auto', maxHeight: 400 }}>{body}</pre>
        </>
      )}
    </Drawer>
  );
}
