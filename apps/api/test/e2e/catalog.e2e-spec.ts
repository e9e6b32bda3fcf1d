import { DataSource } from 'typeorm';
import { RequestContext } from '../../src/common/request-context';
import { bootTestApp, type TestApp } from '../app';
import { adminToken } from '../factories/auth.factory';
import { newCategory, newProduct, skuInput } from '../factories/catalog.factory';
import { CatalogStockService } from '../../src/modules/catalog/catalog-stock.service';

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('catalog e2e: categories, products, SKUs, search, uploads', () => {
  let t: TestApp;
  let op: string;
  let viewer: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootTestApp();
    op = await adminToken(t, ['operator']);
    viewer = await adminToken(t, ['finance']);
  });
  afterAll(() => t.close());

  describe('categories', () => {
    it('keeps two levels, ordered, and refuses a third level and deleting a non-empty one', async () => {
      const root = await t.http
        .post('/api/admin/categories')
        .set(auth(op))
        .send({ name: '酒水', sortOrder: 2 })
        .expect(201);
      await t.http
        .post('/api/admin/categories')
        .set(auth(op))
        .send({ name: '茶叶', sortOrder: 1 })
        .expect(201);
      const child = await t.http
        .post('/api/admin/categories')
        .set(auth(op))
        .send({ name: '白酒', parentId: root.body.id })
        .expect(201);
      const third = await t.http
        .post('/api/admin/categories')
        .set(auth(op))
        .send({ name: '酱香', parentId: child.body.id })
        .expect(400);
      expect(third.body.code).toBe('CATEGORY_TOO_DEEP');

      const tree = await t.http.get('/api/app/categories').expect(200);
      const names = tree.body.items.map((c: { name: string }) => c.name);
      expect(names.indexOf('茶叶')).toBeLessThan(names.indexOf('酒水'));
      expect(tree.body.items.find((c: { name: string }) => c.name === '酒水').children).toEqual([
        expect.objectContaining({ name: '白酒', parentId: root.body.id }),
      ]);

      const page = await t.http.get('/api/admin/categories?pageSize=1').set(auth(viewer)).expect(200);
      expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(page.body.items).toHaveLength(1);

      const del = await t.http.delete(`/api/admin/categories/${root.body.id}`).set(auth(op)).expect(409);
      expect(del.body.code).toBe('CATEGORY_NOT_EMPTY');
      await t.http.delete(`/api/admin/categories/${child.body.id}`).set(auth(op)).expect(204);
      await t.http.delete(`/api/admin/categories/${root.body.id}`).set(auth(op)).expect(204);
    });

    it('validates input and permissions', async () => {
      const bad = await t.http
        .post('/api/admin/categories')
        .set(auth(op))
        .send({ name: '', extra: 1 })
        .expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const fields = bad.body.details.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['name', 'extra']));
      const denied = await t.http
        .post('/api/admin/categories')
        .set(auth(viewer))
        .send({ name: '零食' })
        .expect(403);
      expect(denied.body.code).toBe('FORBIDDEN');
      await t.http.post('/api/admin/categories').send({ name: '零食' }).expect(401);
    });
  });

  describe('products and SKUs', () => {
    let categoryId: string;
    beforeAll(async () => {
      categoryId = await newCategory(t, '红酒');
    });

    it('creates a draft, refuses on-sale without a priced SKU, then sells', async () => {
      const created = await t.http
        .post('/api/admin/products')
        .set(auth(op))
        .send({
          title: '奔富 Bin 389 赤霞珠',
          categoryId,
          fulfilmentModes: ['express', 'pickup'],
          rewardRateBp: 800,
          commissionRateBp: 1200,
          images: ['/api/uploads/x.jpg'],
          descriptionHtml: '<p onclick="steal()">澳洲</p><script>alert(1)</script>',
        })
        .expect(201);
      expect(created.body).toMatchObject({ status: 'draft', skus: [], minPriceFen: null, rewardRateBp: 800 });
      expect(created.body.descriptionHtml).toBe('<p>澳洲</p>');
      const id = created.body.id;
      const patched = await t.http
        .patch(`/api/admin/products/${id}`)
        .set(auth(op))
        .send({
          descriptionHtml:
            '<p>产地</p><iframe src="https://evil.example"></iframe><a href="javascript:x()">看</a>',
        })
        .expect(200);
      expect(patched.body.descriptionHtml).toBe('<p>产地</p><a>看</a>');

      const refused = await t.http
        .post(`/api/admin/products/${id}/status`)
        .set(auth(op))
        .send({ status: 'on_sale' })
        .expect(409);
      expect(refused.body.code).toBe('PRODUCT_NOT_SELLABLE');

      // A 0-fen SKU is a valid price but not enough to go on sale.
      const free = await t.http
        .post(`/api/admin/products/${id}/skus`)
        .set(auth(op))
        .send({ code: 'PENF-389-FREE', priceFen: 0 })
        .expect(201);
      await t.http
        .post(`/api/admin/products/${id}/status`)
        .set(auth(op))
        .send({ status: 'on_sale' })
        .expect(409);
      await t.http
        .patch(`/api/admin/skus/${free.body.id}`)
        .set(auth(op))
        .send({ priceFen: 69900 })
        .expect(200);
      const onSale = await t.http
        .post(`/api/admin/products/${id}/status`)
        .set(auth(op))
        .send({ status: 'on_sale' })
        .expect(200);
      expect(onSale.body).toMatchObject({ status: 'on_sale', minPriceFen: 69900 });

      // The last priced SKU of an on-sale product cannot go.
      const last = await t.http.delete(`/api/admin/skus/${free.body.id}`).set(auth(op)).expect(409);
      expect(last.body.code).toBe('SKU_LAST_ON_SALE');
      await t.http.get(`/api/app/products/${id}`).expect(200);
      await t.http
        .post(`/api/admin/products/${id}/status`)
        .set(auth(op))
        .send({ status: 'off_sale' })
        .expect(200);
      expect((await t.http.get(`/api/app/products/${id}`).expect(404)).body.code).toBe('PRODUCT_NOT_FOUND');
    });

    it('rejects bad prices, rates, modes and unknown fields with field paths', async () => {
      const res = await t.http
        .post('/api/admin/products')
        .set(auth(op))
        .send({
          title: '坏商品',
          categoryId,
          fulfilmentModes: ['drone'],
          rewardRateBp: 10001,
          skus: [
            { code: 'OK-1', priceFen: 12.5 },
            { code: 'bad code', priceFen: -1 },
          ],
          status: 'on_sale',
        })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = res.body.details.fields.map((f: { field: string }) => f.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          'fulfilmentModes',
          'rewardRateBp',
          'skus[0].priceFen',
          'skus[1].code',
          'skus[1].priceFen',
          'status',
        ]),
      );
      const unknownCat = await t.http
        .post('/api/admin/products')
        .set(auth(op))
        .send({ title: 'x', categoryId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      expect(unknownCat.body.code).toBe('CATEGORY_NOT_FOUND');
      await t.http.get('/api/admin/products/not-a-uuid').set(auth(op)).expect(404);
    });

    it('refuses a duplicate SKU code', async () => {
      const p = await newProduct(t, { categoryId, skus: [skuInput({ code: 'DUP-1' })] });
      const dup = await t.http
        .post(`/api/admin/products/${p.id}/skus`)
        .set(auth(op))
        .send({ code: 'DUP-1', priceFen: 100 })
        .expect(409);
      expect(dup.body.code).toBe('SKU_CODE_TAKEN');
    });

    it('adjusts platform stock by delta, never below zero, with a movement log', async () => {
      const p = await newProduct(t, { categoryId, skus: [skuInput({ stock: 5 })] });
      const skuId = p.skus[0].id;
      const down = await t.http
        .post(`/api/admin/skus/${skuId}/stock-adjustments`)
        .set(auth(op))
        .send({ delta: -6 })
        .expect(409);
      expect(down.body).toMatchObject({ code: 'SKU_INSUFFICIENT_STOCK', details: { available: 5 } });
      const ok = await t.http
        .post(`/api/admin/skus/${skuId}/stock-adjustments`)
        .set(auth(op))
        .send({ delta: -5, note: '盘点' })
        .expect(201);
      expect(ok.body.stock).toBe(0);
      const log = await t.http.get(`/api/admin/skus/${skuId}/stock-movements`).set(auth(op)).expect(200);
      expect(log.body.items.map((m: { delta: number; reason: string }) => [m.reason, m.delta])).toEqual([
        ['adjust', -5],
        ['initial', 5],
      ]);
      // Services used by orders: reserve inside a transaction, release gives it back.
      const stock = t.app.get(CatalogStockService);
      const ctx = RequestContext.system('test');
      await expect(stock.reserveSkuStock(ctx, skuId, 1)).rejects.toMatchObject({
        code: 'SKU_INSUFFICIENT_STOCK',
      });
      expect(await stock.releaseSkuStock(ctx, skuId, 2, { refId: 'order-1' })).toBe(2);
      expect(await stock.reserveSkuStock(ctx, skuId, 2, { refId: 'order-2' })).toBe(0);
    });
  });

  it('50 concurrent platform-stock reservations against stock 20: exactly 20 succeed', async () => {
    const p = await newProduct(t, { skus: [skuInput({ stock: 20 })] });
    const stock = t.app.get(CatalogStockService);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        stock.reserveSkuStock(RequestContext.system(`b${i}`), p.skus[0].id, 1),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    const sku = await t.http.get(`/api/admin/products/${p.id}`).set(auth(op)).expect(200);
    expect(sku.body.skus[0].stock).toBe(0);
  });

  describe('consumer search', () => {
    let liquor: string;
    let tea: string;
    beforeAll(async () => {
      const drinks = await newCategory(t, '酒类');
      liquor = await newCategory(t, '白酒', drinks);
      tea = await newCategory(t, '茶叶');
      const mk = (title: string, categoryId: string, priceFen: number, subtitle?: string) =>
        newProduct(t, {
          title,
          subtitle,
          categoryId,
          skus: [skuInput({ priceFen, specs: { 规格: '500ml' } })],
        });
      await mk('贵州茅台酒 53度 飞天', liquor, 149900, '酱香型');
      await mk('五粮液 第八代 52度', liquor, 109900, '浓香型');
      await mk('茅台王子酒 酱门经典', liquor, 19900);
      await mk('西湖龙井 明前特级', tea, 59900, '杭州 狮峰');
      await mk('100% 纯_粮', tea, 100);
      await newProduct(t, { title: '茅台 草稿', categoryId: liquor, onSale: false });
    });

    it('finds Chinese substrings ("茅台" finds "贵州茅台酒 53度"), only on-sale products', async () => {
      const res = await t.http.get('/api/app/products').query({ keyword: '茅台' }).expect(200);
      const titles = res.body.items.map((p: { title: string }) => p.title).sort();
      expect(titles).toEqual(['茅台王子酒 酱门经典', '贵州茅台酒 53度 飞天'].sort());
      expect(res.body.total).toBe(2);
      const one = await t.http.get('/api/app/products').query({ keyword: '茅台酒 53度' }).expect(200);
      expect(one.body.items.map((p: { title: string }) => p.title)).toEqual(['贵州茅台酒 53度 飞天']);
      // Subtitle, category name and spec values are searched too.
      expect((await t.http.get('/api/app/products').query({ keyword: '狮峰' })).body.total).toBe(1);
      expect((await t.http.get('/api/app/products').query({ keyword: '白酒' })).body.total).toBe(3);
      expect(
        (await t.http.get('/api/app/products').query({ keyword: '500ML' })).body.total,
      ).toBeGreaterThanOrEqual(5);
      // LIKE wildcards in the keyword match themselves only.
      expect(
        (await t.http.get('/api/app/products').query({ keyword: '%' })).body.items.map(
          (p: { title: string }) => p.title,
        ),
      ).toEqual(['100% 纯_粮']);
      expect((await t.http.get('/api/app/products').query({ keyword: '纯_' })).body.total).toBe(1);
      expect((await t.http.get('/api/app/products').query({ keyword: '不存在的' })).body).toMatchObject({
        items: [],
        total: 0,
      });
    });

    it('filters by category (a root includes its children) and sorts by price and newest', async () => {
      const byRoot = await t.http
        .get('/api/app/products')
        .query({ categoryId: liquor, sort: 'price' })
        .expect(200);
      expect(byRoot.body.items.map((p: { minPriceFen: number }) => p.minPriceFen)).toEqual([
        19900, 109900, 149900,
      ]);
      const desc = await t.http
        .get('/api/app/products')
        .query({ categoryId: liquor, sort: 'price', order: 'desc', pageSize: 2 })
        .expect(200);
      expect(desc.body).toMatchObject({ total: 3, pageSize: 2 });
      expect(desc.body.items.map((p: { minPriceFen: number }) => p.minPriceFen)).toEqual([149900, 109900]);
      const newest = await t.http
        .get('/api/app/products')
        .query({ categoryId: tea, sort: 'newest' })
        .expect(200);
      expect(newest.body.items.map((p: { title: string }) => p.title)).toEqual([
        '100% 纯_粮',
        '西湖龙井 明前特级',
      ]);
      const bad = await t.http.get('/api/app/products').query({ sort: 'random', pageSize: 500 }).expect(400);
      expect(bad.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'pageSize',
        'sort',
      ]);
    });

    it('has a trigram GIN index the planner can use for substring search', async () => {
      const runner = t.app.get(DataSource).createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off');
        const plan: { 'QUERY PLAN': string }[] = await runner.query(
          `EXPLAIN SELECT id FROM product WHERE search_text LIKE '%贵州茅台%'`,
        );
        expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('IDX_product_search_trgm');
      } finally {
        await runner.query('RESET enable_seqscan');
        await runner.release();
      }
    });
  });

  describe('uploads', () => {
    it('stores an image and serves it with long cache headers; refuses non-images', async () => {
      const up = await t.http
        .post('/api/admin/uploads')
        .set(auth(op))
        .attach('file', PNG_1x1, { filename: 'a.png', contentType: 'image/png' })
        .expect(201);
      expect(up.body).toMatchObject({ contentType: 'image/png', size: PNG_1x1.length });
      expect(up.body.url).toMatch(/^\/api\/uploads\/[0-9a-f]{64}\.png$/);
      const got = await t.http.get(up.body.url).expect(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Buffer.compare(got.body as Buffer, PNG_1x1)).toBe(0);
      await t.http.get(up.body.url).set('If-None-Match', got.headers.etag).expect(304);

      const notImage = await t.http
        .post('/api/admin/uploads')
        .set(auth(op))
        .attach('file', Buffer.from('<script>alert(1)</script>'), {
          filename: 'a.png',
          contentType: 'image/png',
        })
        .expect(400);
      expect(notImage.body.code).toBe('UPLOAD_INVALID');
      await t.http.post('/api/admin/uploads').set(auth(op)).send({ file: 'x' }).expect(400);
      await t.http
        .post('/api/admin/uploads')
        .set(auth(viewer))
        .attach('file', PNG_1x1, { filename: 'a.png', contentType: 'image/png' })
        .expect(403);
      const huge = Buffer.concat([PNG_1x1, Buffer.alloc(5 * 1024 * 1024)]);
      const tooBig = await t.http
        .post('/api/admin/uploads')
        .set(auth(op))
        .attach('file', huge, { filename: 'big.png', contentType: 'image/png' })
        .expect(413);
      expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');
      await t.http.get(`/api/uploads/${'0'.repeat(64)}.png`).expect(404);
      await t.http.get('/api/uploads/..%2F..%2Fetc%2Fpasswd').expect(404);
    });
  });
});
