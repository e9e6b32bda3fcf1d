import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { SubscriptionsService } from '../../src/modules/subscriptions/subscriptions.service';
import { adminToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser, type LoggedInUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

type Message = {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
};

/** Subscribe messages: sent by jobs through the WeChat client, one per consent, refused without one. */
describe('subscribe messages respect the consent counts', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let admin: ApiClient;
  let skuId: string;
  let storeId: string;
  let staff: LoggedInUser;
  const ctx = RequestContext.system('test');
  const client = (token: string) =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    admin = client(await adminToken(t, ['admin']));
    staff = await loginNewUser(t, '店员');
    skuId = (await newProduct(t, { skus: [skuInput({ priceFen: 5000, stock: 20 })] })).skus[0].id;
    storeId = (await newStore(t, { ownerUserId: staff.id, name: '湖滨店' })).id;
    await putStoreStock(t, storeId, skuId, 20);
  });
  afterAll(() => t.close());

  /** The buyer allows these templates in wx.requestSubscribeMessage: WeChat and the API both learn it. */
  const consent = async (u: LoggedInUser, kinds: string[]) => {
    const { data: templates } = await client(u.token).GET('/api/app/subscriptions/templates');
    const ids = templates!.filter((x) => kinds.includes(x.kind)).map((x) => x.templateId);
    const results = await t.sim.control('POST', '/sim/subscribe/consent', {
      openid: u.openid,
      templateIds: ids,
    });
    await client(u.token).POST('/api/app/subscriptions/consents', { body: { results } });
    return ids;
  };
  const place = async (u: LoggedInUser, body: Schemas['CheckoutDto']) =>
    (
      await client(u.token).POST('/api/app/orders', {
        params: { header: { 'Idempotency-Key': randomUUID() } },
        body,
      })
    ).data!;
  const pay = async (u: LoggedInUser, orderId: string) => {
    await client(u.token).POST('/api/app/orders/{id}/pay', { params: { path: { id: orderId } } });
    const p = await tx.repo(ctx, Payment).findOneByOrFail({ orderId, status: 'PENDING' });
    await t.sim.pay(p.prepayId, u.openid);
    await eventually(
      async () => (await tx.repo(ctx, Payment).findOneByOrFail({ id: p.id })).status === 'PAID',
    );
  };
  const messagesTo = async (openid: string) =>
    (await t.sim.control<Message[]>('GET', '/sim/messages')).filter((m) => m.touser === openid);

  it('paid, ready for pickup and shipped reach a buyer who allowed them, each once', async () => {
    const buyer = await loginNewUser(t, '买家');
    const [paidTpl, shippedTpl, pickupTpl] = await consent(buyer, [
      'orderPaid',
      'orderShipped',
      'pickupReady',
    ]);
    const { data: templates } = await client(buyer.token).GET('/api/app/subscriptions/templates');
    expect(
      templates!
        .filter((x) => x.remaining === 1)
        .map((x) => x.kind)
        .sort(),
    ).toEqual(['orderPaid', 'orderShipped', 'pickupReady']);

    const pickup = await place(buyer, { mode: 'pickup', storeId, items: [{ skuId, qty: 1 }] });
    await pay(buyer, pickup.id);
    const got = await eventually(async () => {
      const m = await messagesTo(buyer.openid);
      return m.length >= 2 ? m : undefined;
    });
    const paid = got.find((m) => m.template_id === paidTpl)!;
    expect(paid.data.character_string1.value).toBe(pickup.orderNo);
    expect(paid.data.amount2.value).toBe('¥50.00');
    expect(paid.page).toBe(`packages/order/detail/index?id=${pickup.id}`);
    const ready = got.find((m) => m.template_id === pickupTpl)!;
    expect(ready.data.thing2.value).toBe('湖滨店');
    expect(ready.data.character_string3.value).toMatch(/^\d{6}$/);

    // The paid consent is used up: a second order's "paid" is not sent.
    const express = await place(buyer, {
      mode: 'express',
      items: [{ skuId, qty: 1 }],
      address: {
        name: '张三',
        phone: '13800001234',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路1号',
      },
    });
    await pay(buyer, express.id);
    await admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: express.id } },
      body: { carrier: '中通快递', trackingNo: 'ZT778899' },
    });
    const shipped = await eventually(async () =>
      (await messagesTo(buyer.openid)).find((m) => m.template_id === shippedTpl),
    );
    expect(shipped.data).toMatchObject({
      thing2: { value: '中通快递' },
      character_string3: { value: 'ZT778899' },
    });
    expect((await messagesTo(buyer.openid)).filter((m) => m.template_id === paidTpl)).toHaveLength(1);
    const { data: after } = await client(buyer.token).GET('/api/app/subscriptions/templates');
    expect(after!.every((x) => x.remaining === 0)).toBe(true);
  });

  it('without consent nothing is sent; WeChat refuses a send with 43101 and the count drops to 0', async () => {
    const buyer = await loginNewUser(t, '没订阅');
    const order = await place(buyer, { mode: 'take_away', storeId, items: [{ skuId, qty: 1 }] });
    await pay(buyer, order.id);
    const subs = t.app.get(SubscriptionsService);
    expect(await subs.send(ctx, { userId: buyer.id, kind: 'orderPaid', data: { thing1: 'x' } })).toBe(
      'no-consent',
    );
    // The API believes a consent (reported) that WeChat does not hold: WeChat answers 43101.
    const [tpl] = (await client(buyer.token).GET('/api/app/subscriptions/templates')).data!.filter(
      (x) => x.kind === 'refundDone',
    );
    await client(buyer.token).POST('/api/app/subscriptions/consents', {
      body: { results: { [tpl.templateId]: 'accept' } },
    });
    expect(
      await subs.send(ctx, { userId: buyer.id, kind: 'refundDone', data: { character_string1: 'x' } }),
    ).toBe('no-consent');
    expect(await messagesTo(buyer.openid)).toEqual([]);
    const { data } = await client(buyer.token).GET('/api/app/subscriptions/templates');
    expect(data!.find((x) => x.kind === 'refundDone')!.remaining).toBe(0);
    // An unknown template id is refused with a stable code.
    await expect(
      client(buyer.token).POST('/api/app/subscriptions/consents', { body: { results: { NOPE: 'accept' } } }),
    ).rejects.toMatchObject({ status: 400, code: 'SUBSCRIBE_TEMPLATE_UNKNOWN' });
  });
});
