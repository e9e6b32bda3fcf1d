import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimContext } from './context';
import { SimError } from './errors';
import { consentsOf, grantConsent } from './mini-subscribe';
import { transferControlView } from './pay-transfers';

function body(req: FastifyRequest): Record<string, unknown> {
  return (req.body ?? {}) as Record<string, unknown>;
}

/** Control routes for the merchant duties: real names of transfers, shipping information, subscribe consents. */
export function registerMerchantSimRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { state } = ctx.store;

  /** The name on the user's WeChat real-name identity; a transfer's `user_name` is checked against it. */
  app.post('/sim/users/:openid/real-name', async (req) => {
    const user = state.users[(req.params as { openid: string }).openid];
    if (!user) throw new SimError(404, 'USER_NOT_FOUND', 'no such simulated user');
    const realName = body(req).realName;
    if (typeof realName !== 'string' || !realName.trim())
      throw new SimError(400, 'BAD_REAL_NAME', 'realName must be a non-empty string');
    user.realName = realName;
    ctx.store.save();
    return { openid: user.openid, realName };
  });

  /** One transfer bill with the `user_name` the simulator decrypted (WeChat itself never shows it). */
  app.get('/sim/transfers/:no', async (req) => {
    const t = state.transfers[(req.params as { no: string }).no];
    if (!t) throw new SimError(404, 'TRANSFER_NOT_FOUND', 'no such transfer bill');
    return transferControlView(t);
  });

  /** Every payment's uploaded shipping information (发货信息), each upload as received. */
  app.get('/sim/shipping', async () => Object.values(state.shippingInfo ?? {}));
  app.get('/sim/shipping/:outTradeNo', async (req) => {
    const r = (state.shippingInfo ?? {})[(req.params as { outTradeNo: string }).outTradeNo];
    if (!r) throw new SimError(404, 'SHIPPING_NOT_FOUND', 'no shipping information for this payment');
    return r;
  });

  /**
   * What the user's choice in `wx.requestSubscribeMessage` does inside WeChat: each accepted template
   * allows one more message. Answers with the mini-program's result shape `{[templateId]: 'accept'|'reject'}`.
   */
  app.post('/sim/subscribe/consent', async (req) => {
    const b = body(req);
    const user = typeof b.openid === 'string' ? state.users[b.openid] : undefined;
    if (!user) throw new SimError(404, 'USER_NOT_FOUND', 'no such simulated user');
    const ids = b.templateIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 3 || !ids.every((i) => typeof i === 'string'))
      throw new SimError(
        400,
        'BAD_TEMPLATE_IDS',
        'templateIds: 1 to 3 template ids (WeChat asks at most 3 at once)',
      );
    const accept = b.result !== 'reject';
    if (accept) grantConsent(ctx, user.openid, ids as string[]);
    return Object.fromEntries((ids as string[]).map((id) => [id, accept ? 'accept' : 'reject']));
  });
  app.get('/sim/subscribe/consents/:openid', async (req) =>
    consentsOf(ctx, (req.params as { openid: string }).openid),
  );
}
