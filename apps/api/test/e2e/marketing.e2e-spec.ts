import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { PointsService } from '../../src/modules/marketing/points.service';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { Refund } from '../../src/modules/payments/entities/refund.entity';
import { ScanLogWriter } from '../../src/modules/stores/scan-log.writer';
import { adminToken, userToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser, type LoggedInUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

type OrderDto = Schemas['OrderDto'];

/**
 * Members and marketing through the generated client and the WeChat simulator: levels from
 * online and offline spend, the points ledger, coupons claimed under concurrency, and a
 * checkout with a coupon and points whose payable and reward base are exact.
 */
describe('members and marketing', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let admin: ApiClient;
  let store: { id: string };
  let shelfCode: string;
  let staff: LoggedInUser;
  const ctx = RequestContext.system('test');
  const client = (token: string): ApiClient =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });
  const key = () => `k-${randomUUID()}`;

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    admin = client(await adminToken(t, ['operator']));
    staff = await loginNewUser(t, '店主');
    store = await newStore(t, { name: '湖滨店', ownerUserId: staff.id });
    // Every test's members go by these levels: 银卡 from 100.00, 金卡 from 300.00.
    for (const l of [
      { name: '银卡', thresholdFen: 10_000, pointsMultiplierBp: 15_000 },
      { name: '金卡', thresholdFen: 30_000, discountBp: 500, pointsMultiplierBp: 20_000 },
    ])
      await admin.POST('/api/admin/members/levels', { body: l });
  });
  afterAll(() => t.close());

  /** A product on the store's shelf (take-away) with store stock. */
  const product = async (priceFen: number, stock = 50) => {
    const p = await newProduct(t, { skus: [skuInput({ priceFen, stock: 0 })] });
    await putStoreStock(t, store.id, p.skus[0].id, stock);
    const shelf = await newShelf(t, store.id, [p.id]);
    shelfCode = shelf.code!;
    return { productId: p.id, skuId: p.skus[0].id, categoryId: p.categoryId, scanCode: shelf.code! };
  };

  const place = (
    buyer: LoggedInUser,
    p: { skuId: string; scanCode: string },
    qty: number,
    extra: { couponId?: string; points?: number } = {},
  ) =>
    client(buyer.token)
      .POST('/api/app/orders', {
        params: { header: { 'Idempotency-Key': key() } },
        body: { mode: 'take_away', scanCode: p.scanCode, items: [{ skuId: p.skuId, qty }], ...extra },
      })
      .then((r) => r.data as OrderDto);

  /** Pays in the simulator; take-away completes with the payment. */
  const pay = async (buyer: LoggedInUser, order: OrderDto) => {
    await client(buyer.token).POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } });
    const prepay = await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order.id });
    await t.sim.pay(prepay.prepayId!, buyer.openid);
    await eventually(async () => {
      const o = (
        await client(buyer.token).GET('/api/app/orders/{id}', { params: { path: { id: order.id } } })
      ).data!;
      return o.status === 'COMPLETED' ? o : undefined;
    });
  };

  const statement = async (buyer: LoggedInUser) =>
    (await client(buyer.token).GET('/api/app/member/points', { params: { query: { pageSize: 100 } } })).data!;

  /** The statement always sums to the balance. */
  const balance = async (buyer: LoggedInUser) => {
    const s = await statement(buyer);
    expect(s.items.reduce((sum, e) => sum + e.delta, 0)).toBe(s.balance);
    return s.balance;
  };

  /** Refunds a whole line through after-sales and the simulator. */
  const refundLine = async (buyer: LoggedInUser, order: OrderDto, qty: number) => {
    const sale = await client(buyer.token).POST('/api/app/after-sales', {
      params: { header: { 'Idempotency-Key': key() } },
      body: {
        orderId: order.id,
        lineId: order.lines[0].id,
        qty,
        type: 'refund_only',
        reason: '不想要了',
        photos: [],
      },
    });
    await admin.POST('/api/admin/after-sales/{id}/approve', { params: { path: { id: sale.data!.id } } });
    const refund = await eventually(async () => {
      const r = await tx.repo(ctx, Refund).findOneBy({ requestedBy: sale.data!.id });
      return r?.status === 'PROCESSING' ? r : undefined;
    });
    await t.sim.control('POST', `/sim/refunds/${refund.outRefundNo}/complete`, {});
    await eventually(async () =>
      (await tx.repo(ctx, Refund).findOneByOrFail({ id: refund.id })).status === 'SUCCESS' ? true : undefined,
    );
  };

  it('levels follow cumulative spend online and at the till; the level discount and multiplier apply', async () => {
    await expect(
      admin.POST('/api/admin/members/levels', { body: { name: '重复', thresholdFen: 10_000 } }),
    ).rejects.toMatchObject({ status: 409, code: 'MEMBER_LEVEL_THRESHOLD_TAKEN' });

    const buyer = await loginNewUser(t, '会员');
    const me = client(buyer.token);
    const p = await product(10_000);
    expect((await me.GET('/api/app/member/level')).data).toMatchObject({
      level: null,
      next: { name: '银卡' },
      toNextFen: 10_000,
    });

    // Online: 100.00 paid → 银卡; the order earned at the 银卡 rate (1.5 per yuan) as it completed.
    await pay(buyer, await place(buyer, p, 1));
    const silver = (await me.GET('/api/app/member/level')).data!;
    expect(silver).toMatchObject({ level: { name: '银卡' }, next: { name: '金卡' }, toNextFen: 20_000 });
    expect(silver.stats).toMatchObject({
      lifetimeSpendFen: 10_000,
      lifetimeOrders: 1,
      last90SpendFen: 10_000,
    });
    expect(await balance(buyer)).toBe(150);

    // Offline: a 200.00 till sale recorded by the store's staff → 金卡.
    const { code } = (await me.GET('/api/app/me/member-code')).data!;
    await client(staff.token).POST('/api/app/stores/{storeId}/offline-sales', {
      params: { path: { storeId: store.id }, header: { 'Idempotency-Key': key() } },
      body: { memberCode: code, items: [{ skuId: p.skuId, qty: 2 }], amountFen: 20_000 },
    });
    const gold = (await me.GET('/api/app/member/level')).data!;
    expect(gold).toMatchObject({ level: { name: '金卡' }, next: null, toNextFen: 0 });
    expect(gold.stats).toMatchObject({ lifetimeSpendFen: 30_000, lifetimeOrders: 2 });

    // 金卡 takes 5 % off the goods, and the quote says why.
    const quote = (
      await me.POST('/api/app/checkout/quote', {
        body: { mode: 'take_away', scanCode: p.scanCode, items: [{ skuId: p.skuId, qty: 1 }] },
      })
    ).data!;
    expect(quote).toMatchObject({ goodsFen: 10_000, discountFen: 500, payableFen: 9_500 });
    expect(quote.discounts).toEqual([{ kind: 'level', amountFen: 500, label: '金卡会员折扣' }]);

    const profile = (
      await admin.GET('/api/admin/members/{userId}', { params: { path: { userId: buyer.id } } })
    ).data!;
    expect(profile).toMatchObject({ pointsBalance: 150, progress: { level: { name: '金卡' } } });
  });

  it('points: earned on completion, redeemed within cap and balance, clawed back on refund, expired after the following year', async () => {
    const buyer = await loginNewUser(t, '积分顾客');
    // 98.76 paid: below 银卡 (100.00), so 1 point per yuan.
    const p = await product(9_876);
    const first = await place(buyer, p, 1);
    await pay(buyer, first);
    expect(await balance(buyer)).toBe(98);

    await admin.POST('/api/admin/members/{userId}/points', {
      params: { path: { userId: buyer.id } },
      body: { delta: 1_000, reason: '活动补偿' },
    });
    expect(await balance(buyer)).toBe(1_098);

    const small = await product(1_000);
    await expect(place(buyer, small, 1, { points: 600 })).rejects.toMatchObject({
      status: 409,
      code: 'POINTS_OVER_CAP',
    });
    await expect(place(buyer, p, 1, { points: 2_000 })).rejects.toMatchObject({
      status: 409,
      code: 'POINTS_INSUFFICIENT',
    });
    const redeemed = await place(buyer, small, 1, { points: 500 });
    expect(redeemed).toMatchObject({ goodsFen: 1_000, discountFen: 500, payableFen: 500 });
    expect(await balance(buyer)).toBe(598);
    await pay(buyer, redeemed);
    // 5.00 paid takes the spend to 103.76: 银卡 now, 1.5 points per yuan → 7.
    expect(await balance(buyer)).toBe(605);

    // The first order refunded whole: its 98 points are taken back.
    await refundLine(buyer, first, 1);
    await eventually(async () => ((await balance(buyer)) === 507 ? true : undefined));
    expect((await statement(buyer)).items.map((e) => e.kind)).toEqual([
      'clawback',
      'earn',
      'redeem',
      'adjust',
      'earn',
    ]);

    // Points from 2026 last through 2027 and lapse when 2028 begins (China time).
    const points = t.app.get(PointsService);
    await points.expire(ctx, new Date('2027-12-31T15:00:00Z'));
    expect(await balance(buyer)).toBe(507);
    await points.expire(ctx, new Date('2027-12-31T16:05:00Z'));
    await points.expire(ctx, new Date('2027-12-31T16:10:00Z')); // the job again: nothing more
    expect(await balance(buyer)).toBe(0);
    expect((await statement(buyer)).items[0]).toMatchObject({ kind: 'expire', delta: -507 });
  });

  it('100 parallel claims of 10 coupons: exactly 10, never over the per-person limit', async () => {
    const tpl = (
      await admin.POST('/api/admin/coupon-templates', {
        body: {
          name: '限量券',
          kind: 'amount',
          amountFen: 500,
          scope: 'all',
          validDays: 7,
          totalQty: 10,
          perUserLimit: 2,
        },
      })
    ).data!;
    const users = await Promise.all(Array.from({ length: 50 }, () => userToken(t)));
    const results = await Promise.allSettled(
      users.flatMap((token) =>
        [0, 1].map(() => client(token).POST('/api/app/coupons/claim', { body: { templateId: tpl.id } })),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(10);
    for (const r of results)
      if (r.status === 'rejected')
        expect(['COUPON_SOLD_OUT', 'COUPON_LIMIT_REACHED']).toContain(r.reason.code);
    const [{ n }] = await tx
      .manager(ctx)
      .query(`SELECT count(*)::int AS n FROM coupon WHERE template_id = $1`, [tpl.id]);
    expect(n).toBe(10);
    expect(
      (await admin.GET('/api/admin/coupon-templates')).data!.find((x) => x.id === tpl.id)!.claimedQty,
    ).toBe(10);

    // The per-person limit alone: one member, three claims of a limit-2 template.
    const lim = (
      await admin.POST('/api/admin/coupon-templates', {
        body: {
          name: '每人两张',
          kind: 'amount',
          amountFen: 100,
          scope: 'all',
          validDays: 7,
          totalQty: 100,
          perUserLimit: 2,
        },
      })
    ).data!;
    const one = client(await userToken(t));
    const three = await Promise.allSettled(
      [0, 1, 2].map(() => one.POST('/api/app/coupons/claim', { body: { templateId: lim.id } })),
    );
    expect(three.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
  });

  it('a coupon and points together: exact payable, lines and reward base; both come back when the order is cancelled', async () => {
    // Worked example: two lines of 120.00 and 80.00; 满150减30 and 1,000 points (10.00).
    const buyer = await loginNewUser(t, '优惠顾客');
    const a = await product(12_000);
    const bProduct = await newProduct(t, { skus: [skuInput({ priceFen: 8_000, stock: 0 })] });
    const b = bProduct.skus[0].id;
    await putStoreStock(t, store.id, b, 10);
    const shelf = await newShelf(t, store.id, [a.productId, bProduct.id]);
    const me = client(buyer.token);
    const tpl = (
      await admin.POST('/api/admin/coupon-templates', {
        body: {
          name: '满150减30',
          kind: 'amount',
          amountFen: 3_000,
          minSpendFen: 15_000,
          scope: 'all',
          validDays: 30,
          totalQty: 100,
        },
      })
    ).data!;
    const claimable = (
      await me.GET('/api/app/products/{id}/coupons', { params: { path: { id: a.productId } } })
    ).data!;
    expect(claimable.map((c) => c.id)).toContain(tpl.id);
    const coupon = (await me.POST('/api/app/coupons/claim', { body: { templateId: tpl.id } })).data!;
    await admin.POST('/api/admin/members/{userId}/points', {
      params: { path: { userId: buyer.id } },
      body: { delta: 1_000, reason: '测试积分' },
    });
    const body = {
      mode: 'take_away' as const,
      scanCode: shelf.code!,
      items: [
        { skuId: a.skuId, qty: 1 },
        { skuId: b, qty: 1 },
      ],
      couponId: coupon.id,
      points: 1_000,
    };

    // Bad choices are refused with stable codes; the inapplicable coupon below its minimum spend.
    await expect(
      me.POST('/api/app/checkout/quote', { body: { ...body, items: [{ skuId: b, qty: 1 }] } }),
    ).rejects.toMatchObject({ status: 409, code: 'COUPON_NOT_APPLICABLE' });

    const quote = (await me.POST('/api/app/checkout/quote', { body })).data!;
    expect(quote).toMatchObject({ goodsFen: 20_000, discountFen: 4_000, payableFen: 16_000 });
    expect(quote.discounts.map((d) => [d.kind, d.amountFen])).toEqual([
      ['coupon', 3_000],
      ['points', 1_000],
    ]);
    expect(quote.lines.map((l) => l.paidFen)).toEqual([9_600, 6_400]);

    // A checkout that fails (not enough stock) keeps nothing: coupon and points stay.
    await expect(
      me.POST('/api/app/orders', {
        params: { header: { 'Idempotency-Key': key() } },
        body: {
          ...body,
          items: [
            { skuId: a.skuId, qty: 1 },
            { skuId: b, qty: 11 },
          ],
        },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'ORDER_INSUFFICIENT_STOCK' });
    expect(await balance(buyer)).toBe(1_000);

    // Placed and cancelled: the coupon is usable again and the points are back.
    const cancelled = (
      await me.POST('/api/app/orders', { params: { header: { 'Idempotency-Key': key() } }, body })
    ).data!;
    expect(await balance(buyer)).toBe(0);
    expect((await me.GET('/api/app/coupons', { params: { query: { state: 'used' } } })).data!).toHaveLength(
      1,
    );
    await expect(me.POST('/api/app/checkout/quote', { body })).rejects.toMatchObject({
      status: 409,
      code: 'COUPON_USED',
    });
    await me.POST('/api/app/orders/{id}/cancel', { params: { path: { id: cancelled.id } } });
    expect(await balance(buyer)).toBe(1_000);
    expect(
      (await me.GET('/api/app/coupons', { params: { query: { state: 'available' } } })).data!.map(
        (c) => c.id,
      ),
    ).toEqual([coupon.id]);

    // Placed again and paid: 160.00 paid; each earner's base is the line's paid amount.
    const order = (
      await me.POST('/api/app/orders', { params: { header: { 'Idempotency-Key': key() } }, body })
    ).data!;
    expect(order).toMatchObject({ goodsFen: 20_000, discountFen: 4_000, payableFen: 16_000 });
    expect(order.lines.map((l) => l.paidFen).sort()).toEqual([6_400, 9_600]);
    await pay(buyer, order);
    const ledger = t.app.get(LedgerService);
    // The store earns 5 % of what was paid: 480 + 320 fen (not 5 % of 200.00).
    await eventually(async () =>
      (await ledger.balances(ctx, { type: 'store', id: store.id })).pendingFen >= 800 ? true : undefined,
    );
    const [{ base }] = await tx
      .manager(ctx)
      .query(`SELECT sum(base_fen)::int AS base FROM reward WHERE order_id = $1 AND kind = 'store'`, [
        order.id,
      ]);
    expect(base).toBe(16_000);
    // 160.00 paid reaches 银卡 (100.00) with this order: 160 yuan × 1.5 = 240 points.
    expect(await balance(buyer)).toBe(240);
    await expect(
      me.POST('/api/app/orders', {
        params: { header: { 'Idempotency-Key': key() } },
        body: { ...body, points: 0 },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'COUPON_USED' });
  });

  it('a flash sale of 20 units with 300 parallel buyers: exactly 20 orders; normal checkout still works', async () => {
    const p = await product(5_000, 1_000);
    const now = Date.now();
    const sale = (
      await admin.POST('/api/admin/offers', {
        body: {
          name: '秒杀',
          skuId: p.skuId,
          priceFen: 1_990,
          startsAt: new Date(now - 60_000).toISOString(),
          endsAt: new Date(now + 3_600_000).toISOString(),
          totalQty: 20,
          perUserLimit: 1,
        },
      })
    ).data!;
    const buyers = await Promise.all(Array.from({ length: 300 }, () => userToken(t)));
    const results = await Promise.allSettled(
      buyers.map((token) =>
        client(token).POST('/api/app/orders', {
          params: { header: { 'Idempotency-Key': key() } },
          body: {
            mode: 'take_away',
            scanCode: p.scanCode,
            items: [{ skuId: p.skuId, qty: 1 }],
            offerId: sale.id,
          },
        }),
      ),
    );
    const placed = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.data!);
    expect(placed).toHaveLength(20);
    for (const o of placed) expect(o).toMatchObject({ goodsFen: 5_000, payableFen: 1_990 });
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409, code: 'OFFER_SOLD_OUT' });
    const offers = async () => (await admin.GET('/api/admin/offers')).data!.find((o) => o.id === sale.id)!;
    expect((await offers()).soldQty).toBe(20);
    // Failed checkouts kept no stock: only the 20 orders hold units.
    const [{ qty }] = await tx
      .manager(ctx)
      .query(`SELECT qty FROM store_stock WHERE store_id = $1 AND sku_id = $2`, [store.id, p.skuId]);
    expect(qty).toBe(980);

    // Sold out: an ordinary checkout of the SKU goes through at the list price.
    const late = await loginNewUser(t, '晚到顾客');
    const normal = await place(late, p, 1);
    expect(normal).toMatchObject({ goodsFen: 5_000, discountFen: 0, payableFen: 5_000 });

    // A cancelled flash-sale order gives its unit back to the sale.
    const first = placed[0];
    const owner = results.findIndex((r) => r.status === 'fulfilled');
    await client(buyers[owner]).POST('/api/app/orders/{id}/cancel', { params: { path: { id: first.id } } });
    expect((await offers()).soldQty).toBe(19);
  });

  it('offers: the quote takes the best open price and says why; window and per-person limit give stable codes', async () => {
    const buyer = await loginNewUser(t, '特价顾客');
    const me = client(buyer.token);
    const p = await product(10_000);
    const now = Date.now();
    const offer = (body: { name: string; priceFen: number; startsAt: number; perUserLimit?: number }) =>
      admin
        .POST('/api/admin/offers', {
          body: {
            ...body,
            skuId: p.skuId,
            startsAt: new Date(body.startsAt).toISOString(),
            endsAt: new Date(body.startsAt + 3_600_000).toISOString(),
            totalQty: 100,
          },
        })
        .then((r) => r.data!);
    await offer({ name: '限时9折', priceFen: 9_000, startsAt: now - 60_000, perUserLimit: 5 });
    const best = await offer({ name: '限时8折', priceFen: 8_000, startsAt: now - 60_000, perUserLimit: 1 });
    const later = await offer({ name: '明日特价', priceFen: 5_000, startsAt: now + 86_400_000 });
    const quote = (n: number, offerId?: string) =>
      me
        .POST('/api/app/checkout/quote', {
          body: { mode: 'take_away', scanCode: p.scanCode, items: [{ skuId: p.skuId, qty: n }], offerId },
        })
        .then((r) => r.data!);
    // Two units: one at the best price (its limit is 1), nothing more from the lesser offer on that line.
    const q = await quote(2);
    expect(q.discounts).toEqual([
      { kind: 'offer', amountFen: 2_000, label: '限时特价「限时8折」¥80.00 × 1（原价 ¥100.00）' },
    ]);
    expect(q.payableFen).toBe(18_000);
    await expect(quote(1, later.id)).rejects.toMatchObject({ status: 409, code: 'OFFER_NOT_ACTIVE' });
    await expect(quote(2, best.id)).rejects.toMatchObject({ status: 409, code: 'OFFER_LIMIT_REACHED' });
    await place(buyer, p, 1, {});
    // The 8折 unit is used up: the next order gets the 9折 offer instead.
    expect((await quote(1)).discounts[0]).toMatchObject({ amountFen: 1_000 });
    await expect(quote(1, best.id)).rejects.toMatchObject({ status: 409, code: 'OFFER_LIMIT_REACHED' });
  });

  it('segments select members in SQL by tags, spend, level, scanned and locked store; coupons go to a segment', async () => {
    const [tagged, spender, idle] = await Promise.all(
      ['标签会员', '消费会员', '沉睡会员'].map((n) => loginNewUser(t, n)),
    );
    const p = await product(35_000);
    await admin.PUT('/api/admin/members/{userId}/tags', {
      params: { path: { userId: tagged.id } },
      body: { tags: ['vip', '茶友'] },
    });
    await client(tagged.token).GET('/api/app/scan/{code}', { params: { path: { code: shelfCode } } });
    // Scans reach scan_log in batches (every 500 ms): write this one before segments read the log.
    await t.app.get(ScanLogWriter).flush();
    await pay(spender, await place(spender, p, 1));
    const levels = (await admin.GET('/api/admin/members/levels')).data!;
    const gold = levels.find((l) => l.name === '金卡')!;

    const segment = async (rules: Schemas['SegmentRulesDto']) => {
      const s = (await admin.POST('/api/admin/segments', { body: { name: '人群', rules } })).data!;
      return {
        id: s.id,
        ids: (await admin.GET('/api/admin/segments/{id}/members', { params: { path: { id: s.id } } })).data!
          .userIds,
      };
    };
    expect((await segment({ tags: ['vip'] })).ids).toEqual([tagged.id]);
    expect((await segment({ tags: ['vip', '不存在'] })).ids).toEqual([]);
    expect((await segment({ scannedStoreId: store.id, lockedStoreId: store.id })).ids).toContain(tagged.id);
    const big = await segment({ levelId: gold.id, purchasedWithinDays: 1 });
    expect(big.ids).toContain(spender.id);
    expect(big.ids).not.toContain(idle.id);
    expect(big.ids).not.toContain(tagged.id);
    const never = (await segment({ notPurchasedForDays: 30, maxSpendFen: 0 })).ids;
    expect(never).toEqual(expect.arrayContaining([idle.id, tagged.id]));
    expect(never).not.toContain(spender.id);

    const tpl = (
      await admin.POST('/api/admin/coupon-templates', {
        body: {
          name: '金卡专享',
          kind: 'percent',
          percentOffBp: 1_000,
          scope: 'all',
          validDays: 30,
          totalQty: 1_000,
          claimable: false,
        },
      })
    ).data!;
    const issued = (
      await admin.POST('/api/admin/coupon-templates/{id}/issue-to-segment', {
        params: { path: { id: tpl.id } },
        body: { segmentId: big.id },
      })
    ).data!;
    expect(issued).toEqual({ issued: big.ids.length, skipped: 0 });
    const mine = (await client(spender.token).GET('/api/app/coupons')).data!;
    expect(mine.map((c) => c.template.name)).toContain('金卡专享');
    await expect(
      client(idle.token).POST('/api/app/coupons/claim', { body: { templateId: tpl.id } }),
    ).rejects.toMatchObject({ status: 409, code: 'COUPON_NOT_CLAIMABLE' });
  });
});
