import { ApiError, createApiClient, type ApiClient } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser } from '../factories/identity.factory';
import { newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';
import { StoreStockService } from '../../src/modules/stores/store-stock.service';
import { Order } from '../../src/modules/orders/entities/order.entity';

const ADDRESS = {
  name: '李四',
  phone: '13900000000',
  province: '浙江省',
  city: '杭州市',
  district: '滨江区',
  detail: '江南大道1号',
};

/** A cart whose lines choose different fulfilment modes becomes one order per mode (拆单). */
describe('checkout with a fulfilment mode per line', () => {
  let t: TestAppWithSim;
  let api: ApiClient;
  let buyerId: string;
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    const buyer = await loginNewUser(t, '混合下单');
    buyerId = buyer.id;
    api = createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => buyer.token });
  });
  afterAll(() => t.close());

  async function setup() {
    const store = await newStore(t);
    const wine = await newProduct(t, {
      title: '长城干红 750ml',
      skus: [skuInput({ priceFen: 8_800, stock: 10 })],
    });
    const tea = await newProduct(t, {
      title: '西湖龙井 250g',
      skus: [skuInput({ priceFen: 26_800, stock: 0 })],
    });
    await putStoreStock(t, store.id, tea.skus[0].id, 2);
    return { store, wineSku: wine.skus[0].id, teaSku: tea.skus[0].id };
  }
  const platformStock = async (skuId: string) =>
    Number(
      (
        await t.app.get(TransactionService).manager(ctx).query('SELECT stock FROM sku WHERE id = $1', [skuId])
      )[0].stock,
    );
  const storeStock = async (storeId: string, skuId: string) =>
    (await t.app.get(StoreStockService).quantities(ctx, storeId, [skuId])).get(skuId);

  it('quotes one group per mode and places them as separate orders, once per key', async () => {
    const { store, wineSku, teaSku } = await setup();
    const body = {
      mode: 'express' as const,
      storeId: store.id,
      address: ADDRESS,
      items: [
        { skuId: wineSku, qty: 2 },
        { skuId: teaSku, qty: 1, mode: 'take_away' as const },
      ],
    };
    const quote = (await api.POST('/api/app/checkout/split-quote', { body })).data!;
    expect(quote.groups.map((g) => [g.mode, g.goodsFen])).toEqual([
      ['express', 17_600],
      ['take_away', 26_800],
    ]);
    expect(quote.goodsFen).toBe(44_400);
    expect(quote.payableFen).toBe(quote.groups.reduce((s, g) => s + g.payableFen, 0));

    const key = `split-${randomUUID()}`;
    const place = () =>
      api.POST('/api/app/checkout/orders', { params: { header: { 'Idempotency-Key': key } }, body });
    const [a, b] = await Promise.all([place(), place()]);
    const orders = a.data!;
    expect(b.data!.map((o) => o.id)).toEqual(orders.map((o) => o.id));
    expect(orders.map((o) => [o.mode, o.payableFen, o.status])).toEqual([
      ['express', quote.groups[0].payableFen, 'PENDING_PAYMENT'],
      ['take_away', 26_800, 'PENDING_PAYMENT'],
    ]);
    expect(await platformStock(wineSku)).toBe(8);
    expect(await storeStock(store.id, teaSku)).toBe(1);
  });

  it('places none of the orders when one group cannot be served', async () => {
    const { store, wineSku, teaSku } = await setup();
    const before = await t.app.get(TransactionService).repo(ctx, Order).countBy({ buyerId });
    const err = await api
      .POST('/api/app/checkout/orders', {
        params: { header: { 'Idempotency-Key': `split-${randomUUID()}` } },
        body: {
          mode: 'express',
          storeId: store.id,
          address: ADDRESS,
          items: [
            { skuId: wineSku, qty: 1 },
            { skuId: teaSku, qty: 3, mode: 'pickup' },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('ORDER_INSUFFICIENT_STOCK');
    expect(await t.app.get(TransactionService).repo(ctx, Order).countBy({ buyerId })).toBe(before);
    expect(await platformStock(wineSku)).toBe(10);
  });

  it('refuses mixed modes on the single-order endpoints with a clear code', async () => {
    const { store, wineSku, teaSku } = await setup();
    const err = await api
      .POST('/api/app/checkout/quote', {
        body: {
          mode: 'express',
          storeId: store.id,
          address: ADDRESS,
          items: [
            { skuId: wineSku, qty: 1 },
            { skuId: teaSku, qty: 1, mode: 'take_away' },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('ORDER_MIXED_MODES');
  });
});
