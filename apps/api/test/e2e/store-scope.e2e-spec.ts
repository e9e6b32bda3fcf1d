import { ApiError, createApiClient, type ApiClient } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { OfflineSalesService } from '../../src/modules/orders/fulfilment/offline-sales.service';
import { StoreLockService } from '../../src/modules/referral/store-lock.service';
import { adminToken } from '../factories/auth.factory';
import { newProduct } from '../factories/catalog.factory';
import { ADMIN_PASSWORD, loginAdmin, loginNewUser } from '../factories/identity.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/**
 * A store manager sees only the stores on their account: lists are filtered and
 * another store's rows answer 404 (never 403, so their existence stays hidden).
 * Other admin roles are not limited.
 */
describe('store manager scope', () => {
  let t: TestAppWithSim;
  let admin: ApiClient;
  let operator: ApiClient;
  const ctx = RequestContext.system('test');
  const client = (token: string) =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });
  /** The client rejects with ApiError on a non-2xx answer. */
  const failure = (call: Promise<unknown>) =>
    call.then(
      () => null,
      (e: unknown) => (e instanceof ApiError ? { status: e.status, code: e.code, details: e.details } : e),
    );
  const a = { store: '', shelf: '', order: '', customer: '' };
  const b = { store: '', shelf: '', order: '', customer: '' };

  /** A store with an owner, a shelf, a customer locked to it and one till sale by that customer. */
  async function storeWithSale(name: string, productId: string, skuId: string) {
    const [owner, customer] = await Promise.all([
      loginNewUser(t, `${name}店主`),
      loginNewUser(t, `${name}顾客`),
    ]);
    const store = await newStore(t, { name, ownerUserId: owner.id });
    const shelf = await newShelf(t, store.id, [productId]);
    await putStoreStock(t, store.id, skuId, 5);
    await t.app.get(StoreLockService).moveByAdmin(ctx, customer.id, store.id, '测试');
    const sales = t.app.get(OfflineSalesService);
    const { code } = await sales.memberCode(ctx, customer.id);
    const order = await sales.record(ctx, owner.id, store.id, randomUUID(), {
      memberCode: code,
      items: [{ skuId, qty: 1 }],
      amountFen: 9900,
    });
    return { store: store.id, shelf: shelf.id, order, customer: customer.id };
  }

  beforeAll(async () => {
    t = await bootTestAppWithSim({ ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD }, [], { listen: true });
    admin = client(await loginAdmin(t));
    operator = client(await adminToken(t, ['operator']));
    const p = await newProduct(t);
    Object.assign(a, await storeWithSale('甲店', p.id, p.skus[0].id));
    Object.assign(b, await storeWithSale('乙店', p.id, p.skus[0].id));
  });
  afterAll(() => t.close());

  async function newManager(storeIds: string[]) {
    const username = `mgr_${randomUUID().slice(0, 8)}`;
    const res = await admin.POST('/api/admin/admin-users', {
      body: { username, password: 'manager-pass-1', roles: ['store_manager'], storeIds },
    });
    expect(res.data?.storeIds).toEqual(storeIds);
    const login = await t.http
      .post('/api/admin/auth/login')
      .send({ username, password: 'manager-pass-1' })
      .expect(200);
    return { id: res.data!.id, api: client(login.body.accessToken as string) };
  }

  it('refuses unknown store ids on an admin account', async () => {
    const missing = randomUUID();
    const res = await failure(
      admin.POST('/api/admin/admin-users', {
        body: {
          username: 'mgr_bad',
          password: 'manager-pass-1',
          roles: ['store_manager'],
          storeIds: [a.store, missing],
        },
      }),
    );
    expect(res).toEqual({ status: 400, code: 'ADMIN_STORE_NOT_FOUND', details: { storeIds: [missing] } });
  });

  it('a manager of store A sees A’s stores, orders and customers, and 404 for B’s', async () => {
    const { api } = await newManager([a.store]);

    const stores = (await api.GET('/api/admin/stores', { params: { query: {} } })).data!;
    expect(stores.items.map((s) => s.id)).toEqual([a.store]);
    expect(stores.total).toBe(1);
    // Opening a store is the operator's call, not a store manager's.
    const opened = await failure(
      api.POST('/api/admin/stores', {
        body: { name: '新店', address: '杭州市', city: '杭州', lat: 30.25, lng: 120.16 } as never,
      }),
    );
    expect(opened).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await api.GET('/api/admin/stores/{id}', { params: { path: { id: a.store } } })).data?.id).toBe(
      a.store,
    );

    const orders = (await api.GET('/api/admin/orders', { params: { query: {} } })).data!;
    expect(orders.items.map((o) => o.id)).toEqual([a.order]);
    const asked = (await api.GET('/api/admin/orders', { params: { query: { storeId: b.store } } })).data!;
    expect(asked).toMatchObject({ items: [], total: 0 });
    const one = await api.GET('/api/admin/orders/{id}', { params: { path: { id: a.order } } });
    expect(one.data?.id).toBe(a.order);

    const customers = (await api.GET('/api/admin/customers', { params: { query: {} } })).data!;
    expect(customers.items.map((c) => c.userId)).toEqual([a.customer]);
    const mine = await api.GET('/api/admin/customers/{id}', { params: { path: { id: a.customer } } });
    expect(mine.data?.storeId).toBe(a.store);

    const shelves = (
      await api.GET('/api/admin/stores/{id}/shelves', { params: { path: { id: a.store }, query: {} } })
    ).data!;
    expect(shelves.items.map((s) => s.id)).toEqual([a.shelf]);
    const logs = (await api.GET('/api/admin/scan-logs', { params: { query: { storeId: b.store } } })).data!;
    expect(logs.total).toBe(0);

    // Every way into store B looks like a missing row.
    // Each call is wrapped at once, so no rejection is left unobserved while an earlier one is awaited.
    const notFound: [Promise<unknown>, string][] = [
      [failure(api.GET('/api/admin/stores/{id}', { params: { path: { id: b.store } } })), 'STORE_NOT_FOUND'],
      [
        failure(api.GET('/api/admin/stores/{id}/stock', { params: { path: { id: b.store }, query: {} } })),
        'STORE_NOT_FOUND',
      ],
      [
        failure(api.GET('/api/admin/stores/{id}/shelves', { params: { path: { id: b.store }, query: {} } })),
        'STORE_NOT_FOUND',
      ],
      [
        failure(
          api.GET('/api/admin/stores/{id}/scan-codes', { params: { path: { id: b.store }, query: {} } }),
        ),
        'STORE_NOT_FOUND',
      ],
      [failure(api.GET('/api/admin/shelves/{id}', { params: { path: { id: b.shelf } } })), 'SHELF_NOT_FOUND'],
      [
        failure(
          api.PATCH('/api/admin/stores/{id}', { params: { path: { id: b.store } }, body: { name: '改名' } }),
        ),
        'STORE_NOT_FOUND',
      ],
      [failure(api.GET('/api/admin/orders/{id}', { params: { path: { id: b.order } } })), 'ORDER_NOT_FOUND'],
      [
        failure(api.GET('/api/admin/customers/{id}', { params: { path: { id: b.customer } } })),
        'REFERRAL_CUSTOMER_NOT_FOUND',
      ],
    ];
    for (const [call, code] of notFound) {
      expect(await call).toMatchObject({ status: 404, code });
    }
  });

  it('an operator sees both stores; changing a manager’s stores ends their sessions', async () => {
    const stores = (await operator.GET('/api/admin/stores', { params: { query: { pageSize: 100 } } })).data!;
    expect(stores.items.map((s) => s.id)).toEqual(expect.arrayContaining([a.store, b.store]));
    const orders = (await operator.GET('/api/admin/orders', { params: { query: {} } })).data!;
    expect(orders.items.map((o) => o.id)).toEqual(expect.arrayContaining([a.order, b.order]));
    const customers = (await operator.GET('/api/admin/customers', { params: { query: {} } })).data!;
    expect(customers.items.map((c) => c.userId)).toEqual(expect.arrayContaining([a.customer, b.customer]));
    for (const id of [a.order, b.order]) {
      expect((await operator.GET('/api/admin/orders/{id}', { params: { path: { id } } })).data?.id).toBe(id);
    }
    expect(
      (await operator.GET('/api/admin/customers/{id}', { params: { path: { id: b.customer } } })).data
        ?.storeId,
    ).toBe(b.store);

    const mgr = await newManager([a.store]);
    await admin.PATCH('/api/admin/admin-users/{id}', {
      params: { path: { id: mgr.id } },
      body: { storeIds: [a.store, b.store] },
    });
    const stale = await failure(mgr.api.GET('/api/admin/stores', { params: { query: {} } }));
    expect(stale).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
