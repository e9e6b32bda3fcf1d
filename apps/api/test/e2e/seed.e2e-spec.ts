import { DataSource } from 'typeorm';
import { bootTestApp, type TestApp } from '../app';
import { SEEDERS } from '../../src/app.seed';
import { SEED_PRODUCTS } from '../../src/modules/catalog/catalog.seed';
import { SEED_STORES } from '../../src/modules/stores/stores.seed';

describe('demo seed (catalog and stores)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  const counts = async () => {
    const [row] = await t.app.get(DataSource).query(
      `SELECT (SELECT count(*)::int FROM product) AS products, (SELECT count(*)::int FROM sku) AS skus,
              (SELECT count(*)::int FROM store) AS stores, (SELECT count(*)::int FROM shelf) AS shelves,
              (SELECT count(*)::int FROM shelf_slot) AS slots, (SELECT count(*)::int FROM scan_code) AS codes,
              (SELECT count(*)::int FROM store_stock WHERE qty > 0) AS stocked`,
    );
    return row;
  };

  it('builds ~30 products and 3 stores with shelves, codes and stock, and is idempotent', async () => {
    for (const s of SEEDERS) await s.run(t.app, t.config);
    const first = await counts();
    expect(first.products).toBe(SEED_PRODUCTS.length);
    expect(first.products).toBeGreaterThanOrEqual(30);
    expect(first.stores).toBe(SEED_STORES.length);
    expect(first.shelves).toBe(SEED_STORES.reduce((n, s) => n + s.shelves.length, 0));
    expect(first.codes).toBe(first.shelves);
    expect(first.stocked).toBe(first.slots);
    for (const s of SEEDERS) await s.run(t.app, t.config);
    expect(await counts()).toEqual(first);

    // What `pnpm start` shows: search, nearby and a scan.
    const search = await t.http.get('/api/app/products').query({ keyword: '茅台' }).expect(200);
    expect(search.body.items[0].title).toBe('贵州茅台酒 53度 飞天');
    const near = await t.http
      .get('/api/app/stores/nearby')
      .query({ lat: 30.2593, lng: 120.1527 })
      .expect(200);
    expect(near.body.items.map((s: { name: string }) => s.name)).toEqual([
      '云货架·湖滨银泰店',
      '云货架·武林广场店',
      '云货架·滨江星光店',
    ]);
    const [{ code }] = await t.app
      .get(DataSource)
      .query(`SELECT c.code FROM scan_code c JOIN shelf s ON s.id = c.shelf_id WHERE s.name = 'A1 名酒柜'`);
    const scan = await t.http.get(`/api/app/scan/${code}`).expect(200);
    expect(scan.body.items).toHaveLength(6);
    expect(scan.body.items[0].skus[0].storeStock).toBeGreaterThan(0);
  });
});
