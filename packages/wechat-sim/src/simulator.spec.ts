import { createSign, createVerify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { ensureDevCredentials, startSimulator, type DevCredentials, type RunningSimulator } from './index';

let dir: string;
let sim: RunningSimulator;
let creds: DevCredentials;

async function json(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: any; headers: Headers; raw: string }> {
  const res = await fetch(sim.url + path, init);
  const raw = await res.text();
  return { status: res.status, body: raw ? JSON.parse(raw) : undefined, headers: res.headers, raw };
}

function post(path: string, body: unknown) {
  return json(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A merchant request signed here with node:crypto, independent of any client code. */
function v3(method: string, path: string, body?: unknown, opts: { timestamp?: number; key?: string } = {}) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = 'N' + Math.random().toString(36).slice(2, 18);
  const sig = createSign('RSA-SHA256')
    .update(`${method}\n${path}\n${ts}\n${nonce}\n${raw}\n`)
    .sign(opts.key ?? creds.merchantPrivateKeyPem, 'base64');
  return json(path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(raw ? { 'Content-Type': 'application/json' } : {}),
      Authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${creds.mchId}",nonce_str="${nonce}",signature="${sig}",timestamp="${ts}",serial_no="${creds.merchantSerial}"`,
    },
    body: raw || undefined,
  });
}

function verifyResponse(r: { headers: Headers; raw: string }): boolean {
  const msg = `${r.headers.get('wechatpay-timestamp')}\n${r.headers.get('wechatpay-nonce')}\n${r.raw}\n`;
  return createVerify('RSA-SHA256')
    .update(msg)
    .verify(creds.platformPublicKeyPem, r.headers.get('wechatpay-signature')!, 'base64');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wechat-sim-'));
  sim = await startSimulator({ port: 0, dataDir: dir, retryScale: 0.001, refundDelayMs: null });
  creds = ensureDevCredentials(dir);
});

afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('credentials', () => {
  it('are generated once in the documented formats and reused', () => {
    expect(ensureDevCredentials(dir)).toEqual(creds);
    expect(creds.appId).toMatch(/^wx[0-9a-f]{16}$/);
    expect(creds.mchId).toMatch(/^\d{10}$/);
    expect(creds.merchantSerial).toMatch(/^[0-9A-F]{40}$/);
    expect(creds.platformPublicKeyId).toMatch(/^PUB_KEY_ID_/);
    expect(creds.apiV3Key).toMatch(/^[\x21-\x7e]{32}$/);
  });
});

describe('mini-program login', () => {
  it('accepts a code once, then answers 40163; unknown codes 40029; bad appid/secret', async () => {
    const user = (await post('/sim/users', { nickname: '小明' })).body;
    const q = (code: string, appid = creds.appId, secret = creds.appSecret) =>
      json(
        `/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${code}&grant_type=authorization_code`,
      );
    const ok = await q(user.code);
    expect(ok.body).toMatchObject({ openid: user.openid });
    expect(typeof ok.body.session_key).toBe('string');
    expect((await q(user.code)).body).toEqual({ errcode: 40163, errmsg: 'code been used' });
    expect((await q('nope')).body.errcode).toBe(40029);
    expect((await q(user.code, 'wx0000000000000000')).body.errcode).toBe(40013);
    expect((await q(user.code, creds.appId, 'bad')).body.errcode).toBe(40125);
  });

  it('expires codes after 5 minutes of simulator time', async () => {
    const user = (await post('/sim/users', {})).body;
    await post('/sim/clock', { offsetSeconds: 301 });
    const r = await json(
      `/sns/jscode2session?appid=${creds.appId}&secret=${creds.appSecret}&js_code=${user.code}&grant_type=authorization_code`,
    );
    await post('/sim/clock', { offsetSeconds: 0 });
    expect(r.body.errcode).toBe(40029);
  });
});

