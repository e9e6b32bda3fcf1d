import type { Type } from '@nestjs/common';
import { startSimulator } from '@cloudshelf/wechat-sim';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootTestApp, type TestApp } from './app';
import { freePort } from './pg-server';
import { WECHAT_CONFIG } from '../src/wechat/wechat.module';
import { WechatPayClient } from '../src/wechat/wechat-pay.client';
import type { WechatConfig } from '../src/wechat/wechat.config';

export interface SimControl {
  url: string;
  /** JSON call to the simulator's /sim/* control surface. */
  control<T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /**
   * The buyer taps 支付 in WeChat's payment sheet: posts the `wx.requestPayment`
   * parameters the API signs for this prepay id (exactly what the pay endpoint returns
   * to the mini-program) and the payer's openid to `/sim/pay/confirm`.
   */
  pay<T = any>(prepayId: string | null, openid: string, opts?: { fail?: boolean }): Promise<T>;
}

export interface TestAppWithSim extends TestApp {
  sim: SimControl;
}

/**
 * The real application wired to a WeChat simulator of its own: both share the
 * development keys in `<base>/wechat-sim`, exactly as `pnpm start` runs them.
 */
export async function bootTestAppWithSim(
  env: Record<string, string> = {},
  extraModules: Type<unknown>[] = [],
  opts: { listen?: boolean } = {},
): Promise<TestAppWithSim> {
  const base = mkdtempSync(join(tmpdir(), 'cloudshelf-app-sim-'));
  const sim = await startSimulator({
    port: 0,
    dataDir: join(base, 'wechat-sim'),
    retryScale: 0.001,
    notifyTimeoutMs: 2000,
    refundDelayMs: null,
  });
  // Listening on a real port lets the simulator deliver notifications to PUBLIC_BASE_URL.
  const port = opts.listen ? await freePort() : 0;
  const publicUrl: Record<string, string> = opts.listen
    ? { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` }
    : {};
  const t = await bootTestApp(
    { DATA_DIR: base, WECHAT_SIM_URL: sim.url, ...publicUrl, ...env },
    extraModules,
  );
  if (opts.listen) await t.app.listen({ port, host: '127.0.0.1' });
  const control: SimControl['control'] = async (method, path, body) => {
    const res = await fetch(sim.url + path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sim ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    ...t,
    sim: {
      url: sim.url,
      control,
      pay: (prepayId, openid, opts = {}) =>
        control('POST', '/sim/pay/confirm', {
          appId: t.app.get<WechatConfig>(WECHAT_CONFIG).appId,
          ...t.app.get(WechatPayClient).requestPaymentParams(prepayId ?? 'missing-prepay-id'),
          openid,
          ...(opts.fail ? { fail: true } : {}),
        }),
    },
    close: async () => {
      await t.close();
      await sim.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
