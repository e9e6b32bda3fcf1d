import type { FastifyInstance } from 'fastify';
import type { SimContext } from './context';
import { randomDigits, randomHex } from './crypto';
import { PayError, paramError } from './errors';
import { cstTime, type SimOrder } from './state';

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const PREPAY_TTL_MS = 2 * 3600_000;

interface JsapiBody {
  appid?: string;
  mchid?: string;
  description?: string;
  out_trade_no?: string;
  time_expire?: string;
  attach?: string;
  notify_url?: string;
  amount?: { total?: number; currency?: string };
  payer?: { openid?: string };
}

function str(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function validateJsapi(ctx: SimContext, b: JsapiBody): void {
  if (!b || typeof b !== 'object') throw paramError('body', '请求体不能为空');
  if (!str(b.appid)) throw paramError('appid', '缺少必填参数');
  if (!str(b.mchid)) throw paramError('mchid', '缺少必填参数');
  if (b.mchid !== ctx.creds.mchId) throw new PayError(400, 'MCH_NOT_EXISTS', '商户号不存在');
  if (b.appid !== ctx.creds.appId) throw new PayError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  if (!str(b.description) || [...b.description].length > 127)
    throw paramError('description', '长度应为1到127个字符', b.description);
  if (!str(b.out_trade_no) || !OUT_TRADE_NO.test(b.out_trade_no)) {
    throw paramError('out_trade_no', '应为6到32位数字、大小写字母、_-|*', b.out_trade_no);
  }
  if (b.attach !== undefined && (typeof b.attach !== 'string' || [...b.attach].length > 128))
    throw paramError('attach', '长度不能超过128');
  if (!str(b.notify_url) || !/^https?:\/\/[^?#\s]+$/.test(b.notify_url)) {
    throw paramError('notify_url', '应为不带参数的http(s)地址', b.notify_url);
  }
  const total = b.amount?.total;
  if (!Number.isSafeInteger(total) || (total as number) < 1)
    throw paramError('amount.total', '应为大于0的整数（分）', total);
  if (b.amount?.currency !== undefined && b.amount.currency !== 'CNY')
    throw paramError('amount.currency', '仅支持CNY');
  if (!str(b.payer?.openid)) throw paramError('payer.openid', '缺少必填参数');
  if (!ctx.store.state.users[b.payer.openid]) throw new PayError(400, 'PARAM_ERROR', 'openid和appid不匹配');
  if (b.time_expire !== undefined) {
    const ms = Date.parse(b.time_expire);
    if (
      !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/.test(b.time_expire) ||
      Number.isNaN(ms)
    ) {
      throw paramError('time_expire', '格式应为rfc3339', b.time_expire);
    }
    if (ms <= ctx.store.now())
      throw new PayError(400, 'INVALID_REQUEST', '订单已过期：time_expire早于当前时间');
  }
}

export function orderView(o: SimOrder): Record<string, unknown> {
  const paid = o.trade_state === 'SUCCESS' || o.trade_state === 'REFUND';
  return {
    appid: o.appid,
    mchid: o.mchid,
    out_trade_no: o.out_trade_no,
    ...(o.transaction_id ? { transaction_id: o.transaction_id } : {}),
    trade_type: 'JSAPI',
    trade_state: o.trade_state,
    trade_state_desc: o.trade_state_desc,
    ...(paid ? { bank_type: 'OTHERS', success_time: o.success_time } : {}),
    attach: o.attach,
    payer: { openid: o.openid },
    amount: paid
      ? { total: o.total, payer_total: o.total, currency: o.currency, payer_currency: o.currency }
      : { total: o.total, currency: o.currency },
  };
}

/** NOTPAY orders whose time_expire (or the 2-hour prepay) passed are closed, as WeChat does. */
export function expireIfDue(ctx: SimContext, o: SimOrder): void {
  if (o.trade_state !== 'NOTPAY' && o.trade_state !== 'PAYERROR') return;
  const limit = o.time_expire ? Date.parse(o.time_expire) : Number.POSITIVE_INFINITY;
  if (ctx.store.now() >= limit) {
    o.trade_state = 'CLOSED';
    o.trade_state_desc = '订单已关闭（超过time_expire）';
    ctx.store.save();
  }
}

function requireMchidQuery(ctx: SimContext, q: { mchid?: string }): void {
  if (!q.mchid) throw paramError('mchid', '缺少必填参数');
  if (q.mchid !== ctx.creds.mchId) throw new PayError(400, 'MCH_NOT_EXISTS', '商户号不存在');
}

export function registerTransactionRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { state } = ctx.store;

  app.post('/v3/pay/transactions/jsapi', async (req) => {
    const b = req.body as JsapiBody;
    validateJsapi(ctx, b);
    const fingerprint = JSON.stringify([
      b.appid,
      b.description,
      b.attach ?? '',
      b.notify_url,
      b.amount?.total,
      b.payer?.openid,
      b.time_expire ?? '',
    ]);
    const existing = state.orders[b.out_trade_no!];
    if (existing) {
      expireIfDue(ctx, existing);
      if (existing.trade_state === 'SUCCESS' || existing.trade_state === 'REFUND')
        throw new PayError(400, 'ORDERPAID', '该订单已支付');
      if (existing.trade_state === 'CLOSED') throw new PayError(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.fingerprint !== fingerprint)
        throw new PayError(403, 'OUT_TRADE_NO_USED', '商户订单号重复');
      if (ctx.store.now() >= existing.prepay_expires_at) {
        existing.prepay_id = `wx${randomDigits(14)}${randomHex(8)}`;
        existing.prepay_expires_at = ctx.store.now() + PREPAY_TTL_MS;
        ctx.store.save();
      }
      return { prepay_id: existing.prepay_id };
    }
    const now = ctx.store.now();
    const order: SimOrder = {
      appid: b.appid!,
      mchid: b.mchid!,
      out_trade_no: b.out_trade_no!,
      description: b.description!,
      attach: b.attach ?? '',
      notify_url: b.notify_url!,
      time_expire: b.time_expire,
      total: b.amount!.total!,
      currency: 'CNY',
      openid: b.payer!.openid!,
      fingerprint,
      prepay_id: `wx${randomDigits(14)}${randomHex(8)}`,
      prepay_expires_at: now + PREPAY_TTL_MS,
      trade_state: 'NOTPAY',
      trade_state_desc: '订单未支付',
      created_at: cstTime(now),
    };
    state.orders[order.out_trade_no] = order;
    ctx.store.save();
    return { prepay_id: order.prepay_id };
  });

  app.get('/v3/pay/transactions/out-trade-no/:no', async (req) => {
    requireMchidQuery(ctx, req.query as { mchid?: string });
    const o = state.orders[(req.params as { no: string }).no];
    if (!o) throw new PayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    expireIfDue(ctx, o);
    return orderView(o);
  });

  app.get('/v3/pay/transactions/id/:id', async (req) => {
    requireMchidQuery(ctx, req.query as { mchid?: string });
    const id = (req.params as { id: string }).id;
    const o = Object.values(state.orders).find((x) => x.transaction_id === id);
    if (!o) throw new PayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return orderView(o);
  });

  app.post('/v3/pay/transactions/out-trade-no/:no/close', async (req, reply) => {
    const b = (req.body ?? {}) as { mchid?: string };
    if (!b.mchid) throw paramError('mchid', '缺少必填参数');
    if (b.mchid !== ctx.creds.mchId) throw new PayError(400, 'MCH_NOT_EXISTS', '商户号不存在');
    const o = state.orders[(req.params as { no: string }).no];
    if (!o) throw new PayError(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (o.trade_state === 'SUCCESS' || o.trade_state === 'REFUND')
      throw new PayError(400, 'ORDERPAID', '订单已支付，不能关闭');
    o.trade_state = 'CLOSED';
    o.trade_state_desc = '订单已关闭';
    ctx.store.save();
    return reply.status(204).send();
  });
}