describe('mini-program codes', () => {
  it('returns a PNG whose QR code holds the page and the URI-encoded scene, and rejects bad scenes', async () => {
    const token = (
      await json(`/cgi-bin/token?grant_type=client_credential&appid=${creds.appId}&secret=${creds.appSecret}`)
    ).body.access_token;
    const res = await fetch(`${sim.url}/wxa/getwxacodeunlimit?access_token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scene: 's=AB12&x=1', page: 'pages/scan/index', check_path: false }),
    });
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr?.data).toBe(`pages/scan/index?scene=${encodeURIComponent('s=AB12&x=1')}`);
    const tooLong = await post(`/wxa/getwxacodeunlimit?access_token=${token}`, {
      scene: 'x'.repeat(33),
      page: 'pages/scan/index',
    });
    expect(tooLong.body.errcode).toBe(40169);
    expect(
      (await post(`/wxa/getwxacodeunlimit?access_token=${token}`, { scene: '', page: 'p' })).body.errcode,
    ).toBe(40169);
    expect((await post(`/wxa/getwxacodeunlimit?access_token=${token}`, { scene: 'a b' })).body.errcode).toBe(
      40169,
    );
    expect((await post(`/wxa/getwxacodeunlimit?access_token=bad`, { scene: 'ab' })).body.errcode).toBe(40001);
  });
});

describe('pay v3 authentication', () => {
  it('signs every answer and rejects a bad signature, a wrong key and a stale timestamp with 401 SIGN_ERROR', async () => {
    const path = `/v3/pay/transactions/out-trade-no/NOPE000001?mchid=${creds.mchId}`;
    const missing = await v3('GET', path);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ORDER_NOT_EXIST');
    expect(missing.headers.get('wechatpay-serial')).toBe(creds.platformPublicKeyId);
    expect(verifyResponse(missing)).toBe(true);
    const wrongKey = await v3('GET', path, undefined, { key: creds.platformPrivateKeyPem });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.code).toBe('SIGN_ERROR');
    expect(verifyResponse(wrongKey)).toBe(true);
    const stale = await v3('GET', path, undefined, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.body.code).toBe('SIGN_ERROR');
    const none = await json(path);
    expect(none.status).toBe(401);
  });

  it('never leaks a stack trace on malformed JSON', async () => {
    const r = await json('/v3/pay/transactions/jsapi', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{bad',
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 'PARAM_ERROR', message: expect.any(String) });
  });
});

describe('state', () => {
  it('survives a restart', async () => {
    const user = (await post('/sim/users', { nickname: '重启' })).body;
    await sim.close();
    sim = await startSimulator({ port: 0, dataDir: dir, retryScale: 0.001, refundDelayMs: null });
    const users = (await json('/sim/users')).body as { openid: string }[];
    expect(users.map((u) => u.openid)).toContain(user.openid);
    const page = await fetch(`${sim.url}/sim/`);
    expect(await page.text()).toContain('重启');
  });
});

describe('fault injection for reliability tests', () => {
  it('holds notifications of one event type until released, then delivers them', async () => {
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body).id);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const notifyUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/notify`;
    try {
      const user = (await post('/sim/users', { nickname: '持有测试' })).body;
      const outTradeNo = `HOLD${Date.now()}`;
      const prepay = await v3('POST', '/v3/pay/transactions/jsapi', {
        appid: creds.appId,
        mchid: creds.mchId,
        description: '测试',
        out_trade_no: outTradeNo,
        notify_url: notifyUrl,
        amount: { total: 100, currency: 'CNY' },
        payer: { openid: user.openid },
      });
      expect(prepay.status).toBe(200);
      expect((await post('/sim/notification-holds', { eventType: 'TRANSACTION.SUCCESS' })).status).toBe(200);
      // What wx.requestPayment carries, signed with the merchant key as the API signs it.
      const [timeStamp, nonceStr, pkg] = [
        String(Math.floor(Date.now() / 1000)),
        'n0nce',
        `prepay_id=${prepay.body.prepay_id}`,
      ];
      const paySign = createSign('RSA-SHA256')
        .update(`${creds.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`)
        .sign(creds.merchantPrivateKeyPem, 'base64');
      const paid = await post('/sim/pay/confirm', {
        appId: creds.appId,
        timeStamp,
        nonceStr,
        package: pkg,
        signType: 'RSA',
        paySign,
        openid: user.openid,
      });
      expect(paid.status).toBe(200);
      const id = paid.body.notificationId;
      await new Promise((r) => setTimeout(r, 300));
      const held = (await json(`/sim/notifications/${id}`)).body;
      expect([held.status, held.attempts.length, received]).toEqual(['HELD', 0, []]);
      expect((await post(`/sim/notifications/${id}/release`, {})).status).toBe(200);
      for (let i = 0; i < 50 && !received.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(received).toEqual([id]);
      expect((await json(`/sim/notifications/${id}`)).body.status).toBe('DELIVERED');
      expect((await post(`/sim/notifications/${id}/release`, {})).status).toBe(409);
    } finally {
      receiver.close();
    }
  });

  it('delays an answer: as an error, or only slow and then taking effect', async () => {
    const path = '/v3/pay/transactions/out-trade-no/NOSUCHORDER';
    await post('/sim/faults', { path, count: 1, delayMs: 300, status: 500, code: 'SYSTEM_ERROR' });
    await post('/sim/faults', { path, count: 1, delayMs: 300, delayOnly: true });
    expect((await json('/sim/faults')).body).toHaveLength(2);
    for (const expected of ['SYSTEM_ERROR', 'ORDER_NOT_EXIST']) {
      const t0 = Date.now();
      const r = await v3('GET', `${path}?mchid=${creds.mchId}`);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
      expect(r.body.code).toBe(expected);
    }
    expect((await json('/sim/faults')).body).toEqual([]);
  });
});
