import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import { Clock, DAY_MS } from '../../src/common/clock';
import { RequestContext } from '../../src/common/request-context';
import { StoreLockScanListener } from '../../src/modules/referral/store-lock.scan-listener';
import { StoreLockService } from '../../src/modules/referral/store-lock.service';
import type { Settings } from '../../src/modules/settings/settings.defaults';
import { SettingsService } from '../../src/modules/settings/settings.service';
import { adminToken } from '../factories/auth.factory';
import { newProduct } from '../factories/catalog.factory';
import { bearer, loginNewUser, type LoggedInUser } from '../factories/identity.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

const productImage = (() => {
  const c = createCanvas(200, 200);
  const g = c.getContext('2d');
  g.fillStyle = '#c33';
  g.fillRect(0, 0, 200, 200);
  return c.toBuffer('image/png');
})();

describe('referral e2e: store lock, referrer binding, resellers, posters', () => {
  let t: TestAppWithSim;
  let admin: string;
  const sys = () => RequestContext.system('test');
  const settings = (patch: Partial<Settings>) => t.app.get(SettingsService).update(sys(), patch);
  const clock = () => t.app.get(Clock);

  beforeAll(async () => {
    t = await bootTestAppWithSim();
    admin = await adminToken(t, ['operator']);
  });
  afterEach(async () => {
    clock().reset();
    await settings({
      storeLockPolicy: 'first',
      referralBindPolicy: 'first',
      referralBindDays: 30,
      resellerMode: 'approval',
    });
  });
  afterAll(() => t.close());

  async function reseller(nickname: string): Promise<LoggedInUser> {
    const u = await loginNewUser(t, nickname);
    await settings({ resellerMode: 'everyone' });
    const r = await t.http.post('/api/app/reseller/apply').set(bearer(u.token)).expect(201);
    expect(r.body.status).toBe('approved');
    await settings({ resellerMode: 'approval' });
    return u;
  }
  async function shareCode(r: LoggedInUser, productId?: string): Promise<string> {
    const res = await t.http
      .post('/api/app/share-links')
      .set(bearer(r.token))
      .send({ productId })
      .expect(201);
    return res.body.shareCode;
  }
  const open = (u: LoggedInUser, code: string, via?: string) =>
    t.http.get(`/api/app/r/${code}${via ? `?via=${via}` : ''}`).set(bearer(u.token));
  const history = async (u: LoggedInUser) =>
    (await t.http.get(`/api/admin/customers/${u.id}/binding-events`).set(bearer(admin)).expect(200)).body
      .items;

  describe('store lock', () => {
    const storeA = randomUUID();
    const storeB = randomUUID();
    const lock = (u: LoggedInUser, store: string) =>
      t.app
        .get(StoreLockScanListener)
        .onScan(sys(), { userId: u.id, storeId: store, scanCodeId: randomUUID(), code: 'SC1' });
    const current = async (u: LoggedInUser) =>
      (await t.http.get(`/api/admin/customers/${u.id}`).set(bearer(admin)).expect(200)).body.storeId;

    it('first scan locks; another store does not move it under first, does under latest', async () => {
      const u = await loginNewUser(t);
      await lock(u, storeA);
      expect(await current(u)).toBe(storeA);
      await lock(u, storeB);
      expect(await current(u)).toBe(storeA);
      await settings({ storeLockPolicy: 'latest' });
      await lock(u, storeB);
      expect(await current(u)).toBe(storeB);
      const events = await history(u);
      expect(events.map((e: any) => [e.kind, e.source, e.beforeId, e.afterId, e.ref])).toEqual([
        ['store', 'scan_code', storeA, storeB, 'SC1'],
        ['store', 'scan_code', null, storeA, 'SC1'],
      ]);
      const list = await t.http.get(`/api/admin/customers?storeId=${storeB}`).set(bearer(admin)).expect(200);
      expect(list.body.items.map((c: any) => c.userId)).toEqual([u.id]);
    });

    it('renews by re-scan of the same store and expires after storeLockDays', async () => {
      const u = await loginNewUser(t);
      await lock(u, storeA);
      clock().advance(300 * DAY_MS);
      await lock(u, storeA); // renewal: another 365 days from now
      clock().advance(300 * DAY_MS);
      expect(await current(u)).toBe(storeA);
      clock().advance(70 * DAY_MS);
      expect(await current(u)).toBeNull();
      const r = await t.app.get(StoreLockService).lockOnScan(sys(), u.id, storeB);
      expect(r.decision).toBe('lock');
      expect(await current(u)).toBe(storeB);
      expect((await history(u)).length).toBe(2); // the renewal is not a change of store
    });

    it('an operator moves and releases a lock with a reason, logged and audited', async () => {
      const u = await loginNewUser(t);
      await lock(u, storeA);
      const noReason = await t.http
        .put(`/api/admin/customers/${u.id}/store-lock`)
        .set(bearer(admin))
        .send({ storeId: storeB });
      expect(noReason.status).toBe(400);
      await t.http
        .put(`/api/admin/customers/${u.id}/store-lock`)
        .set(bearer(admin))
        .send({ storeId: storeB, reason: '顾客要求转店' })
        .expect(200);
      expect(await current(u)).toBe(storeB);
      await t.http
        .post(`/api/admin/customers/${u.id}/store-lock/release`)
        .set(bearer(admin))
        .send({ reason: '门店关闭' })
        .expect(200);
      expect(await current(u)).toBeNull();
      const events = await history(u);
      expect(events[0]).toMatchObject({
        source: 'admin',
        beforeId: storeB,
        afterId: null,
        reason: '门店关闭',
      });
      expect(events[1]).toMatchObject({
        source: 'admin',
        beforeId: storeA,
        afterId: storeB,
        reason: '顾客要求转店',
      });
      const audit = await t.http
        .get(`/api/admin/audit-logs?entityType=customer&entityId=${u.id}`)
        .set(bearer(await adminToken(t, ['admin'])))
        .expect(200);
      expect(audit.body.items.map((e: any) => e.action)).toEqual(['store_lock.release', 'store_lock.move']);
      await t.http
        .put(`/api/admin/customers/${u.id}/store-lock`)
        .set(bearer(await adminToken(t, ['finance'])))
        .send({ storeId: storeB, reason: 'x y' })
        .expect(403);
    });
  });

  describe('referrer binding', () => {
    it('binds once per policy first (ten opens bind once and log once), never self', async () => {
      const r1 = await reseller('推广员甲');
      const r2 = await reseller('推广员乙');
      const c = await loginNewUser(t);
      const [a, b] = [await shareCode(r1), await shareCode(r2)];
      expect(await shareCode(r1)).toBe(a);
      const first = await open(c, a).expect(200);
      expect(first.body).toMatchObject({ outcome: 'bind', resellerId: r1.id, resellerNickname: '推广员甲' });
      for (let i = 0; i < 9; i++) expect((await open(c, a).expect(200)).body.outcome).toBe('unchanged');
      expect((await open(c, b).expect(200)).body).toMatchObject({
        outcome: 'keep',
        referrer: { referrerId: r1.id },
      });
      expect(await history(c)).toHaveLength(1);
      expect((await open(r1, a).expect(200)).body.outcome).toBe('self');
      expect((await open(c, 'NOPE123').expect(404)).body.code).toBe('REFERRAL_SHARE_CODE_NOT_FOUND');
    });

    it('moves under latest; poster opens are logged as poster', async () => {
      await settings({ referralBindPolicy: 'latest' });
      const [r1, r2, c] = [await reseller('A'), await reseller('B'), await loginNewUser(t)];
      await open(c, await shareCode(r1)).expect(200);
      const moved = await open(c, await shareCode(r2), 'poster').expect(200);
      expect(moved.body.outcome).toBe('move');
      const events = await history(c);
      expect(events[0]).toMatchObject({
        kind: 'referrer',
        source: 'poster',
        beforeId: r1.id,
        afterId: r2.id,
      });
    });

    it('expires after referralBindDays; newUsersOnly binds only customers never referred', async () => {
      const [r1, r2, c, fresh] = [
        await reseller('A'),
        await reseller('B'),
        await loginNewUser(t),
        await loginNewUser(t),
      ];
      await open(c, await shareCode(r1)).expect(200);
      clock().advance(31 * DAY_MS);
      await settings({ referralBindPolicy: 'newUsersOnly' });
      expect((await open(c, await shareCode(r2)).expect(200)).body.outcome).toBe('not_new');
      expect((await open(fresh, await shareCode(r2)).expect(200)).body.outcome).toBe('bind');
      await settings({ referralBindPolicy: 'first' });
      expect((await open(c, await shareCode(r2)).expect(200)).body.outcome).toBe('bind');
      await settings({ referralBindDays: 0 });
      const forever = await loginNewUser(t);
      expect((await open(forever, await shareCode(r1)).expect(200)).body.referrer.expiresAt).toBeNull();
    });

    it('never creates a cycle', async () => {
      const [a, b] = [await reseller('A'), await reseller('B')];
      await open(b, await shareCode(a)).expect(200); // b → a
      const res = await open(a, await shareCode(b)).expect(200); // a → b would close the loop
      expect(res.body.outcome).toBe('cycle');
      expect(res.body.referrer.referrerId).toBeNull();
      const byHand = await t.http
        .put(`/api/admin/customers/${a.id}/referrer`)
        .set(bearer(admin))
        .send({ resellerId: b.id, reason: '人工绑定' })
        .expect(409);
      expect(byHand.body.code).toBe('REFERRAL_CYCLE');
    });

    it('20 parallel opens of two links bind exactly one', async () => {
      const [r1, r2, c] = [await reseller('A'), await reseller('B'), await loginNewUser(t)];
      const [a, b] = [await shareCode(r1), await shareCode(r2)];
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => open(c, i % 2 ? a : b)));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const bound = results.filter((r) => r.body.outcome === 'bind');
      expect(bound).toHaveLength(1);
      const events = await history(c);
      expect(events).toHaveLength(1);
      expect(events[0].afterId).toBe(bound[0].body.resellerId);
    });
  });

  describe('resellers', () => {
    it('apply → approve under approval; the upline is who referred them; share links need approval', async () => {
      const r1 = await reseller('上级');
      const u = await loginNewUser(t, '新人');
      await t.http.post('/api/app/share-links').set(bearer(u.token)).send({}).expect(403);
      await open(u, await shareCode(r1)).expect(200);
      const applied = await t.http.post('/api/app/reseller/apply').set(bearer(u.token)).expect(201);
      expect(applied.body.status).toBe('pending');
      const pending = await t.http.get('/api/admin/resellers?status=pending').set(bearer(admin)).expect(200);
      expect(pending.body.items.map((r: any) => r.userId)).toContain(u.id);
      const approved = await t.http
        .post(`/api/admin/resellers/${u.id}/approve`)
        .set(bearer(admin))
        .expect(200);
      // Resellers, customers and teams come with names, not only ids.
      expect(approved.body).toMatchObject({
        status: 'approved',
        uplineId: r1.id,
        nickname: '新人',
        uplineNickname: '上级',
      });
      expect(pending.body.items.find((r: any) => r.userId === u.id).nickname).toBe('新人');
      await t.http.post(`/api/admin/resellers/${u.id}/approve`).set(bearer(admin)).expect(409);
      await shareCode(u);
      const mine = await t.http.get('/api/app/reseller/customers').set(bearer(r1.token)).expect(200);
      expect(mine.body.items).toMatchObject([{ userId: u.id, nickname: '新人', referrerNickname: '上级' }]);
      const refreshed = await t.http.get('/api/app/me').set(bearer(u.token)).expect(200);
      expect(refreshed.body.roles).toEqual(['consumer', 'reseller']);
    });

    it('reject with a reason; invited mode needs a reseller referrer', async () => {
      const u = await loginNewUser(t);
      await t.http.post('/api/app/reseller/apply').set(bearer(u.token)).expect(201);
      const rejected = await t.http
        .post(`/api/admin/resellers/${u.id}/reject`)
        .set(bearer(admin))
        .send({ reason: '资料不全' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '资料不全' });
      await settings({ resellerMode: 'invited' });
      const refused = await t.http.post('/api/app/reseller/apply').set(bearer(u.token)).expect(403);
      expect(refused.body.code).toBe('REFERRAL_INVITATION_REQUIRED');
      const r1 = await reseller('邀请人');
      await settings({ resellerMode: 'invited' });
      await open(u, await shareCode(r1)).expect(200);
      const ok = await t.http.post('/api/app/reseller/apply').set(bearer(u.token)).expect(201);
      expect(ok.body).toMatchObject({ status: 'approved', uplineId: r1.id });
      // r1's team now holds u; u's own team is empty (two levels only); consumers have no team.
      const team = await t.http.get('/api/app/reseller/team').set(bearer(r1.token)).expect(200);
      expect(team.body).toMatchObject({ total: 1, items: [{ userId: u.id, customers: 0 }] });
      expect(team.body.items[0].nickname).toBe('tester');
      expect((await t.http.get('/api/app/reseller/team').set(bearer(u.token)).expect(200)).body.total).toBe(
        0,
      );
      const consumer = await loginNewUser(t);
      expect(
        (await t.http.get('/api/app/reseller/team').set(bearer(consumer.token)).expect(403)).body.code,
      ).toBe('REFERRAL_NOT_RESELLER');
    });
  });

  describe('posters', () => {
    it('renders a PNG whose mini-program code carries the share code as scene', async () => {
      const r = await reseller('海报哥');
      // A real catalog product whose image is an upload: the poster reads it through the catalog.
      const upload = await t.http
        .post('/api/admin/uploads')
        .set('authorization', `Bearer ${await adminToken(t, ['operator'])}`)
        .attach('file', productImage, { filename: 'p.png', contentType: 'image/png' })
        .expect(201);
      const product = await newProduct(t, { title: '飞天茅台 53度 500ml', images: [upload.body.url] });
      const code = await shareCode(r, product.id);
      const res = await t.http
        .get(`/api/app/share-links/${code}/poster`)
        .set(bearer(r.token))
        .buffer(true)
        .parse((response, cb) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      const png = PNG.sync.read(res.body as Buffer);
      expect([png.width, png.height]).toEqual([750, 1200]);
      const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(qr?.data).toBe(`pages/share/index?scene=${code}`);
      // The product image fills the top: a red pixel.
      const i = (100 * png.width + 100) * 4;
      expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([0xcc, 0x33, 0x33]);
      const other = await reseller('别人');
      await t.http.get(`/api/app/share-links/${code}/poster`).set(bearer(other.token)).expect(404);
    });
  });
});
