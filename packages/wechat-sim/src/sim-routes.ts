import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SimContext } from './context';
import { randomAlnum, randomDigits } from './crypto';
import { checkRequestPayment } from './request-payment';
import { SimError } from './errors';
import { issueCode } from './mini-routes';
import type { DeliveryVariant } from './notifier';
import { completeRefund, refundView } from './pay-refunds';
import { orderView } from './pay-transactions';
import { finishTransfer, transferView } from './pay-transfers';
import { cstTime, type SimUser } from './state';
import { renderConsole } from './console-page';

type Body = Record<string, unknown>;

function body(req: FastifyRequest): Body {
  return (req.body ?? {}) as Body;
}

function truthy(v: unknown): boolean {
  return v === true || v === 'true' || v === 'on' || v === '1';
}

/** Console forms post urlencoded and go back to the page; API callers get JSON. */
function done(req: FastifyRequest, reply: FastifyReply, result: unknown) {
  if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    return reply.redirect('/sim/', 303);
  }
  return result;
}

function findUser(ctx: SimContext, openid: unknown): SimUser {
  const user = typeof openid === 'string' ? ctx.store.state.users[openid] : undefined;
  if (!user) throw new SimError(404, 'USER_NOT_FOUND', 'no such simulated user');
  return user;
}

