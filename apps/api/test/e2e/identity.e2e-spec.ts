import { ADMIN_ROLES, rolesAllow, type Permission } from '../../src/common/auth/permissions';
import { adminToken, userToken } from '../factories/auth.factory';
import { ADMIN_PASSWORD, bearer, loginAdmin, loginNewUser } from '../factories/identity.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

describe('identity e2e: WeChat login, sessions, admin login, RBAC, audit', () => {
  let t: TestAppWithSim;
  beforeAll(async () => {
    t = await bootTestAppWithSim({ ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD, ADMIN_MAX_FAILED_LOGINS: '3' });
  });
  afterAll(() => t.close());

  describe('mini-program login', () => {
    it('creates a user on first login and finds the same user on the next', async () => {
      const { openid, code } = await t.sim.control('POST', '/sim/users', { nickname: '小王' });
      const first = await t.http.post('/api/app/auth/wechat-login').send({ code }).expect(200);
      expect(first.body).toMatchObject({ isNew: true, userId: expect.any(String) });
      expect(JSON.stringify(first.body)).not.toMatch(/session_?key/i);
      const me = await t.http.get('/api/app/me').set(bearer(first.body.accessToken)).expect(200);
      expect(me.body).toMatchObject({ id: first.body.userId, roles: ['consumer'], phone: null });

      const { code: again } = await t.sim.control('POST', '/sim/login-code', { openid });
      const second = await t.http.post('/api/app/auth/wechat-login').send({ code: again }).expect(200);
      expect(second.body).toMatchObject({ isNew: false, userId: first.body.userId });
    });

    it('answers a bad code and a used code with stable codes', async () => {
      const bad = await t.http.post('/api/app/auth/wechat-login').send({ code: 'nonsense' }).expect(400);
      expect(bad.body.code).toBe('AUTH_LOGIN_CODE_INVALID');
      const { code } = await t.sim.control('POST', '/sim/users', {});
      await t.http.post('/api/app/auth/wechat-login').send({ code }).expect(200);
      const used = await t.http.post('/api/app/auth/wechat-login').send({ code }).expect(400);
      expect(used.body.code).toBe('AUTH_LOGIN_CODE_USED');
      await t.http.post('/api/app/auth/wechat-login').send({}).expect(400);
    });

    it('authorises the phone number and updates the profile', async () => {
      const u = await loginNewUser(t, '小李');
      const { code } = await t.sim.control('POST', '/sim/phone-code', { openid: u.openid });
      const res = await t.http.post('/api/app/me/phone').set(bearer(u.token)).send({ code }).expect(200);
      expect(res.body.phone).toMatch(/^1\d{10}$/);
      expect(res.body.nickname).toBe('小李');
      const bad = await t.http.post('/api/app/me/phone').set(bearer(u.token)).send({ code }).expect(400);
      expect(bad.body.code).toBe('AUTH_PHONE_CODE_INVALID');
    });

    it('rotates refresh tokens, detects reuse, and logout ends the session', async () => {
      const u = await loginNewUser(t);
      const r1 = await t.http
        .post('/api/app/auth/refresh')
        .send({ refreshToken: u.refreshToken })
        .expect(200);
      await t.http.get('/api/app/me').set(bearer(r1.body.accessToken)).expect(200);
      // The first refresh token was rotated away: presenting it again revokes the session.
      const reuse = await t.http
        .post('/api/app/auth/refresh')
        .send({ refreshToken: u.refreshToken })
        .expect(401);
      expect(reuse.body.code).toBe('AUTH_REFRESH_INVALID');
      await t.http.get('/api/app/me').set(bearer(r1.body.accessToken)).expect(401);
      await t.http.post('/api/app/auth/refresh').send({ refreshToken: r1.body.refreshToken }).expect(401);

      const v = await loginNewUser(t);
      await t.http.post('/api/app/auth/logout').set(bearer(v.token)).expect(200);
      await t.http.get('/api/app/me').set(bearer(v.token)).expect(401);
      await t.http.post('/api/app/auth/refresh').send({ refreshToken: v.refreshToken }).expect(401);
    });

    it('never lets a consumer token reach an admin route', async () => {
      const u = await loginNewUser(t);
      const res = await t.http.get('/api/admin/settings').set(bearer(u.token)).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('admin login', () => {
    it('made the first admin at boot with ADMIN_INITIAL_PASSWORD', async () => {
      const token = await loginAdmin(t);
      const me = await t.http.get('/api/admin/auth/me').set(bearer(token)).expect(200);
      expect(me.body).toMatchObject({ username: 'admin', roles: ['admin'], disabled: false });
    });

    it('locks an account after repeated failures, with a stable code, even for the right password', async () => {
      const admin = await loginAdmin(t);
      await t.http
        .post('/api/admin/admin-users')
        .set(bearer(admin))
        .send({ username: 'locky', password: 'right-password', roles: ['operator'] })
        .expect(201);
      for (let i = 0; i < 2; i++) {
        const r = await t.http
          .post('/api/admin/auth/login')
          .send({ username: 'locky', password: 'nope' })
          .expect(401);
        expect(r.body.code).toBe('ADMIN_INVALID_CREDENTIALS');
      }
      const third = await t.http.post('/api/admin/auth/login').send({ username: 'locky', password: 'nope' });
      expect(third.status).toBe(423);
      expect(third.body.code).toBe('ADMIN_ACCOUNT_LOCKED');
      const right = await t.http
        .post('/api/admin/auth/login')
        .send({ username: 'locky', password: 'right-password' })
        .expect(423);
      expect(right.body.details.retryAfterSeconds).toBeGreaterThan(0);
      const unknown = await t.http
        .post('/api/admin/auth/login')
        .send({ username: 'ghost', password: 'x' })
        .expect(401);
      expect(unknown.body.code).toBe('ADMIN_INVALID_CREDENTIALS');
    });

    it('admin users CRUD is audited; a role change ends the account’s sessions', async () => {
      const admin = await loginAdmin(t);
      const created = await t.http
        .post('/api/admin/admin-users')
        .set(bearer(admin))
        .send({ username: 'fin1', password: 'finance-pass', roles: ['finance'] })
        .expect(201);
      const dup = await t.http
        .post('/api/admin/admin-users')
        .set(bearer(admin))
        .send({ username: 'fin1', password: 'finance-pass', roles: ['finance'] })
        .expect(409);
      expect(dup.body.code).toBe('ADMIN_USERNAME_TAKEN');
      const fin = await loginAdmin(t, 'fin1', 'finance-pass');
      await t.http.get('/api/admin/audit-logs').set(bearer(fin)).expect(200);
      await t.http.put('/api/admin/settings').set(bearer(fin)).send({ storeLockDays: 10 }).expect(403);
      await t.http
        .patch(`/api/admin/admin-users/${created.body.id}`)
        .set(bearer(admin))
        .send({ roles: ['operator'] })
        .expect(200);
      await t.http.get('/api/admin/audit-logs').set(bearer(fin)).expect(401);
      const audit = await t.http
        .get(`/api/admin/audit-logs?entityType=admin_user&entityId=${created.body.id}`)
        .set(bearer(admin))
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
        'admin_user.update',
        'admin_user.create',
      ]);
      const update = audit.body.items[0];
      expect(update.before.roles).toEqual(['finance']);
      expect(update.after.roles).toEqual(['operator']);
      expect(update.requestId).toEqual(expect.any(String));
      expect(JSON.stringify(audit.body)).not.toContain('passwordHash');
    });

    it('refuses to disable the last admin', async () => {
      const admin = await loginAdmin(t);
      const me = await t.http.get('/api/admin/auth/me').set(bearer(admin)).expect(200);
      const res = await t.http
        .patch(`/api/admin/admin-users/${me.body.id}`)
        .set(bearer(admin))
        .send({ disabled: true })
        .expect(409);
      expect(res.body.code).toBe('ADMIN_CANNOT_REMOVE_LAST_ADMIN');
    });
  });

  describe('settings', () => {
    it('serves SPEC defaults, validates, audits and is read back through the cache', async () => {
      const token = await adminToken(t, ['admin']);
      const d = await t.http.get('/api/admin/settings').set(bearer(token)).expect(200);
      expect(d.body).toMatchObject({
        storeLockDays: 365,
        storeLockPolicy: 'first',
        referralBindPolicy: 'first',
        referralBindDays: 30,
        resellerMode: 'approval',
        selfPurchaseCommission: false,
        storeRateBp: 500,
        agentRateBp: 100,
        l1RateBp: 1000,
        l2RateBp: 300,
        settleDaysAfterComplete: 7,
        payTimeoutMinutes: 30,
        autoReceiveDays: 10,
        afterSaleDays: 7,
        minWithdrawFen: 100,
        withdrawFeeBp: 0,
      });
      const bad = await t.http
        .put('/api/admin/settings')
        .set(bearer(token))
        .send({ storeLockPolicy: 'sometimes', l1RateBp: -1 })
        .expect(400);
      expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'l1RateBp',
        'storeLockPolicy',
      ]);
      await t.http.put('/api/admin/settings').set(bearer(token)).send({ l1RateBp: 9500 }).expect(400);
      const ok = await t.http
        .put('/api/admin/settings')
        .set(bearer(token))
        .send({ storeLockDays: 90 })
        .expect(200);
      expect(ok.body.storeLockDays).toBe(90);
      const read = await t.http.get('/api/admin/settings').set(bearer(token)).expect(200);
      expect(read.body.storeLockDays).toBe(90);
      const audit = await t.http
        .get('/api/admin/audit-logs?entityType=settings')
        .set(bearer(token))
        .expect(200);
      expect(audit.body.items[0]).toMatchObject({
        action: 'settings.update',
        before: { storeLockDays: 365 },
        after: { storeLockDays: 90 },
      });
      await t.http.put('/api/admin/settings').set(bearer(token)).send({ storeLockDays: 365 }).expect(200);
    });
  });

  describe('RBAC over every admin route', () => {
    type Op = { method: string; path: string; permission?: Permission; public: boolean };
    let ops: Op[];
    beforeAll(async () => {
      const doc = (await t.http.get('/api/docs-json').expect(200)).body;
      ops = [];
      for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
        if (!path.startsWith('/api/admin/')) continue;
        for (const [method, op] of Object.entries<any>(item)) {
          ops.push({ method, path, permission: op['x-permission'], public: !op.security });
        }
      }
    });

    it('every admin route declares a permission (only login and refresh are public)', () => {
      expect(ops.length).toBeGreaterThan(10);
      const undeclared = ops.filter((o) => !o.permission).map((o) => `${o.method} ${o.path}`);
      expect(undeclared.sort()).toEqual(['post /api/admin/auth/login', 'post /api/admin/auth/refresh']);
    });

    it('lets each role through exactly the routes its permissions allow', async () => {
      const failures: string[] = [];
      const id = '00000000-0000-4000-8000-000000000000';
      for (const role of ADMIN_ROLES) {
        for (const op of ops.filter((o) => o.permission)) {
          // A session per call: the walk includes logout, which ends the session it is called with.
          const token = await adminToken(t, [role]);
          const url = op.path.replace(/\{[^}]+\}/g, id);
          const res = await (t.http as any)[op.method](url).set(bearer(token)).send({});
          const allowed = rolesAllow([role], op.permission!);
          const refused = res.status === 403 && res.body.code === 'FORBIDDEN';
          if (allowed === refused || res.status === 401 || res.status >= 500)
            failures.push(`${role} ${op.method} ${op.path} → ${res.status} ${res.body.code}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('refuses user tokens on every admin route', async () => {
      const token = await userToken(t);
      for (const op of ops.filter((o) => o.permission)) {
        const res = await (t.http as any)[op.method](op.path.replace(/\{[^}]+\}/g, 'x')).set(bearer(token));
        expect(res.status).toBe(401);
      }
    });
  });
});
