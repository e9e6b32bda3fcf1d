import type { FastifyInstance } from 'fastify';
import type { SimContext } from './context';
import { randomDigits } from './crypto';
import { PayError, paramError } from './errors';
import { cstTime, type SimRefund } from './state';

const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;

interface RefundBody {
  out_trade_no?: string;
  transaction_id?: string;
  out_refund_no?: string;
  reason?: string;
  notify_url?: string;
  amount?: { refund?: number; total?: number; currency?: string };
}

export function refundView(r: SimRefund): Record<string, unknown> {
  return {
    refund_id: r.refund_id,
    out_refund_no: r.out_refund_no,
    transaction_id: r.transaction_id,
    out_trade_no: r.out_trade_no,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(r.success_time ? { success_time: r.success_time } : {}),
    create_time: r.create_time,
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: r.total,
      refund: r.refund,
      payer_total: r.total,
      payer_refund: r.refund,
      settlement_refund: r.refund,
      settlement_total: r.total,
      discount_refund: 0,
      currency: r.currency,
      refund_fee: 0,
    },
  };
}

/** PROCESSING → a final state, with the REFUND.* notification when a notify_url was given. */
export function completeRefund(
  ctx: SimContext,
  r: SimRefund,
  status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = 'SUCCESS',
): void {
  if (r.status !== 'PROCESSING') return;
  r.status = status;
  if (status === 'SUCCESS') r.success_time = cstTime(ctx.store.now());
  ctx.store.save();
  if (!r.notify_url) return;
  ctx.notifier.enqueue(
    `REFUND.${status}`,
    status === 'SUCCESS' ? '退款成功' : '退款异常',
    'refund',
    {
      mchid: ctx.creds.mchId,
      out_trade_no: r.out_trade_no,
      transaction_id: r.transaction_id,
      out_refund_no: r.out_refund_no,
      refund_id: r.refund_id,
      refund_status: r.status,
      ...(r.success_time ? { success_time: r.success_time } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: r.total, refund: r.refund, payer_total: r.total, payer_refund: r.refund },
    },
    r.notify_url,
  );
}

export function scheduleRefundCompletion(ctx: SimContext, r: SimRefund): void {
  if (ctx.refundDelayMs === null) return;
  setTimeout(() => {
    if (!ctx.closed) completeRefund(ctx, r);
  }, ctx.refundDelayMs).unref();
}

export function registerRefundRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { state } = ctx.store;

  app.post('/v3/refund/domestic/refunds', async (req) => {
    const b = (req.body ?? {}) as RefundBody;
    if (!b.out_refund_no || !OUT_REFUND_NO.test(b.out_refund_no))
      throw paramError('out_refund_no', '应为1到64位数字、大小写字母、_-|*@', b.out_refund_no);
    const same = state.refunds[b.out_refund_no];
    if (same) return refundView(same);
    if (!b.out_trade_no && !b.transaction_id)
      throw paramError('out_trade_no', 'out_trade_no和transaction_id必须二选一');
    const order = b.transaction_id
      ? Object.values(state.orders).find((o) => o.transaction_id === b.transaction_id)
      : state.orders[b.out_trade_no!];
    if (!order) throw new PayError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (b.notify_url !== undefined && !/^https?:\/\/[^?#\s]+$/.test(b.notify_url))
      throw paramError('notify_url', '应为不带参数的http(s)地址', b.notify_url);
    const refund = b.amount?.refund;
    const total = b.amount?.total;
    if (!Number.isSafeInteger(refund) || (refund as number) < 1)
      throw paramError('amount.refund', '应为大于0的整数（分）', refund);
    if (!Number.isSafeInteger(total)) throw paramError('amount.total', '应为整数（分）', total);
    if (b.amount?.currency !== undefined && b.amount.currency !== 'CNY')
      throw paramError('amount.currency', '仅支持CNY');
    if (order.trade_state !== 'SUCCESS' && order.trade_state !== 'REFUND')
      throw new PayError(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (total !== order.total) throw new PayError(400, 'INVALID_REQUEST', '订单金额total与原订单金额不一致');
    const refunded = Object.values(state.refunds)
      .filter(
        (r) => r.out_trade_no === order.out_trade_no && r.status !== 'CLOSED' && r.status !== 'ABNORMAL',
      )
      .reduce((sum, r) => sum + r.refund, 0);
    if (refunded + (refund as number) > order.total)
      throw new PayError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const r: SimRefund = {
      refund_id: `50${randomDigits(30)}`,
      out_refund_no: b.out_refund_no,
      out_trade_no: order.out_trade_no,
      transaction_id: order.transaction_id!,
      reason: b.reason ?? '',
      notify_url: b.notify_url ?? '',
      refund: refund as number,
      total: order.total,
      currency: 'CNY',
      status: 'PROCESSING',
      create_time: cstTime(ctx.store.now()),
    };
    state.refunds[r.out_refund_no] = r;
    order.trade_state = 'REFUND';
    order.trade_state_desc = '订单发生过退款';
    ctx.store.save();
    scheduleRefundCompletion(ctx, r);
    return refundView(r);
  });

  app.get('/v3/refund/domestic/refunds/:no', async (req) => {
    const r = state.refunds[(req.params as { no: string }).no];
    if (!r) throw new PayError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return refundView(r);
  });
}
