import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { JobsService, jobIdFor } from '../../src/jobs/jobs.service';
import { OrderShippingUpload } from '../../src/modules/orders/shipping-info/order-shipping-upload.entity';
import {
  ShippingInfoService,
  shippingInfoJob,
} from '../../src/modules/orders/shipping-info/shipping-info.service';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { WechatMiniClient } from '../../src/wechat';
import { adminToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser, type LoggedInUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

type ShippingRecord = { out_trade_no: string; uploads: { body: Record<string, any> }[] };

/** 发货信息录入: every fulfilment of a WeChat-paid order is uploaded once by a job, through the simulator. */
describe('shipping information upload to WeChat after each fulfilment', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let admin: ApiClient;
  let buyer: LoggedInUser;
  let staff: LoggedInUser;
  let skuId: string;
  let storeId: string;
  const ctx = RequestContext.system('test');
  const client = (token: string) =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    admin = client(await adminToken(t, ['admin']));
    [buyer, staff] = await Promise.all([loginNewUser(t, '买家'), loginNewUser(t, '店员')]);
    const p = await newProduct(t, { skus: [skuInput({ priceFen: 5000, stock: 20 })] });
    skuId = p.skus[0].id;
    storeId = (await newStore(t, { ownerUserId: staff.id })).id;
    await putStoreStock(t, storeId, skuId, 20);
  });
  afterAll(() => t.close());

  const place = async (body: Schemas['CheckoutDto']) =>
    (
      await client(buyer.token).POST('/api/app/orders', {
        params: { header: { 'Idempotency-Key': randomUUID() } },
        body,
      })
    ).data!;
  const pay = async (orderId: string, status: string) => {
    await client(buyer.token).POST('/api/app/orders/{id}/pay', { params: { path: { id: orderId } } });
    const p = await tx.repo(ctx, Payment).findOneByOrFail({ orderId, status: 'PENDING' });
    await t.sim.pay(p.prepayId, buyer.openid);
    await eventually(async () => {
      const o = (await client(buyer.token).GET('/api/app/orders/{id}', { params: { path: { id: orderId } } }))
        .data!;
      return o.status === status;
    });
    return (await tx.repo(ctx, Payment).findOneByOrFail({ orderId, status: 'PAID' })).outTradeNo;
  };
  const uploaded = (outTradeNo: string) =>
    eventually(async () => {
      const all = await t.sim.control<ShippingRecord[]>('GET', '/sim/shipping');
      return all.find((r) => r.out_trade_no === outTradeNo);
    });
  const recorded = async (outTradeNo: string) =>
    (await t.sim.control<ShippingRecord[]>('GET', '/sim/shipping')).find(
      (r) => r.out_trade_no === outTradeNo,
    );

  it('express: carrier delivery id, tracking number and masked receiver phone after shipping', async () => {
    const order = await place({
      mode: 'express',
      items: [{ skuId, qty: 2 }],
      address: {
        name: '张三',
        phone: '13800001234',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路1号',
      },
    });
    const outTradeNo = await pay(order.id, 'PAID');
    expect(await recorded(outTradeNo)).toBeUndefined(); // paid is not shipped
    await admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: order.id } },
      body: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    });
    const r = await uploaded(outTradeNo);
    expect(r.uploads).toHaveLength(1);
    expect(r.uploads[0].body).toMatchObject({
      order_key: { order_number_type: 2 },
      logistics_type: 1,
      delivery_mode: 1,
      shipping_list: [
        {
          tracking_no: 'SF1234567890',
          express_company: 'SF',
          item_desc: expect.stringMatching(/\*2$/),
          contact: { receiver_contact: '138****1234' },
        },
      ],
      payer: { openid: buyer.openid },
    });
    expect(r.uploads[0].body.upload_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    await eventually(async () => tx.repo(ctx, OrderShippingUpload).existsBy({ orderId: order.id }));
  });

  it('take-away on payment and pickup at verification: self-collection (logistics_type 4)', async () => {
    const takeAway = await place({ mode: 'take_away', storeId, items: [{ skuId, qty: 1 }] });
    const takeAwayNo = await pay(takeAway.id, 'COMPLETED');
    expect((await uploaded(takeAwayNo)).uploads[0].body).toMatchObject({
      logistics_type: 4,
      delivery_mode: 1,
      shipping_list: [{ item_desc: expect.stringMatching(/\*1$/) }],
      payer: { openid: buyer.openid },
    });
    expect((await uploaded(takeAwayNo)).uploads[0].body.shipping_list[0].tracking_no).toBeUndefined();

    const pickup = await place({ mode: 'pickup', storeId, items: [{ skuId, qty: 1 }] });
    const pickupNo = await pay(pickup.id, 'AWAITING_PICKUP');
    const { data: awaiting } = await client(buyer.token).GET('/api/app/orders/{id}', {
      params: { path: { id: pickup.id } },
    });
    expect(await recorded(pickupNo)).toBeUndefined(); // not handed over yet
    await client(staff.token).POST('/api/app/pickups/verify', { body: { code: awaiting!.pickupCode! } });
    expect((await uploaded(pickupNo)).uploads[0].body).toMatchObject({ logistics_type: 4 });
  });

  it('a failed upload is retried by the job and lands once; running it again sends nothing', async () => {
    await t.sim.control('POST', '/sim/faults', {
      path: '/wxa/sec/order/upload_shipping_info',
      count: 1,
      errcode: -1,
      errmsg: 'system error',
    });
    const order = await place({ mode: 'take_away', storeId, items: [{ skuId, qty: 1 }] });
    const outTradeNo = await pay(order.id, 'COMPLETED');
    const jobs = t.app.get(JobsService);
    const jobId = jobIdFor(shippingInfoJob.name, `shipping:${order.id}`);
    await eventually(async () => (await jobs.getJob(shippingInfoJob, jobId))?.state === 'retry');
    expect(await recorded(outTradeNo)).toBeUndefined();
    // The retry is due in a minute: bring it forward instead of waiting.
    await t.app
      .get(DataSource)
      .query(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND id = $2`, [
        shippingInfoJob.name,
        jobId,
      ]);
    await eventually(async () => (await jobs.getJob(shippingInfoJob, jobId))?.state === 'completed');
    expect((await uploaded(outTradeNo)).uploads).toHaveLength(1);
    expect(await jobs.getJob(shippingInfoJob, jobId)).toMatchObject({ retryCount: 1 });
    expect(await t.app.get(ShippingInfoService).upload(ctx, order.id)).toBe('skipped');
    expect((await recorded(outTradeNo))!.uploads).toHaveLength(1);
  });

  it('the simulator validates like WeChat: unknown payment, another payer, long item_desc, a third upload', async () => {
    const order = await place({ mode: 'take_away', storeId, items: [{ skuId, qty: 1 }] });
    const outTradeNo = await pay(order.id, 'COMPLETED');
    await uploaded(outTradeNo);
    const payment = await tx.repo(ctx, Payment).findOneByOrFail({ outTradeNo });
    const mini = t.app.get(WechatMiniClient);
    const base = {
      transactionId: payment.transactionId!,
      logisticsType: 4 as const,
      shippingList: [{ itemDesc: '白酒*1' }],
      uploadTime: new Date(Date.now() + 60_000),
      payerOpenid: buyer.openid,
    };
    const fail = (input: Partial<typeof base>) =>
      mini.uploadShippingInfo({ ...base, ...input }).catch((e: unknown) => e);
    expect(await fail({ transactionId: '4200000000000000000000000000' })).toMatchObject({ code: '10060001' });
    expect(await fail({ payerOpenid: staff.openid })).toMatchObject({ code: '10060031' });
    expect(await fail({ shippingList: [{ itemDesc: '酒'.repeat(121) }] })).toMatchObject({
      code: '10060009',
    });
    await mini.uploadShippingInfo(base); // the one correction WeChat allows
    expect(await fail({ uploadTime: new Date(Date.now() + 120_000) })).toMatchObject({ code: '10060003' });
    expect((await recorded(outTradeNo))!.uploads).toHaveLength(2);
  });
});
