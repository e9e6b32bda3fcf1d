import { ADMIN_PASSWORD, bearer, loginAdmin, loginNewUser } from '../factories/identity.factory';
import { randomUUID } from 'node:crypto';
import { newProduct } from '../factories/catalog.factory';
import { newStore, putStoreStock } from '../factories/stores.factory';
import { OfflineSalesService } from '../../src/modules/orders/fulfilment/offline-sales.service';
import { RequestContext } from '../../src/common/request-context';
import { RewardsService } from '../../src/modules/rewards/rewards.service';
import { StoreLockService } from '../../src/modules/referral/store-lock.service';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/** What the web admin's shell and lists need: permissions, own password, names, customer search. */
describe('admin console support', () => {
  let t: TestAppWithSim;
  let admin: string;
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    // Listening: the simulator delivers payment notifications to the app.
    t = await bootTestAppWithSim({ ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD }, [], { listen: true });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  async function newAdmin(username: string, roles: string[], storeIds: string[] = []) {
    await t.http
      .post('/api/admin/admin-users')
      .set(bearer(admin))
      .send({ username, password: 'password-123', roles, storeIds })
      .expect(201);
    const res = await t.http
      .post('/api/admin/auth/login')
      .send({ username, password: 'password-123' })
      .expect(200);
    return res.body as { accessToken: string; refreshToken: string };
  }

  it('tells each role its permissions and store scope', async () => {
    const all = await t.http.get('/api/admin/auth/permissions').set(bearer(admin)).expect(200);
    expect(all.body).toMatchObject({ username: 'admin', roles: ['admin'], storeScoped: false });
    expect(all.body.permissions).toEqual(expect.arrayContaining(['admins:write', 'withdrawals:approve']));

    const finance = await newAdmin('fin.one', ['finance']);
    const fin = await t.http.get('/api/admin/auth/permissions').set(bearer(finance.accessToken)).expect(200);
    expect(fin.body.permissions).toContain('withdrawals:approve');
    expect(fin.body.permissions).not.toContain('catalog:write');
    expect(fin.body.permissions).not.toContain('admins:write');

    const store = await newStore(t, { name: '权限测试店' });
    const manager = await newAdmin('mgr.one', ['store_manager'], [store.id]);
    const mgr = await t.http.get('/api/admin/auth/permissions').set(bearer(manager.accessToken)).expect(200);
    expect(mgr.body).toMatchObject({ storeScoped: true, storeIds: [store.id] });
    expect(mgr.body.permissions).toEqual(expect.arrayContaining(['orders:read', 'stores:write']));
    expect(mgr.body.permissions).not.toContain('orders:write');
    await t.http.get('/api/admin/auth/permissions').expect(401);
  });

  it('changes the own password only with the current one, ending the other sessions', async () => {
    const first = await newAdmin('ops.pw', ['operator']);
    const second = await t.http
      .post('/api/admin/auth/login')
      .send({ username: 'ops.pw', password: 'password-123' })
      .expect(200);
    const wrong = await t.http
      .post('/api/admin/auth/password')
      .set(bearer(first.accessToken))
      .send({ currentPassword: 'not-it', newPassword: 'password-456' })
      .expect(400);
    expect(wrong.body).toMatchObject({ code: 'ADMIN_PASSWORD_WRONG' });
    expect(wrong.body.details.fields.currentPassword).toBeDefined();
    const short = await t.http
      .post('/api/admin/auth/password')
      .set(bearer(first.accessToken))
      .send({ currentPassword: 'password-123', newPassword: 'short' })
      .expect(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');

    const ok = await t.http
      .post('/api/admin/auth/password')
      .set(bearer(first.accessToken))
      .send({ currentPassword: 'password-123', newPassword: 'password-456' })
      .expect(200);
    // The fresh pair works; the old sessions (this one's old token and the other browser) are over.
    await t.http.get('/api/admin/auth/me').set(bearer(ok.body.accessToken)).expect(200);
    await t.http.get('/api/admin/auth/me').set(bearer(second.body.accessToken)).expect(401);
    await t.http.get('/api/admin/auth/me').set(bearer(first.accessToken)).expect(401);
    await t.http
      .post('/api/admin/auth/login')
      .send({ username: 'ops.pw', password: 'password-123' })
      .expect(401);
    await t.http
      .post('/api/admin/auth/login')
      .send({ username: 'ops.pw', password: 'password-456' })
      .expect(200);
  });

  it('finds customers by part of the nickname or the whole phone number, and names a page of ids in one call', async () => {
    const a = await loginNewUser(t, '张三丰');
    const b = await loginNewUser(t, '李四_100%');
    const { code } = await t.sim.control<{ code: string }>('POST', '/sim/phone-code', { openid: a.openid });
    const phone = (await t.http.post('/api/app/me/phone').set(bearer(a.token)).send({ code }).expect(200))
      .body.phone as string;

    const byName = await t.http.get('/api/admin/customers?keyword=三丰').set(bearer(admin)).expect(200);
    expect(byName.body.items.map((c: { userId: string }) => c.userId)).toEqual([a.id]);
    const byPhone = await t.http.get(`/api/admin/customers?keyword=${phone}`).set(bearer(admin)).expect(200);
    expect(byPhone.body.items).toEqual([expect.objectContaining({ userId: a.id, phone })]);
    // Phones are stored encrypted: part of a number finds nobody.
    const part = await t.http
      .get(`/api/admin/customers?keyword=${phone.slice(3, 9)}`)
      .set(bearer(admin))
      .expect(200);
    expect(part.body.total).toBe(0);
    // `%` and `_` match themselves, not anything.
    const literal = await t.http
      .get(`/api/admin/customers?keyword=${encodeURIComponent('_100%')}`)
      .set(bearer(admin))
      .expect(200);
    expect(literal.body.items.map((c: { userId: string }) => c.userId)).toEqual([b.id]);
    const none = await t.http
      .get(`/api/admin/customers?keyword=${encodeURIComponent('1%0')}`)
      .set(bearer(admin))
      .expect(200);
    expect(none.body.total).toBe(0);

    const store = await newStore(t, { name: '名字店' });
    const other = await newStore(t, { name: '别家店' });
    const names = await t.http
      .get(`/api/admin/names?userIds=${a.id},${b.id}&storeIds=${store.id}&storeIds=${other.id}`)
      .set(bearer(admin))
      .expect(200);
    expect(names.body.users).toEqual(
      expect.arrayContaining([
        { id: a.id, nickname: '张三丰', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` },
        { id: b.id, nickname: '李四_100%', phoneMasked: null },
      ]),
    );
    expect(names.body.stores).toHaveLength(2);
    await t.http.get('/api/admin/names?userIds=not-a-uuid').set(bearer(admin)).expect(400);

    // A store manager is named only their store and the customers locked to it.
    await t.app.get(StoreLockService).moveByAdmin(ctx, a.id, store.id, '测试');
    const manager = await newAdmin('mgr.names', ['store_manager'], [store.id]);
    const scoped = await t.http
      .get(`/api/admin/names?userIds=${a.id},${b.id}&storeIds=${store.id},${other.id}`)
      .set(bearer(manager.accessToken))
      .expect(200);
    expect(scoped.body.users.map((u: { id: string }) => u.id)).toEqual([a.id]);
    expect(scoped.body.stores).toEqual([{ id: store.id, name: '名字店' }]);
  });

  it('names orders with their buyer, within a store manager’s stores only', async () => {
    const [owner, buyer] = await Promise.all([loginNewUser(t, '订单店主'), loginNewUser(t, '订单顾客')]);
    const store = await newStore(t, { name: '订单店', ownerUserId: owner.id });
    const p = await newProduct(t);
    await putStoreStock(t, store.id, p.skus[0].id, 5);
    await t.app.get(StoreLockService).moveByAdmin(ctx, buyer.id, store.id, '测试');
    const sales = t.app.get(OfflineSalesService);
    const { code } = await sales.memberCode(ctx, buyer.id);
    const orderId = await sales.record(ctx, owner.id, store.id, randomUUID(), {
      memberCode: code,
      items: [{ skuId: p.skus[0].id, qty: 1 }],
      amountFen: 9900,
    });
    const orderNo = (await t.http.get(`/api/admin/orders/${orderId}`).set(bearer(admin)).expect(200)).body
      .orderNo;
    const res = await t.http.get(`/api/admin/names?orderIds=${orderId}`).set(bearer(admin)).expect(200);
    expect(res.body.orders).toEqual([
      { id: orderId, orderNo, buyerId: buyer.id, buyerNickname: '订单顾客', buyerPhoneMasked: null },
    ]);
    const catalog = await t.http
      .get(`/api/admin/names?productIds=${p.id}&skuIds=${p.skus[0].id}`)
      .set(bearer(admin))
      .expect(200);
    expect(catalog.body.products).toEqual([{ id: p.id, title: p.title, coverUrl: p.images[0] ?? null }]);
    expect(catalog.body.skus).toEqual([
      { id: p.skus[0].id, productId: p.id, title: p.title, specs: p.skus[0].specs, code: p.skus[0].code },
    ]);
    const elsewhere = await newStore(t, { name: '无关店' });
    const manager = await newAdmin('mgr.orders', ['store_manager'], [elsewhere.id]);
    const hidden = await t.http
      .get(`/api/admin/names?orderIds=${orderId}&userIds=${buyer.id}`)
      .set(bearer(manager.accessToken))
      .expect(200);
    expect(hidden.body).toEqual({ users: [], stores: [], orders: [], products: [], skus: [], admins: [] });
    const me = (await t.http.get('/api/admin/auth/me').set(bearer(admin)).expect(200)).body;
    const colleague = await t.http
      .get(`/api/admin/names?adminIds=${me.id}`)
      .set(bearer(manager.accessToken))
      .expect(200);
    expect(colleague.body.admins).toEqual([{ id: me.id, username: 'admin', displayName: me.displayName }]);
    // Their own store's owner and buyer are named.
    const own = await newAdmin('mgr.own', ['store_manager'], [store.id]);
    const shown = await t.http
      .get(`/api/admin/names?userIds=${owner.id},${buyer.id}`)
      .set(bearer(own.accessToken))
      .expect(200);
    expect(shown.body.users.map((u: { id: string }) => u.id).sort()).toEqual([owner.id, buyer.id].sort());
  });

  it('refuses a product edit based on a version someone else has saved since (optimistic check)', async () => {
    const p = await newProduct(t);
    const loaded = await t.http.get(`/api/admin/products/${p.id}`).set(bearer(admin)).expect(200);
    const first = await t.http
      .patch(`/api/admin/products/${p.id}`)
      .set(bearer(admin))
      .send({ title: '第一位编辑', expectedUpdatedAt: loaded.body.updatedAt })
      .expect(200);
    expect(first.body.updatedAt).not.toBe(loaded.body.updatedAt);
    const stale = await t.http
      .patch(`/api/admin/products/${p.id}`)
      .set(bearer(admin))
      .send({ title: '第二位编辑', expectedUpdatedAt: loaded.body.updatedAt })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'PRODUCT_STALE', details: { updatedAt: first.body.updatedAt } });
    const after = await t.http.get(`/api/admin/products/${p.id}`).set(bearer(admin)).expect(200);
    expect(after.body.title).toBe('第一位编辑');
    await t.http
      .patch(`/api/admin/products/${p.id}`)
      .set(bearer(admin))
      .send({ title: '第二位编辑', expectedUpdatedAt: first.body.updatedAt })
      .expect(200);
    await t.http
      .patch(`/api/admin/products/${p.id}`)
      .set(bearer(admin))
      .send({ expectedUpdatedAt: 'yesterday' })
      .expect(400);
  });

  it('counts a paid order into today’s dashboard figures, and only a manager’s own stores for them', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const overview = async (token: string) =>
      (await t.http.get(`/api/admin/stats/overview?from=${today}&to=${today}`).set(bearer(token)).expect(200))
        .body;
    const before = await overview(admin);
    const [owner, buyer] = await Promise.all([loginNewUser(t, '看板店主'), loginNewUser(t, '看板顾客')]);
    const store = await newStore(t, { name: '看板店', ownerUserId: owner.id });
    const p = await newProduct(t);
    await putStoreStock(t, store.id, p.skus[0].id, 5);
    await t.app.get(StoreLockService).moveByAdmin(ctx, buyer.id, store.id, '测试');
    const sales = t.app.get(OfflineSalesService);
    const { code } = await sales.memberCode(ctx, buyer.id);
    await sales.record(ctx, owner.id, store.id, randomUUID(), {
      memberCode: code,
      items: [{ skuId: p.skus[0].id, qty: 2 }],
      amountFen: 12345,
    });
    const after = await overview(admin);
    expect(after.current.gmvFen - before.current.gmvFen).toBe(12345);
    expect(after.current.offlineGmvFen - before.current.offlineGmvFen).toBe(12345);
    expect(after.current.paidOrders - before.current.paidOrders).toBe(1);
    expect(after.daily).toEqual([expect.objectContaining({ day: today, gmvFen: after.current.gmvFen })]);
    expect(after.topStores).toContainEqual({
      storeId: store.id,
      name: '看板店',
      gmvFen: 12345,
      paidOrders: 1,
    });
    expect(after.topProducts).toContainEqual(expect.objectContaining({ productId: p.id, qty: 2 }));

    const manager = await newAdmin('mgr.stats', ['store_manager'], [store.id]);
    const mine = await overview(manager.accessToken);
    expect(mine.current).toMatchObject({ gmvFen: 12345, paidOrders: 1, paidCustomers: 1 });
    expect(mine.topStores.map((s: { storeId: string }) => s.storeId)).toEqual([store.id]);

    await t.http
      .get(`/api/admin/stats/overview?from=2026-01-01&to=2024-01-01`)
      .set(bearer(admin))
      .expect(400);
    await t.http.get(`/api/admin/stats/overview?from=today&to=${today}`).set(bearer(admin)).expect(400);
  });

  it('settles due rewards on demand (finance), as the hourly run would', async () => {
    await t.http
      .put('/api/admin/settings')
      .set(bearer(admin))
      .send({ settleDaysAfterComplete: 0 })
      .expect(200);
    const [owner, buyer] = await Promise.all([loginNewUser(t, '结算店主'), loginNewUser(t, '结算顾客')]);
    const store = await newStore(t, { name: '结算店', ownerUserId: owner.id });
    const p = await newProduct(t);
    await putStoreStock(t, store.id, p.skus[0].id, 5);
    await t.app.get(StoreLockService).moveByAdmin(ctx, buyer.id, store.id, '测试');
    const sales = t.app.get(OfflineSalesService);
    const { code } = await sales.memberCode(ctx, buyer.id);
    const orderId = await sales.record(ctx, owner.id, store.id, randomUUID(), {
      memberCode: code,
      items: [{ skuId: p.skus[0].id, qty: 1 }],
      amountFen: 9900,
    });
    // What the orders.paid job does (idempotent; the job may have run already).
    await t.app.get(RewardsService).accrue(ctx, orderId);
    const rewards = (await t.http.get(`/api/admin/rewards?orderId=${orderId}`).set(bearer(admin)).expect(200))
      .body.items;
    expect(rewards).toEqual([expect.objectContaining({ status: 'PENDING', earnerId: store.id })]);

    const operator = await newAdmin('ops.settle', ['operator']);
    await t.http.post('/api/admin/rewards/settle-due').set(bearer(operator.accessToken)).expect(403);
    const finance = await newAdmin('fin.settle', ['finance']);
    const run = await t.http
      .post('/api/admin/rewards/settle-due')
      .set(bearer(finance.accessToken))
      .expect(200);
    expect(run.body.settled).toBeGreaterThanOrEqual(1);
    const after = await t.http.get(`/api/admin/rewards?orderId=${orderId}`).set(bearer(admin)).expect(200);
    expect(after.body.items[0].status).toBe('AVAILABLE');
    const again = await t.http
      .post('/api/admin/rewards/settle-due')
      .set(bearer(finance.accessToken))
      .expect(200);
    expect(again.body.settled).toBe(0);
    await t.http
      .put('/api/admin/settings')
      .set(bearer(admin))
      .send({ settleDaysAfterComplete: 7 })
      .expect(200);
  });

  it('shows finance an order’s payment and the raw notification WeChat sent for it', async () => {
    const buyer = await loginNewUser(t, '付款顾客');
    const p = await newProduct(t);
    const order = await t.http
      .post('/api/app/orders')
      .set(bearer(buyer.token))
      .set('idempotency-key', randomUUID())
      .send({
        mode: 'express',
        items: [{ skuId: p.skus[0].id, qty: 1 }],
        address: {
          name: '王五',
          phone: '13900001111',
          province: '浙江省',
          city: '杭州市',
          district: '西湖区',
          detail: '一号',
        },
      })
      .expect(201);
    const pay = await t.http
      .post(`/api/app/orders/${order.body.id}/pay`)
      .set(bearer(buyer.token))
      .expect(200);
    const prepayId = pay.body.requestPayment.package.replace('prepay_id=', '');
    await t.sim.pay(prepayId, buyer.openid);

    const finance = await newAdmin('fin.pay', ['finance']);
    let payment: { status: string; outTradeNo: string; transactionId: string | null } | undefined;
    for (let i = 0; i < 40 && payment?.status !== 'PAID'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const res = await t.http
        .get(`/api/admin/payments?orderId=${order.body.id}`)
        .set(bearer(finance.accessToken))
        .expect(200);
      payment = res.body.items[0];
    }
    expect(payment).toMatchObject({ status: 'PAID', transactionId: expect.any(String) });
    const list = await t.http
      .get(`/api/admin/payment-notifications?channel=transaction&reference=${payment!.outTradeNo}`)
      .set(bearer(finance.accessToken))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ channel: 'transaction', eventType: 'TRANSACTION.SUCCESS', verified: true }),
    ]);
    const raw = await t.http
      .get(`/api/admin/payment-notifications/${list.body.items[0].id}`)
      .set(bearer(finance.accessToken))
      .expect(200);
    expect(JSON.parse(raw.body.body)).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource: expect.any(Object),
    });
    expect(Object.keys(raw.body.headers).join()).toMatch(/wechatpay-signature/i);
    const refunds = await t.http
      .get(`/api/admin/refunds?orderId=${order.body.id}`)
      .set(bearer(finance.accessToken))
      .expect(200);
    expect(refunds.body).toMatchObject({ items: [], total: 0 });

    const manager = await newAdmin(
      'mgr.pay',
      ['store_manager'],
      [(await newStore(t, { name: '付款店' })).id],
    );
    await t.http.get('/api/admin/payments').set(bearer(manager.accessToken)).expect(403);
    await t.http
      .get(`/api/admin/payment-notifications/${randomUUID()}`)
      .set(bearer(finance.accessToken))
      .expect(404);
  });

  it('lets an operator cancel an unpaid order with a reason, and not a paid one', async () => {
    const buyer = await loginNewUser(t, '取消顾客');
    const p = await newProduct(t);
    const place = async () =>
      (
        await t.http
          .post('/api/app/orders')
          .set(bearer(buyer.token))
          .set('idempotency-key', randomUUID())
          .send({
            mode: 'express',
            items: [{ skuId: p.skus[0].id, qty: 2 }],
            address: {
              name: '赵六',
              phone: '13900002222',
              province: '浙江省',
              city: '杭州市',
              district: '上城区',
              detail: '二号',
            },
          })
          .expect(201)
      ).body as { id: string };
    const unpaid = await place();
    const operator = await newAdmin('ops.cancel', ['operator']);
    await t.http
      .post(`/api/admin/orders/${unpaid.id}/cancel`)
      .set(bearer(operator.accessToken))
      .send({ reason: '' })
      .expect(400);
    const res = await t.http
      .post(`/api/admin/orders/${unpaid.id}/cancel`)
      .set(bearer(operator.accessToken))
      .send({ reason: '顾客电话要求取消' })
      .expect(200);
    expect(res.body.outcome).toBe('cancelled');
    expect(res.body.order.status).toBe('CANCELLED');
    expect(res.body.order.history.at(-1)).toMatchObject({
      toStatus: 'CANCELLED',
      reason: expect.stringContaining('顾客电话要求取消'),
    });
    // The stock held for it is back.
    const product = await t.http.get(`/api/admin/products/${p.id}`).set(bearer(admin)).expect(200);
    expect(product.body.skus[0].stock).toBe(p.skus[0].stock);

    const paid = await place();
    const pay = await t.http.post(`/api/app/orders/${paid.id}/pay`).set(bearer(buyer.token)).expect(200);
    await t.sim.control('POST', '/sim/pay/confirm', {
      appId: (await t.sim.control<{ appId: string }>('GET', '/sim/app')).appId,
      ...pay.body.requestPayment,
      openid: buyer.openid,
    });
    for (let i = 0; i < 40; i++) {
      const o = await t.http.get(`/api/admin/orders/${paid.id}`).set(bearer(admin)).expect(200);
      if (o.body.status === 'PAID') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const refused = await t.http
      .post(`/api/admin/orders/${paid.id}/cancel`)
      .set(bearer(operator.accessToken))
      .send({ reason: '想取消已付款的订单' })
      .expect(409);
    expect(refused.body.code).toBe('ORDER_STATE_INVALID');
    const finance = await newAdmin('fin.cancel', ['finance']);
    await t.http
      .post(`/api/admin/orders/${unpaid.id}/cancel`)
      .set(bearer(finance.accessToken))
      .send({ reason: '财务无权取消' })
      .expect(403);
  });
});
