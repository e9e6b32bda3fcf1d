import { RequestContext } from '../../src/common/request-context';
import { CustomersService } from '../../src/modules/referral/customers.service';
import { adminToken } from '../factories/auth.factory';
import { newProduct } from '../factories/catalog.factory';
import { bearer, loginNewUser } from '../factories/identity.factory';
import { newShelf, newStore } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/** Stores and referral together: scanning a shelf code locks the customer to its store (一键锁客). */
describe('scan → store lock, across modules', () => {
  let t: TestAppWithSim;
  beforeAll(async () => {
    t = await bootTestAppWithSim();
  });
  afterAll(() => t.close());

  it('locks a logged-in customer to the first store scanned, and not to the second (policy first)', async () => {
    const product = await newProduct(t, { title: '西湖龙井 明前特级 250g' });
    const storeA = await newStore(t, { name: '湖滨银泰店' });
    const storeB = await newStore(t, { name: '武林广场店' });
    const shelfA = await newShelf(t, storeA.id, [product.id]);
    const shelfB = await newShelf(t, storeB.id, [product.id]);
    const buyer = await loginNewUser(t, '扫码顾客');
    await t.http.get(`/api/app/scan/${shelfA.code}`).set(bearer(buyer.token)).expect(200);
    await t.http.get(`/api/app/scan/${shelfB.code}`).set(bearer(buyer.token)).expect(200);
    const view = await t.app.get(CustomersService).get(RequestContext.system('test'), buyer.id);
    expect(view?.storeId).toBe(storeA.id);
    const events = await t.http
      .get(`/api/admin/customers/${buyer.id}/binding-events`)
      .set(bearer(await adminToken(t, ['operator'])))
      .expect(200);
    const items = events.body.items ?? events.body;
    expect(items).toEqual([expect.objectContaining({ source: 'scan_code' })]);
  });
});
