import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevCredentials, startSimulator, type DevCredentials, type RunningSimulator } from './index';
import { withQuery } from './web-flows';

let dir: string;
let sim: RunningSimulator;
let creds: DevCredentials;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wechat-sim-web-'));
  sim = await startSimulator({ port: 0, dataDir: dir, retryScale: 0.001, refundDelayMs: null });
  creds = ensureDevCredentials(dir);
});

afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const back = 'http://127.0.0.1:9/h5/#/pages/scan/index?scene=ABC';

describe('web authorisation by redirect', () => {
  it('puts the code before the hash route, as WeChat does', () => {
    expect(withQuery(back, { code: 'c1', state: '' })).toBe(
      'http://127.0.0.1:9/h5/?code=c1&state=#/pages/scan/index?scene=ABC',
    );
    expect(withQuery('http://h/x?a=1', { code: 'c' })).toBe('http://h/x?a=1&code=c');
  });

  it('lists users, makes a new one and redirects back with a code jscode2session accepts once', async () => {
    const pageRes = await fetch(`${sim.url}/sim/oauth/authorize?redirect_uri=${encodeURIComponent(back)}`);
    expect(await pageRes.text()).toContain('以新微信用户继续');

    const res = await fetch(`${sim.url}/sim/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ redirect_uri: back, state: 's1', new: '1' }).toString(),
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.hash).toBe('#/pages/scan/index?scene=ABC');
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code')!;
    const cookie = res.headers.get('set-cookie')!;
    const openid = /sim_openid=([^;]+)/.exec(cookie)![1];

    const session = (url: string) =>
      fetch(url).then((r) => r.json() as Promise<{ openid?: string; errcode?: number }>);
    const q = `appid=${creds.appId}&secret=${creds.appSecret}&grant_type=authorization_code&js_code=${code}`;
    expect((await session(`${sim.url}/sns/jscode2session?${q}`)).openid).toBe(openid);
    expect((await session(`${sim.url}/sns/jscode2session?${q}`)).errcode).toBe(40163);

    // The same browser chooses that user again: the page marks it.
    const again = await fetch(`${sim.url}/sim/oauth/authorize?redirect_uri=${encodeURIComponent(back)}`, {
      headers: { cookie: `sim_openid=${openid}` },
    });
    expect(await again.text()).toMatch(new RegExp(`data-openid="${openid}"><span>[^<]+ ✓`));
  });

  it('refuses a redirect that is not http(s) and a cashier for an unknown prepay_id', async () => {
    const bad = await fetch(`${sim.url}/sim/oauth/authorize?redirect_uri=javascript:alert(1)`);
    expect(bad.status).toBe(400);
    const cashier = await fetch(
      `${sim.url}/sim/pay/cashier?package=prepay_id%3Dnope&redirect_uri=${encodeURIComponent(back)}`,
    );
    expect(cashier.status).toBe(404);
  });
});
