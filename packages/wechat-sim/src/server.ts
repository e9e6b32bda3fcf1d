import { join } from 'node:path';
import Fastify from 'fastify';
import type { SimContext } from './context';
import { ensureDevCredentials } from './credentials';
import { installErrorHandlers } from './errors';
import { registerMerchantSimRoutes } from './merchant-sim-routes';
import { registerMiniRoutes } from './mini-routes';
import { registerShippingRoutes } from './mini-shipping';
import { Notifier } from './notifier';
import { installBodyParsers, installFaults, installPayAuth } from './pay-auth';
import { registerBillRoutes } from './pay-bills';
import { completeRefund, registerRefundRoutes } from './pay-refunds';
import { registerTransactionRoutes } from './pay-transactions';
import { registerTransferRoutes } from './pay-transfers';
import { registerSimRoutes } from './sim-routes';
import { registerWebFlows } from './web-flows';
import { StateStore } from './state';

export interface SimulatorOptions {
  /** Default 3100; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where state.json lives. */
  dataDir: string;
  /** Where credentials.json lives (see ensureDevCredentials); default: dataDir. */
  credentialsDir?: string;
  /** Multiplies WeChat's notification retry schedule; 1 = real time, 0.001 in tests. */
  retryScale?: number;
  /** A notify_url answer slower than this is a failure; default 5000 (WeChat's). */
  notifyTimeoutMs?: number;
  /** Delay before a refund moves PROCESSING → SUCCESS by itself; default 1000; null = manual only. */
  refundDelayMs?: number | null;
  /** Log requests (pino) — off by default. */
  logger?: boolean;
}

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const store = new StateStore(opts.dataDir);
  const creds = ensureDevCredentials(opts.credentialsDir ?? opts.dataDir);
  const notifier = new Notifier(store, creds, {
    retryScale: opts.retryScale ?? 1,
    timeoutMs: opts.notifyTimeoutMs ?? 5000,
  });
  let url = '';
  const ctx: SimContext = {
    store,
    creds,
    notifier,
    baseUrl: () => url,
    refundDelayMs: opts.refundDelayMs === undefined ? 1000 : opts.refundDelayMs,
    closed: false,
  };
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  installBodyParsers(app);
  installErrorHandlers(app);
  installPayAuth(app, ctx);
  installFaults(app, ctx);
  registerMiniRoutes(app, ctx);
  registerShippingRoutes(app, ctx);
  registerTransactionRoutes(app, ctx);
  registerRefundRoutes(app, ctx);
  registerTransferRoutes(app, ctx);
  registerBillRoutes(app, ctx);
  registerSimRoutes(app, ctx);
  registerMerchantSimRoutes(app, ctx);
  registerWebFlows(app, ctx);

  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port ?? 3100, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  notifier.resume();
  // Refunds left PROCESSING by a previous run finish now.
  if (ctx.refundDelayMs !== null) {
    for (const r of Object.values(store.state.refunds)) if (r.status === 'PROCESSING') completeRefund(ctx, r);
  }
  return {
    url,
    close: async () => {
      ctx.closed = true;
      await notifier.close();
      await app.close();
      store.flush();
    },
  };
}

export function defaultDataDir(repoRoot: string): string {
  return join(repoRoot, '.data', 'wechat-sim');
}
