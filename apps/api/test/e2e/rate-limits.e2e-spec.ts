import { DataSource } from 'typeorm';
import { adminToken, userToken } from '../factories/auth.factory';
import { bootTestApp, type TestApp } from '../app';

/**
 * Issue 19 point 16: login, refresh, uploads, share-link opens and anonymous routes are
 * limited; the answer past the limit is 429 TOO_MANY_REQUESTS in the error shape with
 * Retry-After. Each limit is set low here through the same config a deployment uses.
 */
const LOW = {
  RATE_LIMIT_LOGIN: '2/60',
  RATE_LIMIT_REFRESH: '2/60',
  RATE_LIMIT_UPLOAD: '2/60',
  RATE_LIMIT_SHARE_OPEN: '2/60',
  RATE_LIMIT_ANONYMOUS: '5/60',
};

async function expectLimited(
  send: () => Promise<{ status: number; body: any; headers: any }>,
  allowed: number,
) {
  for (let i = 0; i < allowed; i++) expect((await send()).status).not.toBe(429);
  const res = await send();
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    code: 'TOO_MANY_REQUESTS',
    message: expect.any(String),
    details: { retryAfterSeconds: expect.any(Number), limit: allowed },
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  return res;
}

describe.each(['memory', 'postgres'])('rate limits (%s store)', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ ...LOW, RATE_LIMIT_STORE: store });
  });
  afterAll(() => t?.close());

  it('admin login, per IP', async () => {
    await expectLimited(
      () =>
        t.http
          .post('/api/admin/auth/login')
          .set('x-forwarded-for', '10.0.0.1')
          .send({ username: 'a', password: 'b' }),
      2,
    );
    // Another address has its own allowance.
    const other = await t.http
      .post('/api/admin/auth/login')
      .set('x-forwarded-for', '10.0.0.2')
      .send({ username: 'a', password: 'b' });
    expect(other.status).not.toBe(429);
  });

  it('WeChat login, per IP', async () => {
    await expectLimited(
      () => t.http.post('/api/app/auth/wechat-login').set('x-forwarded-for', '10.0.1.1').send({ code: 'x' }),
      2,
    );
  });

  it('token refresh (app and admin), per IP', async () => {
    for (const [url, ip] of [
      ['/api/app/auth/refresh', '10.0.2.1'],
      ['/api/admin/auth/refresh', '10.0.2.2'],
    ]) {
      await expectLimited(() => t.http.post(url).set('x-forwarded-for', ip).send({ refreshToken: 'a.b' }), 2);
    }
  });

  it('buyer and admin uploads, per user', async () => {
    const buyer = await userToken(t);
    await expectLimited(
      () =>
        t.http
          .post('/api/app/uploads')
          .set('authorization', `Bearer ${buyer}`)
          .set('content-type', 'multipart/form-data; boundary=x')
          .send('--x--'),
      2,
    );
    // Another buyer is not held back by the first one.
    const other = await t.http
      .post('/api/app/uploads')
      .set('authorization', `Bearer ${await userToken(t)}`)
      .set('content-type', 'multipart/form-data; boundary=x')
      .send('--x--');
    expect(other.status).not.toBe(429);
    const admin = await adminToken(t, ['admin']);
    await expectLimited(
      () =>
        t.http
          .post('/api/admin/uploads')
          .set('authorization', `Bearer ${admin}`)
          .set('content-type', 'multipart/form-data; boundary=x')
          .send('--x--'),
      2,
    );
  });

  it('share-link opens, per user', async () => {
    const opener = await userToken(t);
    await expectLimited(
      () => t.http.get('/api/app/r/NOSUCHCODE').set('authorization', `Bearer ${opener}`),
      2,
    );
  });

  it('anonymous routes, per IP; health is never limited', async () => {
    await expectLimited(() => t.http.get('/api/app/categories').set('x-forwarded-for', '10.0.3.1'), 5);
    await expectLimited(() => t.http.get('/api/app/products').set('x-forwarded-for', '10.0.4.1'), 5);
    for (let i = 0; i < 8; i++)
      await t.http.get('/api/health').set('x-forwarded-for', '10.0.3.1').expect(200);
    // A made-up token does not escape the anonymous limit; a real session is not anonymous.
    await expectLimited(
      () =>
        t.http
          .get('/api/app/categories')
          .set('x-forwarded-for', '10.0.5.1')
          .set('authorization', 'Bearer forged'),
      5,
    );
    const user = await userToken(t);
    for (let i = 0; i < 8; i++)
      await t.http
        .get('/api/app/categories')
        .set('x-forwarded-for', '10.0.5.1')
        .set('authorization', `Bearer ${user}`)
        .expect(200);
  });

  if (store === 'postgres') {
    it('keeps the counters in PostgreSQL, where every replica sees them', async () => {
      const rows: { key: string; hits: number }[] = await t.app
        .get(DataSource)
        .query(`SELECT key, hits FROM rate_limit_counter WHERE key = 'login:ip:10.0.0.1'`);
      expect(rows).toEqual([{ key: 'login:ip:10.0.0.1', hits: 3 }]);
    });
  }
});
