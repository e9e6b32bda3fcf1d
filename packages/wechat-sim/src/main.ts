#!/usr/bin/env node
import { resolve } from 'node:path';
import { startSimulator } from './server';

/**
 * CLI: PORT or WECHAT_SIM_PORT (3100), WECHAT_SIM_HOST (127.0.0.1), WECHAT_SIM_DATA_DIR (<repo>/.data/wechat-sim),
 * WECHAT_SIM_RETRY_SCALE (1), WECHAT_SIM_REFUND_DELAY_MS (1000, or `manual`).
 */
/** A first start gets one test WeChat user, so the console has someone to log in as. */
async function ensureDemoUser(url: string): Promise<void> {
  const users = (await (await fetch(`${url}/sim/users`)).json()) as unknown[];
  if (Array.isArray(users) && users.length > 0) return;
  await fetch(`${url}/sim/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname: '演示顾客', phoneNumber: '13800138000' }),
  });
}

async function main(): Promise<void> {
  const port = Number(process.env.WECHAT_SIM_PORT ?? process.env.PORT ?? 3100);
  const dataDir = resolve(process.env.WECHAT_SIM_DATA_DIR ?? resolve(__dirname, '../../../.data/wechat-sim'));
  const retryScale = process.env.WECHAT_SIM_RETRY_SCALE ? Number(process.env.WECHAT_SIM_RETRY_SCALE) : 1;
  const refundDelay = process.env.WECHAT_SIM_REFUND_DELAY_MS;
  const sim = await startSimulator({
    port,
    host: process.env.WECHAT_SIM_HOST ?? '127.0.0.1',
    dataDir,
    retryScale,
    // 'manual': refunds stay PROCESSING until /sim/refunds/{no}/complete.
    refundDelayMs: refundDelay === 'manual' ? null : refundDelay ? Number(refundDelay) : undefined,
  });
  await ensureDemoUser(sim.url);
  console.log(`WeChat simulator on ${sim.url} (console ${sim.url}/sim/), data in ${dataDir}`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('WeChat simulator failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
