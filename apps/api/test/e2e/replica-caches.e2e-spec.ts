import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app.factory';
import { adminToken } from '../factories/auth.factory';
import { newProduct } from '../factories/catalog.factory';
import { bearer } from '../factories/identity.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestApp, type TestApp } from '../app';

/**
 * Two replicas (two application instances, each with its own memory caches and its own
 * LISTEN connection) on one database: a change made through the admin on A shows in the
 * very next read on B, and stock is never served from memory.
 */
describe('in-memory caches across replicas', () => {
  let a: TestApp;
  let b: NestFastifyApplication;
  let httpB: TestAgent;
  let admin: string;
  beforeAll(async () => {
    a = await bootTestApp();
    b = await createApp(a.config);
    await b.init();
    await b.getHttpAdapter().getInstance().ready();
    httpB = request(b.getHttpServer());
    admin = await adminToken(a, ['admin']);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a product, price and shelf change on one replica shows in the next scan on the other; stock is exact', async () => {
    const product = await newProduct(a, { title: '西湖龙井 250g' });
    const other = await newProduct(a, { title: '安吉白茶 100g' });
    const store = await newStore(a, { name: '湖滨店' });
    const shelf = await newShelf(a, store.id, [product.id]);
    const sku = product.skus[0];
    const scanB = async () => (await httpB.get(`/api/app/scan/${shelf.code}`).expect(200)).body;

    expect((await scanB()).items[0]).toMatchObject({ title: '西湖龙井 250g' }); // now cached on B
    await a.http
      .patch(`/api/admin/products/${product.id}`)
      .set(bearer(admin))
      .send({ title: '西湖龙井 明前 250g' })
      .expect(200);
    expect((await scanB()).items[0].title).toBe('西湖龙井 明前 250g');

    await a.http.patch(`/api/admin/skus/${sku.id}`).set(bearer(admin)).send({ priceFen: 12345 }).expect(200);
    expect((await scanB()).items[0].skus[0].priceFen).toBe(12345);

    await a.http
      .put(`/api/admin/shelves/${shelf.id}/slots`)
      .set(bearer(admin))
      .send({ slots: [{ productId: other.id }, { productId: product.id }] })
      .expect(200);
    expect((await scanB()).items.map((i: { title: string }) => i.title)).toEqual([
      '安吉白茶 100g',
      '西湖龙井 明前 250g',
    ]);

    await putStoreStock(a, store.id, sku.id, 7);
    expect((await scanB()).items[1].skus[0].storeStock).toBe(7);
    await a.http
      .post(`/api/admin/skus/${sku.id}/stock-adjustments`)
      .set(bearer(admin))
      .send({ delta: -1, note: '盘点' })
      .expect(201);
    expect((await scanB()).items[1].skus[0].platformStock).toBe(sku.stock - 1);
  });

  it('a settings change on one replica is what the other reads next', async () => {
    const read = async () =>
      (await httpB.get('/api/admin/settings').set(bearer(admin)).expect(200)).body.storeLockDays;
    const before = await read();
    await a.http
      .put('/api/admin/settings')
      .set(bearer(admin))
      .send({ storeLockDays: before + 1 })
      .expect(200);
    expect(await read()).toBe(before + 1);
  });
});
