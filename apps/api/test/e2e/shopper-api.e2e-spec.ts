import { randomUUID } from 'node:crypto';
import { bootTestApp, type TestApp } from '../app';
import { adminToken, userToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { bearer } from '../factories/identity.factory';
import { newStore, putStoreStock } from '../factories/stores.factory';

/** The API pieces the shopper mini-program added: one booted app for all of them. */
describe('shopper app API', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = await adminToken(t, ['admin']);
  });
  afterAll(() => t.close());

  describe('address book', () => {
    it('validates region codes against the dataset, keeps exactly one default and caps the book', async () => {
      const user = bearer(await userToken(t));
      const bad = await t.http
        .post('/api/app/addresses')
        .set(user)
        .send({ name: '张三', phone: '13800000000', regionCode: '659999', detail: '某路1号' });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('ADDRESS_REGION_INVALID');
      const city = await t.http
        .post('/api/app/addresses')
        .set(user)
        .send({ name: '张三', phone: '13800000000', regionCode: '3301', detail: '某路1号' });
      expect(city.body.code).toBe('ADDRESS_REGION_INVALID'); // 杭州 has districts: pick one

      const first = await t.http
        .post('/api/app/addresses')
        .set(user)
        .send({ name: '张三', phone: '13800000000', regionCode: '650102', detail: '人民路1号' })
        .expect(201);
      expect(first.body).toMatchObject({
        province: '新疆维吾尔自治区',
        city: '乌鲁木齐市',
        district: '天山区',
        provinceCode: '65',
        districtCode: '650102',
        isDefault: true, // the first address is the default
      });
      const second = await t.http
        .post('/api/app/addresses')
        .set(user)
        .send({
          name: '李四',
          phone: '13900000000',
          regionCode: '330106',
          detail: '文三路2号',
          isDefault: true,
        })
        .expect(201);
      let list = (await t.http.get('/api/app/addresses').set(user).expect(200)).body;
      expect(list.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault])).toEqual([
        [second.body.id, true],
        [first.body.id, false],
      ]);

      const moved = await t.http
        .patch(`/api/app/addresses/${first.body.id}`)
        .set(user)
        .send({ regionCode: '441900', isDefault: true });
      expect(moved.body).not.toHaveProperty('code');
      expect(moved.body).toMatchObject({ city: '东莞市', district: '', districtCode: null, isDefault: true });

      // Someone else's address is not found; deleting the default promotes the other one.
      const other = bearer(await userToken(t));
      await t.http.delete(`/api/app/addresses/${first.body.id}`).set(other).expect(404);
      await t.http.delete(`/api/app/addresses/${first.body.id}`).set(user).expect(200);
      list = (await t.http.get('/api/app/addresses').set(user).expect(200)).body;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ id: second.body.id, isDefault: true });

      for (let i = 1; i < 20; i++) {
        await t.http
          .post('/api/app/addresses')
          .set(user)
          .send({ name: `收件人${i}`, phone: '13800000000', regionCode: '110101', detail: `${i}号` })
          .expect(201);
      }
      const over = await t.http
        .post('/api/app/addresses')
        .set(user)
        .send({ name: '多余', phone: '13800000000', regionCode: '110101', detail: '21号' });
      expect(over.status).toBe(409);
      expect(over.body.code).toBe('ADDRESS_LIMIT_REACHED');
    });

    it('lists regions level by level for the picker', async () => {
      const provinces = (await t.http.get('/api/app/regions').expect(200)).body;
      expect(provinces).toHaveLength(31);
      const cities = (await t.http.get('/api/app/regions').query({ parentCode: '33' }).expect(200)).body;
      expect(cities.map((c: { name: string }) => c.name)).toContain('杭州市');
      await t.http.get('/api/app/regions').query({ parentCode: 'x' }).expect(400);
    });
  });

  it('charges the region fee of a rule written 新疆 to an address coded 650102 (end to end by code)', async () => {
    await t.http
      .post('/api/admin/shipping-templates')
      .set(bearer(admin))
      .send({
        name: '默认运费',
        isDefault: true,
        firstWeightGrams: 1000,
        firstFeeFen: 800,
        extraWeightGrams: 1000,
        extraFeeFen: 400,
        freeOverFen: null,
        regions: [{ provinces: ['新疆'], firstFeeFen: 2500, extraFeeFen: 1500 }],
      })
      .expect(201);
    const badRule = await t.http
      .post('/api/admin/shipping-templates')
      .set(bearer(admin))
      .send({
        name: '错',
        firstWeightGrams: 1000,
        firstFeeFen: 800,
        extraWeightGrams: 1000,
        extraFeeFen: 400,
        regions: [{ provinces: ['火星'], firstFeeFen: 1, extraFeeFen: 1 }],
      });
    expect(badRule.status).toBe(400);
    const p = await newProduct(t, {
      fulfilmentModes: ['express'],
      skus: [skuInput({ priceFen: 5000, stock: 10, weightGrams: 500 })],
    });
    const user = bearer(await userToken(t));
    const address = {
      name: '王五',
      phone: '13800000000',
      province: '新疆维吾尔自治区',
      city: '乌鲁木齐市',
      district: '天山区',
      detail: '1号',
    };
    const quote = (a: object) =>
      t.http
        .post('/api/app/checkout/quote')
        .set(user)
        .send({ mode: 'express', items: [{ skuId: p.skus[0].id, qty: 1 }], address: a });
    expect((await quote({ ...address, regionCode: '650102' }).expect(200)).body.shippingFen).toBe(2500);
    expect((await quote(address).expect(200)).body.shippingFen).toBe(2500); // the text alone matches too
    expect((await quote({ ...address, regionCode: '330106' }).expect(200)).body.shippingFen).toBe(800);
    const bad = await quote({ ...address, regionCode: '999999' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('counts my orders by status and my open after-sales', async () => {
    const user = bearer(await userToken(t));
    const counts = (await t.http.get('/api/app/orders/counts').set(user).expect(200)).body;
    expect(counts).toEqual({
      PENDING_PAYMENT: 0,
      PAID: 0,
      SHIPPED: 0,
      AWAITING_PICKUP: 0,
      COMPLETED: 0,
      CANCELLED: 0,
      REFUNDED: 0,
      afterSalesOpen: 0,
    });
    const p = await newProduct(t, {
      fulfilmentModes: ['express'],
      skus: [skuInput({ priceFen: 1000, stock: 10 })],
    });
    const address = {
      name: '王五',
      phone: '13800000000',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '1号',
      regionCode: '330106',
    };
    for (const key of ['count-a-1', 'count-b-2']) {
      await t.http
        .post('/api/app/orders')
        .set(user)
        .set('Idempotency-Key', `${key}-${randomUUID().slice(0, 8)}`)
        .send({ mode: 'express', items: [{ skuId: p.skus[0].id, qty: 1 }], address })
        .expect(201);
    }
    const after = (await t.http.get('/api/app/orders/counts').set(user).expect(200)).body;
    expect(after.PENDING_PAYMENT).toBe(2);
    await t.http.get('/api/app/orders/counts').expect(401);
  });

  it('finds nearby stores that hold a SKU, nearest first, with their stock', async () => {
    const p = await newProduct(t, {
      fulfilmentModes: ['pickup'],
      skus: [skuInput({ priceFen: 1000, stock: 10 })],
    });
    const near = await newStore(t, { name: '近店', lat: 30.26, lng: 120.16 });
    const far = await newStore(t, { name: '远店', lat: 30.3, lng: 120.2 });
    const empty = await newStore(t, { name: '无货店', lat: 30.2601, lng: 120.1601 });
    await putStoreStock(t, near.id, p.skus[0].id, 3);
    await putStoreStock(t, far.id, p.skus[0].id, 8);
    await putStoreStock(t, empty.id, p.skus[0].id, 0);
    const res = await t.http
      .get('/api/app/stores/nearby-stock')
      .query({ lat: 30.2592, lng: 120.1636, skuId: p.skus[0].id })
      .expect(200);
    expect(res.body.items.map((s: { name: string; stock: number }) => [s.name, s.stock])).toEqual([
      ['近店', 3],
      ['远店', 8],
    ]);
    expect(res.body.items[0].distanceM).toBeLessThan(res.body.items[1].distanceM);
  });

  it('serves the home page operators curate, with an audit entry per change', async () => {
    const fallback = (await t.http.get('/api/app/home').expect(200)).body;
    expect(fallback.banners).toEqual([]);
    expect(fallback.fresh.length).toBeGreaterThan(0); // nothing curated: newest products

    const noImage = await t.http
      .post('/api/admin/home-contents')
      .set(bearer(admin))
      .send({ kind: 'banner', title: '双十二' });
    expect(noImage.body.code).toBe('HOME_BANNER_IMAGE_REQUIRED');
    const banner = await t.http
      .post('/api/admin/home-contents')
      .set(bearer(admin))
      .send({
        kind: 'banner',
        title: '双十二',
        imageUrl: `/api/uploads/${'a'.repeat(64)}.png`,
        link: '/pages/category/index',
      })
      .expect(201);
    await t.http
      .post('/api/admin/home-contents')
      .set(bearer(admin))
      .send({ kind: 'notice', title: '已结束的公告', endsAt: new Date(Date.now() - 60_000).toISOString() })
      .expect(201);
    await t.http
      .post('/api/admin/home-contents')
      .set(bearer(admin))
      .send({ kind: 'notice', title: '满99包邮' })
      .expect(201);
    const hot = await newProduct(t, { title: '热卖王', skus: [skuInput({ priceFen: 990 })] });
    await t.http
      .put(`/api/admin/products/${hot.id}/flags`)
      .set(bearer(admin))
      .send({ flags: ['hot', 'recommended'] })
      .expect(200);
    await t.http
      .put(`/api/admin/products/${randomUUID()}/flags`)
      .set(bearer(admin))
      .send({ flags: ['hot'] })
      .expect(404);

    const home = (await t.http.get('/api/app/home').expect(200)).body;
    expect(home.banners).toEqual([
      { id: banner.body.id, title: '双十二', imageUrl: banner.body.imageUrl, link: '/pages/category/index' },
    ]);
    expect(home.notices.map((n: { title: string }) => n.title)).toEqual(['满99包邮']);
    expect(home.hot.map((p: { title: string }) => p.title)).toEqual(['热卖王']);
    expect(home.recommended.map((p: { title: string }) => p.title)).toEqual(['热卖王']);

    await t.http
      .patch(`/api/admin/home-contents/${banner.body.id}`)
      .set(bearer(admin))
      .send({ active: false })
      .expect(200);
    expect((await t.http.get('/api/app/home').expect(200)).body.banners).toEqual([]);
    const audit = (
      await t.http.get('/api/admin/audit-logs').set(bearer(admin)).query({ pageSize: 100 }).expect(200)
    ).body;
    const actions = audit.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['home_content.create', 'home_content.update', 'product.flags']),
    );
    const update = audit.items.find((a: { action: string }) => a.action === 'home_content.update');
    expect(update.before.active).toBe(true);
    expect(update.after.active).toBe(false);
    await t.http
      .post('/api/admin/home-contents')
      .set(bearer(await userToken(t)))
      .send({ kind: 'notice', title: 'x' })
      .expect(401);
  });

  it('tells the H5 build where the simulator’s web flows are, and draws member-code QRs', async () => {
    const cfg = (await t.http.get('/api/app/h5/config').expect(200)).body;
    expect(cfg.authorizeUrl).toMatch(/\/sim\/oauth\/authorize$/);
    expect(cfg.cashierUrl).toMatch(/\/sim\/pay\/cashier$/);
    expect(cfg.appId).toMatch(/^wx/);
    const png = await t.http.get('/api/app/qr.png').query({ text: '1234567890123456' }).expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['cache-control']).toBe('no-store');
    await t.http.get('/api/app/qr.png').query({ text: '<script>' }).expect(400);
  });
});
