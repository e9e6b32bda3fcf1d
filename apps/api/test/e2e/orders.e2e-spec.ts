import { AfterSaleEvent } from '../../src/modules/orders/after-sales/after-sale-event.entity';
import { RefundEvent } from '../../src/modules/payments/entities/refund-event.entity';
import { createApiClient, ApiError, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import jsQR from 'jsqr';
import { randomUUID } from 'node:crypto';
import { PNG } from 'pngjs';
import { DAY_MS, Clock } from '../../src/common/clock';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { JobsService, jobIdFor } from '../../src/jobs/jobs.service';
import { WechatPayClient } from '../../src/wechat';
import { adminToken, userToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser, type LoggedInUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { Refund } from '../../src/modules/payments/entities/refund.entity';
import { PaymentsService } from '../../src/modules/payments/payments.service';
import { ResellerService } from '../../src/modules/referral/reseller.service';
import { ShareLinkService } from '../../src/modules/referral/share-link.service';
import { SettingsService } from '../../src/modules/settings/settings.service';
import { ScanCode } from '../../src/modules/stores/entities/scan-code.entity';
import { ScanCodeService } from '../../src/modules/stores/scan-code.service';
import { StoreStockService } from '../../src/modules/stores/store-stock.service';
import { OrderEvent } from '../../src/modules/orders/entities/order-event.entity';
import { OrderLine } from '../../src/modules/orders/entities/order-line.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { FulfilmentService } from '../../src/modules/orders/fulfilment/fulfilment.service';
import {
  orderCompletedJob,
  orderLineRefundedJob,
  orderPaidJob,
  REWARD_ORDER_SOURCE,
  type RewardOrderSource,
} from '../../src/modules/orders/orders.ports';
import { orderAutoReceiveJob, orderPayTimeoutJob } from '../../src/modules/orders/orders.jobs';

type OrderDto = Schemas['OrderDto'];
const ADDRESS = {
  name: '张三',
  phone: '13800000000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路1号',
};

/** Reads a binary body (supertest buffers only known binary types). */
const binaryBody = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('orders through the generated client and the simulator', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let admin: ApiClient;
  let buyer: LoggedInUser;
  let staff: LoggedInUser;
  let otherStaff: LoggedInUser;
  const ctx = RequestContext.system('test');
  const client = (token: string) =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });
  const key = () => `k-${randomUUID()}`;

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    admin = client(await adminToken(t, ['admin']));
    [buyer, staff, otherStaff] = await Promise.all([
      loginNewUser(t, '买家'),
      loginNewUser(t, '店员'),
      loginNewUser(t, '别店店员'),
    ]);
  });
  afterAll(() => t.close());

  const orderRow = (id: string) => tx.repo(ctx, Order).findOneByOrFail({ id });
  const payment = (orderId: string) => tx.repo(ctx, Payment).findOneByOrFail({ orderId, status: 'PENDING' });
  const skuStock = async (skuId: string) =>
    Number((await tx.manager(ctx).query(`SELECT stock FROM sku WHERE id = $1`, [skuId]))[0].stock);
  const storeStock = async (storeId: string, skuId: string) =>
    (await t.app.get(StoreStockService).quantities(ctx, storeId, [skuId])).get(skuId)!;
  const jobExists = async (job: { name: string }, k: string) =>
    Boolean(await t.app.get(JobsService).getJob(job as never, jobIdFor(job.name, k)));

  async function place(api: ApiClient, body: Schemas['CheckoutDto'], k = key()): Promise<OrderDto> {
    const { data } = await api.POST('/api/app/orders', {
      params: { header: { 'Idempotency-Key': k } },
      body,
    });
    return data!;
  }

  /** Pays through the API and the simulator; waits for the notification to land. */
  async function pay(api: ApiClient, user: LoggedInUser, orderId: string): Promise<OrderDto> {
    const { data } = await api.POST('/api/app/orders/{id}/pay', { params: { path: { id: orderId } } });
    expect(data!.requestPayment.package).toMatch(/^prepay_id=/);
    await t.sim.pay((await payment(orderId)).prepayId, user.openid);
    return eventually(async () => {
      const o = await orderRow(orderId);
      return o.status !== 'PENDING_PAYMENT'
        ? (await api.GET('/api/app/orders/{id}', { params: { path: { id: orderId } } })).data!
        : undefined;
    });
  }

  async function completeRefund(refundId: string): Promise<void> {
    const r = await eventually(async () => {
      const row = await tx.repo(ctx, Refund).findOneByOrFail({ id: refundId });
      return row.status === 'PROCESSING' ? row : undefined;
    });
    await t.sim.control('POST', `/sim/refunds/${r.outRefundNo}/complete`, {});
    await eventually(
      async () => (await tx.repo(ctx, Refund).findOneByOrFail({ id: refundId })).status === 'SUCCESS',
    );
  }

  it('express: fee template, quote, idempotent double tap, pay, ship, receive — with history and events', async () => {
    const buyerApi = client(buyer.token);
    await admin.POST('/api/admin/shipping-templates', {
      body: {
        name: '默认',
        firstWeightGrams: 1000,
        firstFeeFen: 1000,
        extraWeightGrams: 1000,
        extraFeeFen: 500,
        freeOverFen: 100_000,
        regions: [{ provinces: ['新疆维吾尔自治区'], firstFeeFen: 3000, extraFeeFen: 2000 }],
      },
    });
    const p = await newProduct(t, {
      skus: [skuInput({ priceFen: 12_900, stock: 10, weightGrams: 1500 })],
      commissionRateBp: 1500,
    });
    const skuId = p.skus[0].id;
    const body = { mode: 'express' as const, items: [{ skuId, qty: 2 }], address: ADDRESS };

    const quote = (await buyerApi.POST('/api/app/checkout/quote', { body })).data!;
    expect(quote).toMatchObject({ goodsFen: 25_800, discountFen: 0, shippingFen: 2000, payableFen: 27_800 });
    const far = (
      await buyerApi.POST('/api/app/checkout/quote', {
        body: { ...body, address: { ...ADDRESS, province: '新疆维吾尔自治区' } },
      })
    ).data!;
    expect(far.shippingFen).toBe(3000 + 2000 * 2);

    const k = key();
    const [a, b] = await Promise.all([place(buyerApi, body, k), place(buyerApi, body, k)]);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({
      status: 'PENDING_PAYMENT',
      payableFen: 27_800,
      channel: 'online',
      mode: 'express',
    });
    expect(await skuStock(skuId)).toBe(8);
    const reused = await buyerApi
      .POST('/api/app/orders', {
        params: { header: { 'Idempotency-Key': k } },
        body: { ...body, items: [{ skuId, qty: 1 }] },
      })
      .catch((e: unknown) => e);
    expect(reused).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await jobExists(orderPayTimeoutJob, `timeout:${a.id}`)).toBe(true);

    const line = await tx.repo(ctx, OrderLine).findOneByOrFail({ orderId: a.id });
    expect(line.attribution).toMatchObject({
      buyerId: buyer.id,
      storeRateBp: 500,
      l1RateBp: 1500,
      l2RateBp: 300,
      agentRateBp: 100,
      selfPurchaseCommission: false,
    });

    const paid = await pay(buyerApi, buyer, a.id);
    expect(paid.status).toBe('PAID');
    expect(await jobExists(orderPaidJob, `paid:${a.id}`)).toBe(true);
    const rewardView = await t.app.get<RewardOrderSource>(REWARD_ORDER_SOURCE).rewardOrder(ctx, a.id);
    expect(rewardView!.lines).toEqual([expect.objectContaining({ paidFen: 25_800 })]);

    await admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: a.id } },
      body: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    });
    const received = (await buyerApi.POST('/api/app/orders/{id}/receive', { params: { path: { id: a.id } } }))
      .data!;
    expect(received.status).toBe('COMPLETED');
    expect(await jobExists(orderCompletedJob, `completed:${a.id}`)).toBe(true);
    const detail = (await admin.GET('/api/admin/orders/{id}', { params: { path: { id: a.id } } })).data!;
    expect(detail.history!.map((h) => `${h.fromStatus}>${h.toStatus}`)).toEqual([
      'null>PENDING_PAYMENT',
      'PENDING_PAYMENT>PAID',
      'PAID>SHIPPED',
      'SHIPPED>COMPLETED',
    ]);

    // Someone else's order does not exist for them.
    const stranger = client(await userToken(t));
    await expect(
      stranger.GET('/api/app/orders/{id}', { params: { path: { id: a.id } } }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('pickup: the code completes the order only for staff of the order’s store; take-away completes on payment', async () => {
    const buyerApi = client(buyer.token);
    const store = await newStore(t, { ownerUserId: staff.id, agentUserId: otherStaff.id });
    await newStore(t, { ownerUserId: otherStaff.id, name: '别的门店' });
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 5000, stock: 0 })] });
    const skuId = p.skus[0].id;
    await putStoreStock(t, store.id, skuId, 5);

    const pickup = await place(buyerApi, { mode: 'pickup', storeId: store.id, items: [{ skuId, qty: 2 }] });
    expect(await storeStock(store.id, skuId)).toBe(3);
    const line = await tx.repo(ctx, OrderLine).findOneByOrFail({ orderId: pickup.id });
    expect(line.attribution.storeId).not.toBe(store.id); // choosing a pickup store is not a scan
    const qrUrl = `/api/app/orders/${pickup.id}/pickup-qr.png`;
    await t.http.get(qrUrl).set('Authorization', `Bearer ${buyer.token}`).expect(404); // not paid yet
    const awaiting = await pay(buyerApi, buyer, pickup.id);
    expect(awaiting.status).toBe('AWAITING_PICKUP');
    expect(awaiting.pickupCode).toMatch(/^\d{6}$/);

    // The buyer's pickup QR decodes to the payload the staff scanner sends.
    const qr = await t.http
      .get(qrUrl)
      .set('Authorization', `Bearer ${buyer.token}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(qr.headers['content-type']).toBe('image/png');
    const img = PNG.sync.read(qr.body as Buffer);
    const payload = jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
    expect(payload).toBe(`cloudshelf:pickup:${awaiting.pickupCode}`);
    await t.http.get(qrUrl).set('Authorization', `Bearer ${staff.token}`).expect(404); // not theirs

    const wrong = await client(otherStaff.token)
      .POST('/api/app/pickups/verify', { body: { code: payload! } })
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 404 });
    const done = (await client(staff.token).POST('/api/app/pickups/verify', { body: { code: payload! } }))
      .data!;
    expect(done.status).toBe('COMPLETED');
    await expect(
      client(staff.token).POST('/api/app/pickups/verify', { body: { code: awaiting.pickupCode! } }),
    ).rejects.toMatchObject({ status: 404 });
    await t.http.get(qrUrl).set('Authorization', `Bearer ${buyer.token}`).expect(404); // picked up

    const takeAway = await place(buyerApi, {
      mode: 'take_away',
      storeId: store.id,
      items: [{ skuId, qty: 1 }],
    });
    const completed = await pay(buyerApi, buyer, takeAway.id);
    expect(completed.status).toBe('COMPLETED');
    expect(await jobExists(orderCompletedJob, `completed:${takeAway.id}`)).toBe(true);

    // Bad input: mode not allowed, unknown SKU, not enough store stock, suspended store.
    const expressOnly = await newProduct(t, { fulfilmentModes: ['express'] });
    await expect(
      place(buyerApi, {
        mode: 'pickup',
        storeId: store.id,
        items: [{ skuId: expressOnly.skus[0].id, qty: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'ORDER_MODE_NOT_ALLOWED' });
    await expect(
      place(buyerApi, { mode: 'express', address: ADDRESS, items: [{ skuId: randomUUID(), qty: 1 }] }),
    ).rejects.toMatchObject({ code: 'ORDER_SKU_NOT_FOUND' });
    await expect(
      place(buyerApi, { mode: 'take_away', storeId: store.id, items: [{ skuId, qty: 9 }] }),
    ).rejects.toMatchObject({ code: 'ORDER_INSUFFICIENT_STOCK' });
    await admin.PATCH('/api/admin/stores/{id}', {
      params: { path: { id: store.id } },
      body: { status: 'suspended' },
    });
    await expect(
      place(buyerApi, { mode: 'take_away', storeId: store.id, items: [{ skuId, qty: 1 }] }),
    ).rejects.toMatchObject({ code: 'ORDER_STORE_SUSPENDED' });
    expect(await storeStock(store.id, skuId)).toBe(2);
  });

  it('pickup elsewhere credits the customer’s store lock, not the pickup store (SPEC §5)', async () => {
    const shopper = await loginNewUser(t, '锁客顾客');
    const api = client(shopper.token);
    const [locked, pickupStore] = await Promise.all([
      newStore(t, { ownerUserId: staff.id, agentUserId: otherStaff.id, name: '锁客门店' }),
      newStore(t, { ownerUserId: otherStaff.id, name: '自提门店' }),
    ]);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 3000, stock: 0 })] });
    const skuId = p.skus[0].id;
    const shelf = await newShelf(t, locked.id, [p.id]);
    await putStoreStock(t, pickupStore.id, skuId, 5);
    await api.GET('/api/app/scan/{code}', { params: { path: { code: shelf.code! } } }); // locks to `locked`
    const order = await place(api, { mode: 'pickup', storeId: pickupStore.id, items: [{ skuId, qty: 1 }] });
    expect(order.storeId).toBe(pickupStore.id); // the goods wait there
    const line = await tx.repo(ctx, OrderLine).findOneByOrFail({ orderId: order.id });
    expect(line.attribution).toMatchObject({ storeId: locked.id, agentId: otherStaff.id });
    // A code scanned in this checkout does take the credit.
    const shelf2 = await newShelf(t, pickupStore.id, [p.id]);
    const scanned = await place(api, { mode: 'pickup', scanCode: shelf2.code!, items: [{ skuId, qty: 1 }] });
    const line2 = await tx.repo(ctx, OrderLine).findOneByOrFail({ orderId: scanned.id });
    expect(line2.attribution.storeId).toBe(pickupStore.id);
  });

  it('the quote reports stock shortages per line before the tap; placing refuses them', async () => {
    const api = client(buyer.token);
    const store = await newStore(t, { ownerUserId: staff.id, name: '缺货门店' });
    const p = await newProduct(t, {
      skus: [skuInput({ priceFen: 1000, stock: 3 }), skuInput({ priceFen: 2000, stock: 100 })],
    });
    const [a, b] = p.skus.map((k) => k.id);
    await putStoreStock(t, store.id, a, 15);
    await putStoreStock(t, store.id, b, 40);
    const pickup = (
      await api.POST('/api/app/checkout/quote', {
        body: {
          mode: 'pickup',
          storeId: store.id,
          items: [
            { skuId: a, qty: 21 },
            { skuId: b, qty: 2 },
          ],
        },
      })
    ).data!;
    expect(pickup.shortages).toEqual([{ skuId: a, requestedQty: 21, availableQty: 15 }]);
    const express = (
      await api.POST('/api/app/checkout/quote', {
        body: {
          mode: 'express',
          address: ADDRESS,
          items: [
            { skuId: a, qty: 4 },
            { skuId: b, qty: 2 },
          ],
        },
      })
    ).data!;
    expect(express.shortages).toEqual([{ skuId: a, requestedQty: 4, availableQty: 3 }]);
    const fine = (
      await api.POST('/api/app/checkout/quote', {
        body: { mode: 'pickup', storeId: store.id, items: [{ skuId: a, qty: 15 }] },
      })
    ).data!;
    expect(fine.shortages).toEqual([]);
    await expect(
      api.POST('/api/app/orders', {
        params: { header: { 'Idempotency-Key': key() } },
        body: { mode: 'pickup', storeId: store.id, items: [{ skuId: a, qty: 21 }] },
      }),
    ).rejects.toMatchObject({ code: 'ORDER_INSUFFICIENT_STOCK' });
  });

  it('scan code at checkout: the code’s store is the order’s and the credited store, before the store lock', async () => {
    const [shopper, agent] = await Promise.all([loginNewUser(t, '扫码顾客'), loginNewUser(t, '扫码代理')]);
    const api = client(shopper.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 3000, stock: 5 })] });
    const skuId = p.skus[0].id;
    const items = [{ skuId, qty: 1 }];
    const [locked, scanned] = await Promise.all([
      newStore(t, { name: '锁客门店' }),
      newStore(t, { name: '扫码门店', agentUserId: agent.id }),
    ]);
    const [lockedShelf, shelf] = await Promise.all([
      newShelf(t, locked.id, [p.id]),
      newShelf(t, scanned.id, [p.id]),
    ]);
    await putStoreStock(t, scanned.id, skuId, 3);
    await api.GET('/api/app/scan/{code}', { params: { path: { code: lockedShelf.code! } } });
    const byLock = await place(api, { mode: 'express', address: ADDRESS, items });
    expect(byLock.storeId).toBe(locked.id);

    const quote = (
      await api.POST('/api/app/checkout/quote', { body: { mode: 'pickup', scanCode: shelf.code!, items } })
    ).data!;
    expect(quote.storeId).toBe(scanned.id);
    const express = await place(api, { mode: 'express', address: ADDRESS, scanCode: shelf.code!, items });
    expect(express.storeId).toBe(scanned.id);
    expect(
      (await tx.repo(ctx, OrderLine).findOneByOrFail({ orderId: express.id })).attribution,
    ).toMatchObject({
      storeId: scanned.id,
      agentId: agent.id,
    });
    const pickup = await place(api, { mode: 'pickup', storeId: scanned.id, scanCode: shelf.code!, items });
    expect(pickup.storeId).toBe(scanned.id);
    expect(await storeStock(scanned.id, skuId)).toBe(2);

    await expect(
      place(api, { mode: 'pickup', storeId: locked.id, scanCode: shelf.code!, items }),
    ).rejects.toMatchObject({ status: 400, code: 'ORDER_SCAN_CODE_STORE_MISMATCH' });
    await expect(
      api.POST('/api/app/checkout/quote', { body: { mode: 'pickup', scanCode: 'NoSuchCode42', items } }),
    ).rejects.toMatchObject({ status: 404, code: 'SCAN_CODE_NOT_FOUND' });
    await expect(
      api.POST('/api/app/checkout/quote', { body: { mode: 'pickup', scanCode: 'bad-code!', items } }),
    ).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const row = await tx.repo(ctx, ScanCode).findOneByOrFail({ code: shelf.code! });
    await t.app.get(ScanCodeService).disable(ctx, row.id);
    await expect(place(api, { mode: 'take_away', scanCode: shelf.code!, items })).rejects.toMatchObject({
      status: 410,
      code: 'SCAN_CODE_DISABLED',
    });
    expect(await storeStock(scanned.id, skuId)).toBe(2);
  });

  it('200 parallel buyers for 50 units: exactly 50 orders, 150 clean ORDER_INSUFFICIENT_STOCK, stock 0', async () => {
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 100, stock: 50 })] });
    const skuId = p.skus[0].id;
    const buyers = await Promise.all(Array.from({ length: 200 }, () => userToken(t)));
    const results = await Promise.all(
      buyers.map((token) =>
        place(client(token), { mode: 'express', address: ADDRESS, items: [{ skuId, qty: 1 }] }).then(
          () => 'ok',
          (e: unknown) => (e instanceof ApiError ? e.code : String(e)),
        ),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(50);
    expect(results.filter((r) => r === 'ORDER_INSUFFICIENT_STOCK')).toHaveLength(150);
    expect(await skuStock(skuId)).toBe(0);
    const n = await tx
      .manager(ctx)
      .query(`SELECT count(*)::int n FROM order_line WHERE sku_id = $1`, [skuId]);
    expect(n[0].n).toBe(50);
  });

  it('duplicate and concurrent notifications pay once; an amount mismatch changes nothing', async () => {
    const buyerApi = client(buyer.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 3000, stock: 10 })] });
    const order = await place(buyerApi, {
      mode: 'express',
      address: ADDRESS,
      items: [{ skuId: p.skus[0].id, qty: 1 }],
    });
    await buyerApi.POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } });
    const { notificationId } = await t.sim.pay((await payment(order.id)).prepayId, buyer.openid);
    await Promise.all(
      Array.from({ length: 5 }, () =>
        t.sim.control('POST', `/sim/notifications/${notificationId}/resend`, { variant: 'duplicate' }),
      ),
    );
    await eventually(async () => (await orderRow(order.id)).status === 'PAID');
    const paidEvents = await tx.repo(ctx, OrderEvent).countBy({ orderId: order.id, toStatus: 'PAID' });
    expect(paidEvents).toBe(1);
    expect(await tx.repo(ctx, Payment).countBy({ orderId: order.id, status: 'PAID' })).toBe(1);
    expect(await tx.repo(ctx, Refund).countBy({ orderId: order.id })).toBe(0);

    const other = await place(buyerApi, {
      mode: 'express',
      address: ADDRESS,
      items: [{ skuId: p.skus[0].id, qty: 1 }],
    });
    const prepaid = (await buyerApi.POST('/api/app/orders/{id}/pay', { params: { path: { id: other.id } } }))
      .data!;
    const real = await t.app
      .get(WechatPayClient)
      .queryByOutTradeNo((await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order.id })).outTradeNo);
    await expect(
      t.app
        .get(PaymentsService)
        .applyTransaction(
          ctx,
          { ...real, out_trade_no: prepaid.outTradeNo, amount: { ...real.amount, total: 1 } },
          'test',
        ),
    ).rejects.toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH' });
    expect((await orderRow(other.id)).status).toBe('PENDING_PAYMENT');
  });

  it('timeout: closes at WeChat first and cancels; a late payment is refunded, not revived', async () => {
    const buyerApi = client(buyer.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 4000, stock: 3 })] });
    const skuId = p.skus[0].id;
    const order = await place(buyerApi, { mode: 'express', address: ADDRESS, items: [{ skuId, qty: 1 }] });
    await buyerApi.POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } });
    const pay1 = await payment(order.id);
    // The close reaches WeChat's answer "closed" while the buyer's payment sheet is still open.
    await t.sim.control('POST', '/sim/faults', {
      path: `/v3/pay/transactions/out-trade-no/${pay1.outTradeNo}/close`,
      status: 400,
      code: 'ORDER_CLOSED',
      message: '订单已关闭',
    });
    expect(await t.app.get(FulfilmentService).payTimeout(ctx, order.id)).toBe('cancelled');
    expect(await orderRow(order.id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'payment timeout' });
    expect(await skuStock(skuId)).toBe(3);

    await t.sim.pay(pay1.prepayId, buyer.openid);
    const refund = await eventually(() =>
      tx
        .repo(ctx, Refund)
        .findOneBy({ orderId: order.id })
        .then((r) => r ?? undefined),
    );
    expect(refund).toMatchObject({ amountFen: order.payableFen, requestedBy: 'late-payment' });
    await completeRefund(refund.id);
    expect((await orderRow(order.id)).status).toBe('CANCELLED');
    expect(await skuStock(skuId)).toBe(3);

    // The buyer's own cancel: a second call is a no-op.
    const mine = await place(buyerApi, { mode: 'express', address: ADDRESS, items: [{ skuId, qty: 1 }] });
    expect(
      (await buyerApi.POST('/api/app/orders/{id}/cancel', { params: { path: { id: mine.id } } })).data!
        .outcome,
    ).toBe('cancelled');
    expect(
      (await buyerApi.POST('/api/app/orders/{id}/cancel', { params: { path: { id: mine.id } } })).data!
        .outcome,
    ).toBe('noop');
    await expect(
      buyerApi.POST('/api/app/orders/{id}/pay', { params: { path: { id: mine.id } } }),
    ).rejects.toMatchObject({ code: 'ORDER_STATE_INVALID' });
  });

  it('a second successful payment of a paid order is refunded in full', async () => {
    const buyerApi = client(buyer.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 2000, stock: 3 })] });
    const order = await place(buyerApi, {
      mode: 'express',
      address: ADDRESS,
      items: [{ skuId: p.skus[0].id, qty: 1 }],
    });
    await buyerApi.POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } });
    const first = await payment(order.id);
    // A trade closed on our side while WeChat still let the buyer pay it (e.g. a lost close answer).
    await tx.manager(ctx).query(`UPDATE payment SET status = 'CLOSED' WHERE id = $1`, [first.id]);
    await pay(buyerApi, buyer, order.id); // a second trade, paid: the order is PAID
    await t.sim.pay(first.prepayId, buyer.openid);
    const refund = await eventually(() =>
      tx
        .repo(ctx, Refund)
        .findOneBy({ orderId: order.id })
        .then((r) => r ?? undefined),
    );
    expect(refund).toMatchObject({
      paymentId: first.id,
      amountFen: order.payableFen,
      requestedBy: 'duplicate-payment',
    });
    expect((await orderRow(order.id)).status).toBe('PAID');
  });

  it('after-sales: partial refunds per line and quantity, automatic before shipping, operator after; window', async () => {
    const buyerApi = client(buyer.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 1000, stock: 10 })] });
    const skuId = p.skus[0].id;
    const order = await place(buyerApi, { mode: 'express', address: ADDRESS, items: [{ skuId, qty: 3 }] });
    await pay(buyerApi, buyer, order.id);
    const lineId = order.lines[0].id;
    // Photos: uploaded by the buyer through the consumer upload, the only kind accepted.
    const upload = (file: Buffer, token: string | null = buyer.token) => {
      const req = t.http.post('/api/app/uploads');
      if (token) void req.set('Authorization', `Bearer ${token}`);
      return req.attach('file', file, { filename: 'a.png', contentType: 'image/png' });
    };
    const photo = (await upload(PNG.sync.write(new PNG({ width: 2, height: 2 }))).expect(201)).body.url;
    expect(photo).toMatch(/^\/api\/uploads\/[0-9a-f]{64}\.png$/);
    expect((await upload(Buffer.from('<svg onload=alert(1)>')).expect(400)).body.code).toBe('UPLOAD_INVALID');
    await upload(PNG.sync.write(new PNG({ width: 2, height: 2 })), null).expect(401);
    const askWith = (photos: string[]) =>
      buyerApi.POST('/api/app/after-sales', {
        params: { header: { 'Idempotency-Key': key() } },
        body: { orderId: order.id, lineId, qty: 1, type: 'refund_only', reason: '看图', photos },
      });
    for (const bad of [['https://evil.example/x.jpg'], ['/api/uploads/abc.jpg'], Array(10).fill(photo)])
      await expect(askWith(bad)).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(askWith([`/api/uploads/${'e'.repeat(64)}.png`])).rejects.toMatchObject({
      status: 400,
      code: 'AFTER_SALE_PHOTO_INVALID',
    });

    const ask = (qty: number, type: 'refund_only' | 'return_refund', k = key()) =>
      buyerApi
        .POST('/api/app/after-sales', {
          params: { header: { 'Idempotency-Key': k } },
          body: { orderId: order.id, lineId, qty, type, reason: '不想要了', photos: [photo] },
        })
        .then((r) => r.data!);

    const k1 = key();
    const first = await ask(1, 'refund_only', k1);
    expect(first).toMatchObject({ status: 'REFUNDING', amountFen: 1000, photos: [photo] });
    expect((await ask(1, 'refund_only', k1)).id).toBe(first.id);
    const refund1 = await tx.repo(ctx, Refund).findOneByOrFail({ requestedBy: first.id });
    await completeRefund(refund1.id);
    await eventually(
      async () => (await tx.repo(ctx, OrderLine).findOneByOrFail({ id: lineId })).refundedQty === 1,
    );
    expect(await skuStock(skuId)).toBe(8); // unshipped: the unit went back
    const getOrder = async () =>
      (await admin.GET('/api/admin/orders/{id}', { params: { path: { id: order.id } } })).data!;
    const partly = await getOrder();
    expect(partly).toMatchObject({ status: 'PAID', refundedFen: 1000, refundState: 'partial' });
    expect(partly.paidFen).toBe(partly.payableFen);
    expect(partly.history!.at(-1)).toMatchObject({
      fromStatus: 'PAID',
      toStatus: 'PAID',
      reason: expect.stringContaining('partial refund of 1000 fen'),
    });
    expect(await jobExists(orderLineRefundedJob, `refund:${refund1.id}:${lineId}`)).toBe(true);

    await admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: order.id } },
      body: { carrier: '中通快递', trackingNo: 'ZT20260001' },
    });
    await expect(ask(3, 'return_refund')).rejects.toMatchObject({ code: 'AFTER_SALE_QTY_EXCEEDED' });
    const second = await ask(2, 'return_refund');
    expect(second.status).toBe('PENDING_APPROVAL');
    const approved = (
      await admin.POST('/api/admin/after-sales/{id}/approve', { params: { path: { id: second.id } } })
    ).data!;
    // A return of shipped goods waits for them; the refund starts once the operator confirms receipt.
    expect(approved.status).toBe('AWAITING_RETURN');
    expect(await tx.repo(ctx, Refund).findOneBy({ requestedBy: second.id })).toBeNull();
    const received = (
      await admin.POST('/api/admin/after-sales/{id}/confirm-return', { params: { path: { id: second.id } } })
    ).data!;
    expect(received.status).toBe('REFUNDING');
    await completeRefund((await tx.repo(ctx, Refund).findOneByOrFail({ requestedBy: second.id })).id);
    const line = await eventually(async () => {
      const l = await tx.repo(ctx, OrderLine).findOneByOrFail({ id: lineId });
      return l.refundedQty === 3 ? l : undefined;
    });
    expect(line.refundedFen).toBe(line.paidFen);
    // The refund of the last unit ends the order: REFUNDED, in its history, with the totals.
    const refundedOrder = await eventually(async () => {
      const o = await getOrder();
      return o.status === 'REFUNDED' ? o : undefined;
    });
    expect(refundedOrder).toMatchObject({ refundedFen: 3000, refundState: 'full' });
    expect(refundedOrder.history!.at(-1)).toMatchObject({ fromStatus: 'SHIPPED', toStatus: 'REFUNDED' });
    expect(await skuStock(skuId)).toBe(10); // returned goods came back
    expect(
      (await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order.id, status: 'PAID' })).refundedFen,
    ).toBe(3000);
    // The buyer's after-sales: paged, filtered by status, and one by id (another buyer's is 404).
    const mineAll = (await buyerApi.GET('/api/app/after-sales', { params: { query: { pageSize: 1 } } }))
      .data!;
    expect(mineAll).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: second.id }] });
    const refunded = (
      await buyerApi.GET('/api/app/after-sales', { params: { query: { status: 'REFUNDED' } } })
    ).data!;
    expect(refunded.items.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    const byOrder = async (orderId: string) =>
      (await buyerApi.GET('/api/app/after-sales', { params: { query: { orderId } } })).data!.total;
    expect(await byOrder(order.id)).toBe(2);
    expect(await byOrder(randomUUID())).toBe(0);
    await expect(
      buyerApi.GET('/api/app/after-sales', { params: { query: { status: 'NOPE' as never } } }),
    ).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(
      (await buyerApi.GET('/api/app/after-sales/{id}', { params: { path: { id: first.id } } })).data,
    ).toMatchObject({ id: first.id, status: 'REFUNDED', amountFen: 1000 });
    await expect(
      client(staff.token).GET('/api/app/after-sales/{id}', { params: { path: { id: first.id } } }),
    ).rejects.toMatchObject({ status: 404, code: 'AFTER_SALE_NOT_FOUND' });
    const adminPage = (
      await admin.GET('/api/admin/after-sales', {
        params: { query: { orderId: order.id, status: 'REFUNDED' } },
      })
    ).data!;
    expect(adminPage).toMatchObject({ total: 2, page: 1, pageSize: 20 });

    // Every status change of the after-sales and their refunds is in their history, with who.
    const steps = async (target: typeof AfterSaleEvent | typeof RefundEvent, where: object) =>
      (await tx.repo(ctx, target).find({ where, order: { createdAt: 'ASC' } })).map(
        (h) => `${h.fromStatus ?? '∅'}>${h.toStatus}:${h.actorKind}`,
      );
    expect(await steps(AfterSaleEvent, { afterSaleId: first.id })).toEqual([
      '∅>PENDING_APPROVAL:user',
      'PENDING_APPROVAL>REFUNDING:user',
      'REFUNDING>REFUNDED:system',
    ]);
    expect(await steps(AfterSaleEvent, { afterSaleId: second.id })).toEqual([
      '∅>PENDING_APPROVAL:user',
      'PENDING_APPROVAL>AWAITING_RETURN:admin',
      'AWAITING_RETURN>REFUNDING:admin',
      'REFUNDING>REFUNDED:system',
    ]);
    const refundSteps = await steps(RefundEvent, { refundId: refund1.id });
    expect(refundSteps[0]).toBe('∅>REQUESTED:user');
    expect(refundSteps.at(-1)).toMatch(/>SUCCESS:system$/);
    refundSteps
      .slice(1)
      .forEach((step, i) => expect(step.split('>')[0]).toBe(refundSteps[i].split(/[>:]/)[1]));

    // The window: afterSaleDays after completion.
    const o2 = await place(buyerApi, { mode: 'express', address: ADDRESS, items: [{ skuId, qty: 1 }] });
    await pay(buyerApi, buyer, o2.id);
    await admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: o2.id } },
      body: { carrier: '中通快递', trackingNo: 'ZT20260002' },
    });
    await buyerApi.POST('/api/app/orders/{id}/receive', { params: { path: { id: o2.id } } });
    t.app.get(Clock).advance(8 * DAY_MS);
    try {
      await expect(
        buyerApi.POST('/api/app/after-sales', {
          params: { header: { 'Idempotency-Key': key() } },
          body: { orderId: o2.id, lineId: o2.lines[0].id, qty: 1, type: 'refund_only', reason: '晚了' },
        }),
      ).rejects.toMatchObject({ code: 'AFTER_SALE_WINDOW_CLOSED' });
    } finally {
      t.app.get(Clock).reset();
    }
  });

  it('after-sales: the buyer withdraws a pending request (撤销申请), which frees its units', async () => {
    const buyerApi = client(buyer.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 1500, stock: 5 })] });
    const order = await place(buyerApi, {
      mode: 'express',
      address: ADDRESS,
      items: [{ skuId: p.skus[0].id, qty: 2 }],
    });
    await pay(buyerApi, buyer, order.id);
    await admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: order.id } },
      body: { carrier: '中通快递', trackingNo: 'ZT20260099' },
    });
    const lineId = order.lines[0].id;
    const ask = (qty: number) =>
      buyerApi
        .POST('/api/app/after-sales', {
          params: { header: { 'Idempotency-Key': key() } },
          body: { orderId: order.id, lineId, qty, type: 'return_refund', reason: '不想要了' },
        })
        .then((r) => r.data!);
    const cancel = (id: string, api = buyerApi) =>
      api.POST('/api/app/after-sales/{id}/cancel', { params: { path: { id } } }).then((r) => r.data!);

    const pending = await ask(2);
    expect(pending.status).toBe('PENDING_APPROVAL');
    await expect(ask(1)).rejects.toMatchObject({ status: 409, code: 'AFTER_SALE_QTY_EXCEEDED' });
    // Someone else's is not found; an unknown id too.
    await expect(cancel(pending.id, client(staff.token))).rejects.toMatchObject({
      status: 404,
      code: 'AFTER_SALE_NOT_FOUND',
    });
    await expect(cancel(randomUUID())).rejects.toMatchObject({ status: 404, code: 'AFTER_SALE_NOT_FOUND' });

    const cancelled = await cancel(pending.id);
    expect(cancelled).toMatchObject({ id: pending.id, status: 'CANCELLED', qty: 2 });
    // A repeat tap is a no-op answering the same cancelled after-sale (200), no second history row.
    expect(await cancel(pending.id)).toEqual(cancelled);
    const history = await tx
      .repo(ctx, AfterSaleEvent)
      .find({ where: { afterSaleId: pending.id }, order: { createdAt: 'ASC' } });
    expect(history.map((h) => `${h.fromStatus ?? '∅'}>${h.toStatus}:${h.actorKind}:${h.actorId}`)).toEqual([
      `∅>PENDING_APPROVAL:user:${buyer.id}`,
      `PENDING_APPROVAL>CANCELLED:user:${buyer.id}`,
    ]);
    expect((await tx.repo(ctx, OrderLine).findOneByOrFail({ id: lineId })).afterSaleQty).toBe(0);
    expect(
      (
        await admin.GET('/api/admin/after-sales', {
          params: { query: { orderId: order.id, status: 'CANCELLED' } },
        })
      ).data!.items.map((a) => a.id),
    ).toEqual([pending.id]);

    // The units are free again: the same two can be asked for once more.
    const again = await ask(2);
    expect(again).toMatchObject({ status: 'PENDING_APPROVAL', qty: 2, amountFen: 3000 });
    await admin.POST('/api/admin/after-sales/{id}/approve', { params: { path: { id: again.id } } });
    await admin.POST('/api/admin/after-sales/{id}/confirm-return', { params: { path: { id: again.id } } });
    // Goods received (refunding) and then refunded: no longer the buyer's to withdraw.
    await expect(cancel(again.id)).rejects.toMatchObject({ status: 409, code: 'AFTER_SALE_STATE_INVALID' });
    await completeRefund((await tx.repo(ctx, Refund).findOneByOrFail({ requestedBy: again.id })).id);
    await eventually(
      async () =>
        (await buyerApi.GET('/api/app/after-sales/{id}', { params: { path: { id: again.id } } })).data!
          .status === 'REFUNDED',
    );
    await expect(cancel(again.id)).rejects.toMatchObject({ status: 409, code: 'AFTER_SALE_STATE_INVALID' });
    expect((await tx.repo(ctx, OrderLine).findOneByOrFail({ id: lineId })).afterSaleQty).toBe(2);
  });

  it('offline sales: staff record a till sale by the member code; it joins the member’s history', async () => {
    const store = await newStore(t, { ownerUserId: staff.id, name: '线下门店' });
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 6000, stock: 0 })] });
    const member = client(buyer.token);
    const { code } = (await member.GET('/api/app/me/member-code')).data!;
    const staffApi = client(staff.token);
    const body = { memberCode: code, items: [{ skuId: p.skus[0].id, qty: 2 }], amountFen: 11_000 };
    const k = key();
    const sale = (
      await staffApi.POST('/api/app/stores/{storeId}/offline-sales', {
        params: { path: { storeId: store.id }, header: { 'Idempotency-Key': k } },
        body,
      })
    ).data!;
    expect(sale).toMatchObject({
      channel: 'offline',
      status: 'COMPLETED',
      payableFen: 11_000,
      discountFen: 1000,
      storeId: store.id,
      buyerId: buyer.id,
    });
    const again = (
      await staffApi.POST('/api/app/stores/{storeId}/offline-sales', {
        params: { path: { storeId: store.id }, header: { 'Idempotency-Key': k } },
        body,
      })
    ).data!;
    expect(again.id).toBe(sale.id);
    await expect(
      client(otherStaff.token).POST('/api/app/stores/{storeId}/offline-sales', {
        params: { path: { storeId: store.id }, header: { 'Idempotency-Key': key() } },
        body,
      }),
    ).rejects.toMatchObject({ status: 404 });
    const mine = (await member.GET('/api/app/orders', { params: { query: { page: 1, pageSize: 100 } } }))
      .data!;
    expect(mine.items.some((o) => o.id === sale.id)).toBe(true);
    const offline = (
      await admin.GET('/api/admin/orders', { params: { query: { channel: 'offline', storeId: store.id } } })
    ).data!;
    expect(offline.items.map((o) => o.id)).toEqual([sale.id]);
    const res = await fetch(`${t.config.publicBaseUrl}/api/admin/orders/export.csv?channel=offline`, {
      headers: { authorization: `Bearer ${await adminToken(t, ['admin'])}` },
    });
    expect(await res.text()).toContain(sale.orderNo);
  });

  it('cart: add (same SKU, mode and store add up), change, remove; an order takes its lines out', async () => {
    const api = client(buyer.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 800, stock: 5 })] });
    const skuId = p.skus[0].id;
    await api.POST('/api/app/cart/items', { body: { skuId, qty: 1, mode: 'express' } });
    const added = (await api.POST('/api/app/cart/items', { body: { skuId, qty: 2, mode: 'express' } })).data!;
    const line = added.items.find((i) => i.skuId === skuId)!;
    expect(line).toMatchObject({ qty: 3, priceFen: 800, available: true, storeId: null });
    await expect(
      api.POST('/api/app/cart/items', { body: { skuId, qty: 1, mode: 'pickup' } }),
    ).rejects.toMatchObject({
      code: 'ORDER_STORE_REQUIRED',
    });
    const changed = (
      await api.PATCH('/api/app/cart/items/{id}', { params: { path: { id: line.id } }, body: { qty: 1 } })
    ).data!;
    expect(changed.items.find((i) => i.id === line.id)!.qty).toBe(1);
    await expect(
      client(await userToken(t)).DELETE('/api/app/cart/items/{id}', { params: { path: { id: line.id } } }),
    ).rejects.toMatchObject({ status: 404 });
    await place(api, { mode: 'express', address: ADDRESS, items: [{ skuId, qty: 1 }] });
    expect((await api.GET('/api/app/cart/items')).data!.items.some((i) => i.skuId === skuId)).toBe(false);
    await api.POST('/api/app/cart/items', { body: { skuId, qty: 1, mode: 'express' } });
    const again = (await api.GET('/api/app/cart/items')).data!.items.find((i) => i.skuId === skuId)!;
    expect(
      (await api.DELETE('/api/app/cart/items/{id}', { params: { path: { id: again.id } } })).data!.items,
    ).not.toContainEqual(expect.objectContaining({ id: again.id }));
  });

  it('attribution: a share code in the checkout credits that reseller and their upline; later rate changes leave the order alone', async () => {
    const settings = t.app.get(SettingsService);
    await settings.update(ctx, { resellerMode: 'everyone' });
    const [r1, r2, shopper] = await Promise.all([
      loginNewUser(t, '一级'),
      loginNewUser(t, '二级'),
      loginNewUser(t, '顾客'),
    ]);
    const resellers = t.app.get(ResellerService);
    const links = t.app.get(ShareLinkService);
    await resellers.apply(ctx, r1.id);
    await links.open(ctx, r2.id, (await links.create(ctx, r1.id, null)).code, 'share_link');
    expect((await resellers.apply(ctx, r2.id)).uplineId).toBe(r1.id);
    const code = (await links.create(ctx, r2.id, null)).code;
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 10_000, stock: 5 })] });
    const order = await place(client(shopper.token), {
      mode: 'express',
      address: ADDRESS,
      shareCode: code,
      items: [{ skuId: p.skus[0].id, qty: 1 }],
    });
    await settings.update(ctx, { l1RateBp: 2000 });
    const line = await tx.repo(ctx, OrderLine).findOneByOrFail({ orderId: order.id });
    expect(line.attribution).toMatchObject({
      buyerId: shopper.id,
      resellerId: r2.id,
      uplineId: r1.id,
      l1RateBp: 1000,
    });
    const byReseller = (await admin.GET('/api/admin/orders', { params: { query: { resellerId: r2.id } } }))
      .data!;
    expect(byReseller.items.map((o) => o.id)).toEqual([order.id]);
    await settings.update(ctx, { l1RateBp: 1000, resellerMode: 'approval' });
  });

  it('bulk shipping by CSV upload, and automatic receipt by the job', async () => {
    const api = client(buyer.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 500, stock: 5 })] });
    const o = await place(api, {
      mode: 'express',
      address: ADDRESS,
      items: [{ skuId: p.skus[0].id, qty: 1 }],
    });
    await pay(api, buyer, o.id);
    const form = new FormData();
    form.append(
      'file',
      new Blob([`订单号,快递公司,运单号\r\n${o.orderNo},顺丰速运,SF9999\r\nOD000,顺丰速运,SF1\r\n`], {
        type: 'text/csv',
      }),
      'ship.csv',
    );
    const res = await fetch(`${t.config.publicBaseUrl}/api/admin/orders/ship-csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await adminToken(t, ['operator'])}` },
      body: form,
    });
    expect(await res.json()).toEqual({ shipped: [o.orderNo], failed: { OD000: 'ORDER_NOT_FOUND' } });
    expect(await orderRow(o.id)).toMatchObject({
      status: 'SHIPPED',
      carrier: '顺丰速运',
      trackingNo: 'SF9999',
    });
    expect(await jobExists(orderAutoReceiveJob, `receive:${o.id}`)).toBe(true);
    const fulfilment = t.app.get(FulfilmentService);
    expect(await fulfilment.receive(ctx, o.id, null, 'auto')).toBe('done');
    expect(await fulfilment.receive(ctx, o.id, null, 'auto')).toBe('noop');
    expect((await orderRow(o.id)).status).toBe('COMPLETED');
  });

  it('refunds the shipping fee with the after-sale that takes back the last unshipped goods', async () => {
    const buyerApi = client(buyer.token);
    await admin.POST('/api/admin/shipping-templates', {
      body: {
        name: '运费测试',
        firstWeightGrams: 1000,
        firstFeeFen: 800,
        extraWeightGrams: 1000,
        extraFeeFen: 400,
        freeOverFen: 1_000_000,
        regions: [],
      },
    });
    const a = await newProduct(t, { skus: [skuInput({ priceFen: 2_000, stock: 5, weightGrams: 500 })] });
    const b = await newProduct(t, { skus: [skuInput({ priceFen: 3_000, stock: 5, weightGrams: 500 })] });
    const order = await place(buyerApi, {
      mode: 'express',
      address: ADDRESS,
      items: [
        { skuId: a.skus[0].id, qty: 1 },
        { skuId: b.skus[0].id, qty: 2 },
      ],
    });
    expect(order.shippingFen).toBeGreaterThan(0);
    await pay(buyerApi, buyer, order.id);
    const lineOf = (skuId: string) => order.lines.find((l) => l.skuId === skuId)!;
    const ask = (lineId: string, qty: number) =>
      buyerApi
        .POST('/api/app/after-sales', {
          params: { header: { 'Idempotency-Key': key() } },
          body: { orderId: order.id, lineId, qty, type: 'refund_only', reason: '不想要了', photos: [] },
        })
        .then((r) => r.data!);
    const first = await ask(lineOf(a.skus[0].id).id, 1);
    const partial = await ask(lineOf(b.skus[0].id).id, 1);
    const last = await ask(lineOf(b.skus[0].id).id, 1);
    expect([first.shippingRefundFen, partial.shippingRefundFen]).toEqual([0, 0]);
    expect(last.shippingRefundFen).toBe(order.shippingFen);
    for (const sale of [first, partial, last]) {
      await completeRefund((await tx.repo(ctx, Refund).findOneByOrFail({ requestedBy: sale.id })).id);
    }
    const paid = await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order.id });
    expect(paid.refundedFen).toBe(order.payableFen);
  });
});
