import { newProduct } from '../factories/catalog.factory';
import { adminToken } from '../factories/auth.factory';
import { bootTestApp, type TestApp } from '../app';

/** Issue 19 point 6: consumers see a shopper's product page, not the operator's terms. */
describe('consumer product view', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('GET /api/app/products/{id} carries no reward or commission rates and no SKU codes', async () => {
    const p = await newProduct(t, { rewardRateBp: 800, commissionRateBp: 1200 } as never);
    const res = await t.http.get(`/api/app/products/${p.id}`).expect(200);
    const text = JSON.stringify(res.body);
    for (const internal of ['rewardRateBp', 'commissionRateBp', 'RateBp', '"code"', 'barcode', 'sortOrder'])
      expect(text).not.toContain(internal);
    expect(res.body.skus[0]).toEqual({
      id: p.skus[0].id,
      specs: p.skus[0].specs,
      priceFen: p.skus[0].priceFen,
      originalPriceFen: p.skus[0].originalPriceFen,
      stock: expect.any(Number),
    });
    // The operator still sees and edits the rates.
    const admin = await t.http
      .get(`/api/admin/products/${p.id}`)
      .set('authorization', `Bearer ${await adminToken(t, ['admin'])}`)
      .expect(200);
    expect(admin.body).toMatchObject({ rewardRateBp: 800, commissionRateBp: 1200 });
  });
});
