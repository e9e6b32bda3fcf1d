import { PageContainer, ProCard } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Image, Space, Table, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import { LoadError } from '../../app/ErrorPages';
import { PageSpin } from '../../app/Shell';
import { StatusTag } from '../../components/StatusTag';
import { api, call, type Schemas } from '../../lib/api';
import { dateTime, percent, yuan } from '../../lib/format';
import { earnerIds, useNames } from '../../lib/names';
import { can, useMe } from '../../lib/permissions';
import { S } from '../../strings';
import { OrderRemarks } from './OrderRemarks';
import { CancelOrder, ShipModal } from './ShipModal';

type Line = Schemas['OrderLineDto'];

/** An order's work page: lines, amounts, address, history, attribution (who earns) and payment. */
export default function OrderDetail() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['order', id],
    queryFn: () => call(api.GET('/api/admin/orders/{id}', { params: { path: { id } } })),
  });
  const o = q.data;
  const rewards = useQuery({
    queryKey: ['order-rewards', id],
    enabled: !!o && can(me, 'finance:read'),
    queryFn: () => call(api.GET('/api/admin/rewards', { params: { query: { orderId: id, pageSize: 100 } } })),
  });
  const afterSales = useQuery({
    queryKey: ['order-after-sales', id],
    enabled: !!o,
    queryFn: () =>
      call(api.GET('/api/admin/after-sales', { params: { query: { orderId: id, pageSize: 100 } } })),
  });
  const payments = useQuery({
    queryKey: ['order-payments', id],
    enabled: !!o && can(me, 'finance:read'),
    queryFn: () => call(api.GET('/api/admin/payments', { params: { query: { orderId: id } } })),
  });
  const refunds = useQuery({
    queryKey: ['order-refunds', id],
    enabled: !!o && can(me, 'finance:read'),
    queryFn: () => call(api.GET('/api/admin/refunds', { params: { query: { orderId: id } } })),
  });
  const paid = payments.data?.items.find((p) => p.status === 'PAID');
  const names = useNames({
    userIds: [o?.buyerId, o?.resellerId, ...earnerIds(rewards.data?.items ?? []).userIds],
    storeIds: [o?.storeId, ...earnerIds(rewards.data?.items ?? []).storeIds],
  });
  if (q.isLoading) return <PageSpin />;
  if (q.error || !o) return <LoadError error={q.error} retry={() => void q.refetch()} />;
  const reload = () => void qc.invalidateQueries({ queryKey: ['order', id] });
  const address = o.address as Record<string, string> | null;

  return (
    <PageContainer
      title={`${S.order.detailTitle} ${o.orderNo}`}
      tags={<StatusTag status={o.status} labels={S.orderStatus} />}
      onBack={() => history.back()}
      extra={[
        can(me, 'orders:write') && o.status === 'PAID' && o.mode === 'express' && (
          <ShipModal
            key="ship"
            orderId={o.id}
            onDone={reload}
            trigger={<Button type="primary">{S.order.ship}</Button>}
          />
        ),
        can(me, 'orders:write') && o.status === 'PENDING_PAYMENT' && (
          <CancelOrder key="cancel" orderId={o.id} onDone={reload} />
        ),
      ]}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ProCard title={S.order.detailTitle} bordered>
          <Descriptions column={3} size="small">
            <Descriptions.Item label={S.order.orderNo}>
              <Typography.Text copyable>{o.orderNo}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="ID">
              <Typography.Text copyable={{ text: o.id }}>{o.id.slice(0, 8)}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={S.order.buyer}>{names.userLabel(o.buyerId)}</Descriptions.Item>
            <Descriptions.Item label={S.order.mode}>{S.modes[o.mode] ?? o.mode}</Descriptions.Item>
            <Descriptions.Item label={S.order.channel}>
              {S.channels[o.channel] ?? o.channel}
            </Descriptions.Item>
            <Descriptions.Item label={S.order.createdAt}>{dateTime(o.createdAt)}</Descriptions.Item>
            {o.mode === 'express' && (
              <Descriptions.Item label={S.order.address} span={3}>
                {address
                  ? `${address.name ?? ''} ${address.phone ?? ''} ${address.province ?? ''}${address.city ?? ''}${address.district ?? ''}${address.detail ?? ''}`
                  : '—'}
              </Descriptions.Item>
            )}
            {o.carrier && (
              <Descriptions.Item label={S.order.carrier}>
                {o.carrier} {o.trackingNo}
              </Descriptions.Item>
            )}
            {o.pickupCode && <Descriptions.Item label={S.order.pickupCode}>{o.pickupCode}</Descriptions.Item>}
          </Descriptions>
        </ProCard>
        <ProCard title={S.order.lines} bordered>
          <Table<Line>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={o.lines}
            columns={[
              {
                title: S.order.goods,
                key: 'title',
                render: (_, l) => (
                  <Space>
                    {l.imageUrl && <Image src={l.imageUrl} width={40} height={40} preview={false} />}
                    <span>
                      {l.title}
                      <br />
                      <Typography.Text type="secondary">
                        {Object.values((l.specs as Record<string, string>) ?? {}).join(' / ')}
                      </Typography.Text>
                    </span>
                  </Space>
                ),
              },
              { title: S.order.price, key: 'price', align: 'right', render: (_, l) => yuan(l.priceFen) },
              { title: S.order.qty, dataIndex: 'qty', align: 'right' },
              { title: S.order.payable, key: 'paid', align: 'right', render: (_, l) => yuan(l.paidFen) },
              {
                title: S.order.refunded,
                key: 'refunded',
                align: 'right',
                render: (_, l) => (l.refundedQty ? `${l.refundedQty} 件 / ${yuan(l.refundedFen)}` : '—'),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={5} align="right">
                  {S.order.goodsAmount} {yuan(o.goodsFen)} · {S.order.discount} -{yuan(o.discountFen)} ·{' '}
                  {S.order.shippingFee} {yuan(o.shippingFen)} ·{' '}
                  <b>
                    {S.order.payable} {yuan(o.payableFen)}
                  </b>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </ProCard>
        <ProCard gutter={16} ghost>
          <ProCard title={S.order.history} bordered colSpan={10}>
            <Timeline
              items={(o.history ?? []).map((h) => ({
                color: h.toStatus === 'CANCELLED' ? 'gray' : h.toStatus === 'COMPLETED' ? 'green' : 'blue',
                children: (
                  <>
                    <b>{S.orderStatus[h.toStatus] ?? h.toStatus}</b> · {dateTime(h.createdAt)}
                    <br />
                    <Typography.Text type="secondary">
                      {h.actorKind === 'admin' ? '管理员' : h.actorKind === 'user' ? '买家/店员' : '系统'}
                      {h.reason ? ` · ${h.reason}` : ''}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </ProCard>
          <ProCard title={S.order.attribution} bordered colSpan={7}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={S.order.store}>{names.store(o.storeId)}</Descriptions.Item>
              <Descriptions.Item label={S.order.reseller}>
                {o.resellerId ? names.userLabel(o.resellerId) : '—'}
              </Descriptions.Item>
            </Descriptions>
            {(rewards.data?.items ?? []).map((r) => (
              <div key={r.id}>
                {S.reward.kinds[r.kind] ?? r.kind}：{names.earner(r.earnerType, r.earnerId)}{' '}
                {yuan(r.amountFen)}（{percent(r.rateBp)}）
                <StatusTag status={r.status} labels={S.rewardStatus} />
              </div>
            ))}
          </ProCard>
          <ProCard title={S.order.payment} bordered colSpan={7}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={S.order.payable}>{yuan(o.payableFen)}</Descriptions.Item>
              <Descriptions.Item label={S.order.paidAt}>{dateTime(o.paidAt)}</Descriptions.Item>
              <Descriptions.Item label="微信支付">
                {o.paidAt ? '已支付' : o.status === 'CANCELLED' ? '未支付（已关闭）' : '待支付'}
              </Descriptions.Item>
              {paid && (
                <>
                  <Descriptions.Item label={S.payments.outTradeNo}>
                    <Typography.Text copyable>{paid.outTradeNo}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={S.payments.transactionId}>
                    <Typography.Text copyable>{paid.transactionId}</Typography.Text>
                  </Descriptions.Item>
                </>
              )}
            </Descriptions>
            {(refunds.data?.items ?? []).map((r) => (
              <div key={r.id}>
                退款 {yuan(r.amountFen)} · {S.payments.refundStatus[r.status] ?? r.status}
                {r.succeededAt ? ` · ${dateTime(r.succeededAt)}` : ''}
              </div>
            ))}
            {(afterSales.data?.items ?? []).map((a) => (
              <div key={a.id}>
                {S.afterSale.types[a.type]} {yuan(a.amountFen + a.shippingRefundFen)}{' '}
                <StatusTag status={a.status} labels={S.afterSaleStatus} />
              </div>
            ))}
          </ProCard>
        </ProCard>
        <OrderRemarks orderId={o.id} canWrite={can(me, 'orders:write')} />
      </Space>
    </PageContainer>
  );
}
