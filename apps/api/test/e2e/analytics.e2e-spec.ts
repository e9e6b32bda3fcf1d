import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { chinaToday } from '../../src/modules/analytics/analytics-range';
import { RollupService } from '../../src/modules/analytics/rollup.service';
import { ScanLogWriter } from '../../src/modules/stores/scan-log.writer';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { Refund } from '../../src/modules/payments/entities/refund.entity';
import { adminToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

type Totals = Schemas['TotalsDto'];

/**
 * The analytics path end to end through the generated client and the WeChat simulator:
 * scan, view, add to cart, order, pay, refund, and each number of the dashboard, the code
 * funnel and the store's own figures moves by exactly what happened.
 */
describe('analytics: scan → view → cart → order → paid → refund, each number exact', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let rollups: RollupService;
  const ctx = RequestContext.system('test');
  const client = (token: string): ApiClient =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    rollups = t.app.get(RollupService);
  });
  afterAll(() => t.close());

  const today = () => chinaToday(new Date());
  /**
   * The minute sweep, run now (up to this instant) instead of waiting for the cron. Scans reach
   * scan_log in batches every 500 ms (the real sweep stays 15 s behind the clock); write them first.
   */
  const sweep = async () => {
    await t.app.get(ScanLogWriter).flush();
    await rollups.sweep(ctx, new Date(Date.now() + 1));
  };

  it('moves every figure by exactly one fact, and answers 400/404 on bad input', async () => {
    const admin = client(await adminToken(t, ['admin']));
    const dashboard = async (storeId?: string) => {
      const r = await admin.GET('/api/admin/analytics/dashboard', {
        params: { query: { from: today(), to: today(), storeId } },
      });
      expect(r.response.status).toBe(200);
      return r.data!;
    };
    const [owner, buyer] = await Promise.all([loginNewUser(t, '店主'), loginNewUser(t, '顾客')]);
    const store = await newStore(t, { name: '统计测试店', ownerUserId: owner.id });
    const product = await newProduct(t, {
      title: '西湖龙井 250g',
      skus: [skuInput({ priceFen: 8_800, stock: 0 })],
    });
    const skuId = product.skus[0].id;
    await putStoreStock(t, store.id, skuId, 10);
    const shelf = await newShelf(t, store.id, [product.id], 'B2 茶叶柜');
    await sweep();
    const before = (await dashboard(store.id)).current;
    const platformBefore = (await dashboard()).current;

    const buyerApi = client(buyer.token);
    const diff = (a: Totals, b: Totals) =>
      Object.fromEntries(
        (Object.keys(a) as (keyof Totals)[])
          .filter((k) => k !== 'aovFen' && a[k] !== b[k])
          .map((k) => [k, (a[k] ?? 0) - (b[k] ?? 0)]),
      );

    // Scan → view → add to cart: the funnel's first three steps, on the shelf's code.
    const scan = await buyerApi.GET('/api/app/scan/{code}', { params: { path: { code: shelf.code! } } });
    expect(scan.response.status).toBe(200);
    const scanCodeId = scan.data!.scanCodeId;
    const events = await buyerApi.POST('/api/app/events', {
      body: {
        events: [
          { kind: 'view', productId: product.id, scanCodeId },
          { kind: 'cart', productId: product.id, scanCodeId, qty: 2 },
        ],
      },
    });
    expect(events.response.status).toBe(202);
    expect(events.data).toEqual({ accepted: 2 });
    await sweep();
    let now = (await dashboard(store.id)).current;
    expect(diff(now, before)).toEqual({ scans: 1, views: 1, carts: 1 });

    // Order placed (take-away, 2 × 88.00): the fourth step.
    const placed = await buyerApi.POST('/api/app/orders', {
      params: { header: { 'Idempotency-Key': `k-${randomUUID()}` } },
      body: { mode: 'take_away', scanCode: shelf.code!, items: [{ skuId, qty: 2 }] },
    });
    const order = placed.data as Schemas['OrderDto'];
    await sweep();
    now = (await dashboard(store.id)).current;
    expect(diff(now, before)).toEqual({ scans: 1, views: 1, carts: 1, orders: 1 });

    // Paid through WeChat (simulator): the orders.facts job adds GMV, a paid order and a customer.
    await buyerApi.POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } });
    const prepay = await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order.id });
    await t.sim.pay(prepay.prepayId, buyer.openid);
    const paid = await eventually(async () => {
      const d = (await dashboard(store.id)).current;
      return d.paidOrders === before.paidOrders + 1 ? d : undefined;
    });
    expect(diff(paid, before)).toEqual({
      scans: 1,
      views: 1,
      carts: 1,
      orders: 1,
      paidOrders: 1,
      onlinePaidOrders: 1,
      paidCustomers: 1,
      gmvFen: 17_600,
      onlineGmvFen: 17_600,
      netFen: 17_600,
    });
    expect(paid.aovFen).toBe(Math.round(paid.gmvFen / paid.paidOrders));

    // The code funnel and the store centre show the same path on this shelf's code.
    const codes = await admin.GET('/api/admin/analytics/funnel/codes', {
      params: { query: { from: today(), to: today(), storeId: store.id } },
    });
    expect(codes.data!.rows).toEqual([
      {
        id: scanCodeId,
        name: shelf.code,
        shelfName: 'B2 茶叶柜',
        scans: 1,
        views: 1,
        carts: 1,
        orders: 1,
        paidOrders: 1,
        gmvFen: 17_600,
        offlineGmvFen: 0,
      },
    ]);
    const mine = await client(owner.token).GET('/api/app/stores/{storeId}/analytics', {
      params: { path: { storeId: store.id }, query: { from: today(), to: today() } },
    });
    expect(mine.data!.current).toMatchObject({ gmvFen: 17_600, paidOrders: 1, scans: 1, paidCustomers: 1 });
    expect(mine.data!.codes).toHaveLength(1);

    // Platform-wide: the same deltas (the store is the only activity of this file), a leaderboard entry.
    const platform = await dashboard();
    expect(platform.current.gmvFen - platformBefore.gmvFen).toBe(17_600);
    expect(platform.topStores[0]).toMatchObject({ id: store.id, name: '统计测试店', gmvFen: 17_600 });
    expect(platform.topProducts[0]).toMatchObject({ id: product.id, qty: 2, gmvFen: 17_600 });
    expect(platform.topShelves[0]).toMatchObject({ id: shelf.id, storeName: '统计测试店', qty: 1 });

    // A refund of one unit (after-sale approved, WeChat refunds): counted on the refund's day; GMV stays.
    const afterSale = await buyerApi.POST('/api/app/after-sales', {
      params: { header: { 'Idempotency-Key': `a-${randomUUID()}` } },
      body: {
        orderId: order.id,
        lineId: order.lines[0].id,
        qty: 1,
        type: 'refund_only',
        reason: '不想要了',
        photos: [],
      },
    });
    expect(afterSale.response.status).toBe(201);
    await admin.POST('/api/admin/after-sales/{id}/approve', { params: { path: { id: afterSale.data!.id } } });
    const refund = await eventually(async () => {
      const r = await tx.repo(ctx, Refund).findOneBy({ orderId: order.id });
      return r?.status === 'PROCESSING' ? r : undefined;
    });
    await t.sim.control('POST', `/sim/refunds/${refund.outRefundNo}/complete`, {});
    const refunded = await eventually(async () => {
      const d = (await dashboard(store.id)).current;
      return d.refunds === before.refunds + 1 ? d : undefined;
    });
    expect(diff(refunded, paid)).toEqual({ refunds: 1, refundFen: 8_800, netFen: -8_800 });

    // A rebuild of today recomputes the same numbers from the source tables (and is audited).
    const rebuilt = await admin.POST('/api/admin/analytics/rebuild', {
      body: { from: today(), to: today() },
    });
    expect(rebuilt.response.status).toBe(200);
    expect((await dashboard(store.id)).current).toEqual(refunded);

    // Every report exports as CSV.
    const csv = await fetch(
      `${t.config.publicBaseUrl}/api/admin/analytics/export.csv?report=code-funnel&from=${today()}&to=${today()}&storeId=${store.id}`,
      { headers: { authorization: `Bearer ${await adminToken(t, ['admin'])}` } },
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(`"${shelf.code}","B2 茶叶柜","1","1","1","1","1","176.00","0.00"`);

    // Bad input: over two years, a future range, an unknown store (400); a stranger's store figures (404);
    // an oversized event batch (400).
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { status: number; code: string }) => ({ status: e.status, code: e.code }),
      );
    const bad = (query: { from: string; to: string; storeId?: string }) =>
      failure(admin.GET('/api/admin/analytics/dashboard', { params: { query } }));
    const range400 = { status: 400, code: 'ANALYTICS_RANGE_INVALID' };
    expect(await bad({ from: '2023-01-01', to: today() })).toEqual(range400);
    expect(await bad({ from: today(), to: '2999-01-01' })).toEqual(range400);
    expect(await bad({ from: today(), to: today(), storeId: randomUUID() })).toEqual({
      status: 400,
      code: 'ANALYTICS_STORE_UNKNOWN',
    });
    const stranger = failure(
      buyerApi.GET('/api/app/stores/{storeId}/analytics', {
        params: { path: { storeId: store.id }, query: { from: today(), to: today() } },
      }),
    );
    expect(await stranger).toEqual({ status: 404, code: 'STORE_NOT_FOUND' });
    const big = failure(
      buyerApi.POST('/api/app/events', {
        body: {
          events: Array.from({ length: 51 }, () => ({ kind: 'view' as const, productId: product.id })),
        },
      }),
    );
    expect(await big).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
