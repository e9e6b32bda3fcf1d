import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { Clock, DAY_MS } from '../../src/common/clock';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { Refund } from '../../src/modules/payments/entities/refund.entity';
import { Reward } from '../../src/modules/rewards/entities/reward.entity';
import { RewardsService } from '../../src/modules/rewards/rewards.service';
import { SettingsService } from '../../src/modules/settings/settings.service';
import { adminToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser, type LoggedInUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/**
 * Shopping guides (导购) on real orders paid in the WeChat simulator: a staff member's guide
 * link credits them as the line's guide at the store's rate (no reseller commission on that
 * line; the store and the agent still earn), the default rate 0 pays no guide, a reseller
 * who is staff earns as a reseller through their reseller link, a refund claws the guide
 * reward back, and the guide withdraws from the wallet.
 */
describe('shopping guides (导购)', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let admin: ApiClient;
  const ctx = RequestContext.system('test');
  const client = (token: string): ApiClient =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });
  const key = () => ({ header: { 'Idempotency-Key': `k-${randomUUID()}` } });

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    admin = client(await adminToken(t, ['admin']));
    await t.app.get(SettingsService).update(ctx, { resellerMode: 'everyone' });
  });
  afterAll(() => t.close());

  /** A store with an owner, an agent and a staff member who is also an approved reseller; one 100-yuan product. */
  const shop = async (guideRateBp: number | null) => {
    const [owner, agent, staff] = await Promise.all(
      ['店主老陈', '代理商老林', '导购小周'].map((n) => loginNewUser(t, n)),
    );
    const store = await newStore(t, { name: `湖滨店${randomUUID().slice(0, 4)}`, ownerUserId: owner.id });
    // The operator sets the agent and the guide rate override in the admin's store form.
    const patched = await admin.PATCH('/api/admin/stores/{id}', {
      params: { path: { id: store.id } },
      body: { agentUserId: agent.id, guideRateBp },
    });
    expect(patched.data!.guideRateBp).toBe(guideRateBp);
    const product = await newProduct(t, {
      title: '西湖龙井 250g',
      skus: [skuInput({ priceFen: 10_000, stock: 0 })],
    });
    const skuId = product.skus[0].id;
    await putStoreStock(t, store.id, skuId, 10);
    const shelf = await newShelf(t, store.id, [product.id]);
    const invite = await client(owner.token).POST('/api/app/stores/{id}/staff-invites', {
      params: { path: { id: store.id } },
    });
    await client(staff.token).POST('/api/app/staff-invites/{code}/accept', {
      params: { path: { code: invite.data!.code } },
    });
    await client(staff.token).POST('/api/app/reseller/apply');
    return { store, owner, agent, staff, skuId, productId: product.id, code: shelf.code! };
  };

  const open = async (buyer: LoggedInUser, shareCode: string) =>
    (await client(buyer.token).GET('/api/app/r/{shareCode}', { params: { path: { shareCode } } })).data!;

  const buy = async (buyer: LoggedInUser, scanCode: string, skuId: string) => {
    const api = client(buyer.token);
    const placed = await api.POST('/api/app/orders', {
      params: key(),
      body: { mode: 'take_away', scanCode, items: [{ skuId, qty: 1 }] },
    });
    const order = placed.data as Schemas['OrderDto'];
    await api.POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } });
    const prepay = await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order.id });
    await t.sim.pay(prepay.prepayId, buyer.openid);
    await eventually(async () => {
      const o = await tx.repo(ctx, Order).findOneByOrFail({ id: order.id });
      return o.status !== 'PENDING_PAYMENT' ? o : undefined;
    });
    return order;
  };

  /** The order's rewards once accrued (the store's reward is always there): kind, earner, amount. */
  const rewardsOf = async (orderId: string) => {
    const rows = await eventually(async () => {
      const r = await tx.repo(ctx, Reward).find({ where: { orderId }, order: { kind: 'ASC' } });
      return r.some((x) => x.kind === 'store') ? r : undefined;
    });
    return rows.map((r) => [r.kind, r.earnerType, r.earnerId, r.amountFen, r.status]);
  };

  it('a staff link credits its sharer as guide at the store’s rate; no reseller commission; the store and the agent still earn; a refund claws it back; the guide withdraws', async () => {
    const { store, agent, staff, owner, skuId, productId, code } = await shop(200);
    const [buyer, buyer2, stranger] = await Promise.all(
      ['顾客小赵', '顾客小钱', '路人'].map((n) => loginNewUser(t, n)),
    );
    const s = client(staff.token);
    const link = await s.POST('/api/app/my-stores/{id}/guide-links', {
      params: { path: { id: store.id } },
      body: { productId },
    });
    expect(link.data).toMatchObject({
      storeId: store.id,
      productId,
      path: expect.stringContaining('scene='),
    });
    // Only members of the store get a guide link.
    await expect(
      client(stranger.token).POST('/api/app/my-stores/{id}/guide-links', {
        params: { path: { id: store.id } },
        body: {},
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await open(buyer, link.data!.shareCode)).toMatchObject({ outcome: 'bind', storeId: store.id });
    await open(buyer2, link.data!.shareCode);

    const order = await buy(buyer, code, skuId);
    expect(await rewardsOf(order.id)).toEqual([
      ['agent', 'agent', agent.id, 100, 'PENDING'],
      ['guide', 'guide', staff.id, 200, 'PENDING'],
      ['store', 'store', store.id, 500, 'PENDING'],
    ]);
    // The admin lists rewards by earner type.
    const guideRewards = await admin.GET('/api/admin/rewards', {
      params: { query: { earnerType: 'guide', earnerId: staff.id } },
    });
    expect(guideRewards.data!.items.map((r) => [r.kind, r.amountFen])).toEqual([['guide', 200]]);

    // A second order, refunded in full: its guide reward is taken back.
    const refunded = await buy(buyer2, code, skuId);
    await rewardsOf(refunded.id);
    const sale = await client(buyer2.token).POST('/api/app/after-sales', {
      params: key(),
      body: {
        orderId: refunded.id,
        lineId: refunded.lines[0].id,
        qty: 1,
        type: 'refund_only',
        reason: '不想要了',
        photos: [],
      },
    });
    await admin.POST('/api/admin/after-sales/{id}/approve', { params: { path: { id: sale.data!.id } } });
    const refund = await eventually(async () => {
      const r = await tx.repo(ctx, Refund).findOneBy({ orderId: refunded.id });
      return r?.status === 'PROCESSING' ? r : undefined;
    });
    await t.sim.control('POST', `/sim/refunds/${refund.outRefundNo}/complete`, {});
    const clawed = await eventually(async () => {
      const r = await tx.repo(ctx, Reward).findOneByOrFail({ orderId: refunded.id, kind: 'guide' });
      return r.status === 'CANCELLED' ? r : undefined;
    });
    expect(clawed).toMatchObject({ amountFen: 200, clawedFen: 200 });

    // 导购业绩 in the store centre: the guide's orders, sales net of refunds and rewards.
    const guides = await client(owner.token).GET('/api/app/my-stores/{id}/guides', {
      params: { path: { id: store.id } },
    });
    expect(guides.data!.items.find((g) => g.userId === staff.id)).toEqual({
      userId: staff.id,
      nickname: '导购小周',
      role: 'staff',
      today: { orders: 2, salesFen: 10_000, rewardFen: 200 },
      month: { orders: 2, salesFen: 10_000, rewardFen: 200 },
    });

    // Settled, the guide withdraws from the wallet as earner type `guide`.
    const clock = t.app.get(Clock);
    await eventually(async () => {
      clock.advance(8 * DAY_MS);
      try {
        await t.app.get(RewardsService).settleDue(ctx);
      } finally {
        clock.reset();
      }
      const w = await s.GET('/api/app/wallet', {
        params: { query: { earnerType: 'guide', earnerId: staff.id } },
      });
      return w.data!.availableFen === 200 ? true : undefined;
    });
    const accounts = await s.GET('/api/app/wallet/accounts');
    expect(accounts.data!.map((a) => a.earnerType)).toContain('guide');
    const asked = await s.POST('/api/app/withdrawals', {
      params: key(),
      body: { earnerType: 'guide', earnerId: staff.id, amountFen: 200 },
    });
    expect(asked.data).toMatchObject({ status: 'REQUESTED', amountFen: 200, earnerType: 'guide' });
  });

  it('the default guide rate 0 pays no guide and still no reseller commission on the line', async () => {
    expect((await t.app.get(SettingsService).get(ctx)).guideRateBp).toBe(0);
    const { store, agent, staff, skuId, code } = await shop(null);
    const buyer = await loginNewUser(t, '顾客小孙');
    const link = await client(staff.token).POST('/api/app/my-stores/{id}/guide-links', {
      params: { path: { id: store.id } },
      body: {},
    });
    await open(buyer, link.data!.shareCode);
    const order = await buy(buyer, code, skuId);
    expect(await rewardsOf(order.id)).toEqual([
      ['agent', 'agent', agent.id, 100, 'PENDING'],
      ['store', 'store', store.id, 500, 'PENDING'],
    ]);
  });

  it('a reseller who is staff earns as a reseller through their reseller link, and as guide only at their own store', async () => {
    const home = await shop(300);
    const other = await shop(300);
    const [friend, visitor] = await Promise.all(['好友小李', '访客小吴'].map((n) => loginNewUser(t, n)));
    const s = client(home.staff.token);
    const resellerLink = await s.POST('/api/app/share-links', { body: {} });
    await open(friend, resellerLink.data!.shareCode);
    const order = await buy(friend, home.code, home.skuId);
    expect(await rewardsOf(order.id)).toEqual([
      ['agent', 'agent', home.agent.id, 100, 'PENDING'],
      ['l1', 'reseller', home.staff.id, 1_000, 'PENDING'],
      ['store', 'store', home.store.id, 500, 'PENDING'],
    ]);
    // Their guide link used at another store's shelf: credited as the reseller they are.
    const guideLink = await s.POST('/api/app/my-stores/{id}/guide-links', {
      params: { path: { id: home.store.id } },
      body: {},
    });
    await open(visitor, guideLink.data!.shareCode);
    const elsewhere = await buy(visitor, other.code, other.skuId);
    expect(await rewardsOf(elsewhere.id)).toEqual([
      ['agent', 'agent', other.agent.id, 100, 'PENDING'],
      ['l1', 'reseller', home.staff.id, 1_000, 'PENDING'],
      ['store', 'store', other.store.id, 500, 'PENDING'],
    ]);
  });
});
