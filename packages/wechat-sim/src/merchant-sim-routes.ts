import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimContext } from './context';
import { SimError } from './errors';
import { transferControlView } from './pay-transfers';

function body(req: FastifyRequest): Record<string, unknown> {
  return (req.body ?? {}) as Record<string, unknown>;
}

/** Control routes for the merchant duties: real names of transfers. */
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
}
