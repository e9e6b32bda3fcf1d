import { newProduct } from '../factories/catalog.factory';
import { adminToken } from '../factories/auth.factory';
import { RequestContext } from '../../src/common/request-context';
import { ResellerService } from '../../src/modules/referral/reseller.service';
import { loginNewUser } from '../factories/identity.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/** Issue 19 point 6: consumers see a shopper's product page, not the operator's terms. */
describe('consumer product view', () => {
  let t: TestAppWithSim;
  beforeAll(async () => {
    t = await bootTestAppWithSim();
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

  it('a reseller sees their own earning per SKU, computed server-side; others are refused', async () => {
    const p = await newProduct(t, { commissionRateBp: 1200 } as never);
    const shopper = await loginNewUser(t, '顾客');
    const refused = await t.http
      .get(`/api/app/products/${p.id}/my-earning`)
      .set('authorization', `Bearer ${shopper.token}`)
      .expect(403);
    expect(refused.body.code).toBe('REFERRAL_NOT_RESELLER');
    const reseller = await loginNewUser(t, '推广员');
    const ctx = RequestContext.system('test');
    await t.app.get(ResellerService).apply(ctx, reseller.id);
    await t.app.get(ResellerService).approve(ctx, reseller.id);
    const res = await t.http
      .get(`/api/app/products/${p.id}/my-earning`)
      .set('authorization', `Bearer ${reseller.token}`)
      .expect(200);
    expect(res.body).toEqual({
      productId: p.id,
      skus: p.skus.map((s) => ({ skuId: s.id, earnFen: Math.floor((s.priceFen * 1200) / 10000) })),
    });
  });
});