/** Test-only control surface: the user's side of WeChat and the knobs of the simulator. */
export function registerSimRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { state } = ctx.store;

  app.get('/sim', async (_req, reply) => reply.redirect('/sim/', 301));
  app.get('/sim/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(renderConsole(ctx)));

  app.post('/sim/users', async (req, reply) => {
    const b = body(req);
    const openid = `o${randomAlnum(27)}`;
    const user: SimUser = {
      openid,
      unionid: `u${randomAlnum(27)}`,
      nickname: typeof b.nickname === 'string' && b.nickname ? b.nickname : `微信用户${randomDigits(4)}`,
      phoneNumber:
        typeof b.phoneNumber === 'string' && b.phoneNumber ? b.phoneNumber : `139${randomDigits(8)}`,
      risky: truthy(b.risky),
      refuseSubscribe: truthy(b.refuseSubscribe),
      createdAt: cstTime(ctx.store.now()),
    };
    state.users[openid] = user;
    ctx.store.save();
    const code = issueCode(ctx, 'loginCodes', openid);
    return done(req, reply, { openid, code, nickname: user.nickname, phoneNumber: user.phoneNumber });
  });
  app.get('/sim/users', async () => Object.values(state.users));

  app.post('/sim/login-code', async (req, reply) => {
    const user = findUser(ctx, body(req).openid);
    return done(req, reply, { code: issueCode(ctx, 'loginCodes', user.openid) });
  });
  app.post('/sim/phone-code', async (req, reply) => {
    const user = findUser(ctx, body(req).openid);
    return done(req, reply, { code: issueCode(ctx, 'phoneCodes', user.openid) });
  });

  /** The mini-program's public identity (what a cashier page passes to wx.requestPayment as appId). */
  app.get('/sim/app', async () => ({ appId: ctx.creds.appId, mchId: ctx.creds.mchId }));

  app.post('/sim/pay/confirm', async (req, reply) => {
    const b = body(req);
    const order = checkRequestPayment(ctx, b);
    if (truthy(b.fail)) {
      order.trade_state = 'PAYERROR';
      order.trade_state_desc = '支付失败，请重新下单支付';
      ctx.store.save();
      return done(req, reply, { outTradeNo: order.out_trade_no, tradeState: order.trade_state });
    }
    order.trade_state = 'SUCCESS';
    order.trade_state_desc = '支付成功';
    order.transaction_id = `42${randomDigits(26)}`;
    order.success_time = cstTime(ctx.store.now());
    ctx.store.save();
    const n = ctx.notifier.enqueue(
      'TRANSACTION.SUCCESS',
      '支付成功',
      'transaction',
      orderView(order),
      order.notify_url,
    );
    return done(req, reply, {
      outTradeNo: order.out_trade_no,
      transactionId: order.transaction_id,
      tradeState: order.trade_state,
      notificationId: n.id,
    });
  });

  app.get('/sim/transactions', async () => Object.values(state.orders).map(orderView));
  app.get('/sim/refunds', async () => Object.values(state.refunds).map(refundView));
  app.post('/sim/refunds/:no/complete', async (req, reply) => {
    const r = state.refunds[(req.params as { no: string }).no];
    if (!r) throw new SimError(404, 'REFUND_NOT_FOUND', 'no such refund');
    const status = (body(req).status as 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | undefined) ?? 'SUCCESS';
    if (!['SUCCESS', 'CLOSED', 'ABNORMAL'].includes(status))
      throw new SimError(400, 'BAD_STATUS', 'status must be SUCCESS, CLOSED or ABNORMAL');
    if (r.status !== 'PROCESSING') throw new SimError(409, 'NOT_PROCESSING', `refund is ${r.status}`);
    completeRefund(ctx, r, status);
    return done(req, reply, refundView(r));
  });

  app.get('/sim/transfers', async () => Object.values(state.transfers).map((t) => transferView(t, true)));
  app.post('/sim/transfers/:no/confirm', async (req, reply) => {
    const t = state.transfers[(req.params as { no: string }).no];
    if (!t) throw new SimError(404, 'TRANSFER_NOT_FOUND', 'no such transfer bill');
    if (t.state !== 'WAIT_USER_CONFIRM') throw new SimError(409, 'NOT_WAITING', `transfer is ${t.state}`);
    const fail = truthy(body(req).fail);
    finishTransfer(ctx, t, fail ? 'FAIL' : 'SUCCESS', fail ? 'PAYEE_ACCOUNT_ABNORMAL' : undefined);
    return done(req, reply, transferView(t, true));
  });

  app.get('/sim/messages', async () => state.messages);

  app.get('/sim/notifications', async () => state.notifications);
  app.get('/sim/notifications/:id', async (req) => {
    const n = state.notifications.find((x) => x.id === (req.params as { id: string }).id);
    if (!n) throw new SimError(404, 'NOTIFICATION_NOT_FOUND', 'no such notification');
    return n;
  });
  app.post('/sim/notifications/:id/resend', async (req, reply) => {
    const n = state.notifications.find((x) => x.id === (req.params as { id: string }).id);
    if (!n) throw new SimError(404, 'NOTIFICATION_NOT_FOUND', 'no such notification');
    const variant = (body(req).variant as DeliveryVariant | undefined) ?? 'normal';
    if (!['normal', 'duplicate', 'replay', 'tampered', 'probe'].includes(variant)) {
      throw new SimError(400, 'BAD_VARIANT', 'variant must be normal, duplicate, replay, tampered or probe');
    }
    const attempts = await ctx.notifier.resend(n, variant);
    return done(req, reply, {
      id: n.id,
      attempts: attempts.map((a) => ({ variant: a.variant, status: a.status, error: a.error })),
    });
  });

  app.post('/sim/notification-holds', async (req) => {
    const b = body(req);
    if (typeof b.eventType !== 'string' || !b.eventType)
      throw new SimError(400, 'BAD_EVENT_TYPE', 'eventType is required, e.g. TRANSACTION.SUCCESS');
    const hold = { eventType: b.eventType, remaining: Number.isInteger(b.count) ? (b.count as number) : 1 };
    state.notificationHolds.push(hold);
    ctx.store.save();
    return hold;
  });
  app.post('/sim/notifications/:id/release', async (req, reply) => {
    const n = state.notifications.find((x) => x.id === (req.params as { id: string }).id);
    if (!n) throw new SimError(404, 'NOTIFICATION_NOT_FOUND', 'no such notification');
    if (n.status !== 'HELD') throw new SimError(409, 'NOT_HELD', `notification is ${n.status}`);
    ctx.notifier.release(n);
    return done(req, reply, { id: n.id, status: n.status });
  });

  app.get('/sim/clock', async () => ({
    offsetSeconds: state.clockOffsetSeconds,
    now: cstTime(ctx.store.now()),
  }));
  app.post('/sim/clock', async (req, reply) => {
    const offset = Number(body(req).offsetSeconds);
    if (!Number.isFinite(offset)) throw new SimError(400, 'BAD_OFFSET', 'offsetSeconds must be a number');
    state.clockOffsetSeconds = Math.trunc(offset);
    ctx.store.save();
    return done(req, reply, { offsetSeconds: state.clockOffsetSeconds, now: cstTime(ctx.store.now()) });
  });

  app.get('/sim/faults', async () => state.faults);
  app.post('/sim/faults', async (req) => {
    const b = body(req);
    if (typeof b.path !== 'string' || !b.path.startsWith('/'))
      throw new SimError(400, 'BAD_PATH', 'path must be a route path');
    const fault = {
      path: b.path,
      remaining: Number.isInteger(b.count) ? (b.count as number) : 1,
      errcode: typeof b.errcode === 'number' ? b.errcode : undefined,
      errmsg: typeof b.errmsg === 'string' ? b.errmsg : undefined,
      status: typeof b.status === 'number' ? b.status : undefined,
      code: typeof b.code === 'string' ? b.code : undefined,
      message: typeof b.message === 'string' ? b.message : undefined,
      delayMs: Number.isInteger(b.delayMs) && (b.delayMs as number) > 0 ? (b.delayMs as number) : undefined,
      delayOnly: b.delayOnly === true ? true : undefined,
    };
    state.faults.push(fault);
    ctx.store.save();
    return { id: randomUUID(), ...fault };
  });

  app.get('/sim/config', async () => ({
    appId: ctx.creds.appId,
    mchId: ctx.creds.mchId,
    merchantSerial: ctx.creds.merchantSerial,
    platformPublicKeyId: ctx.creds.platformPublicKeyId,
    platformPublicKeyPem: ctx.creds.platformPublicKeyPem,
  }));
}
