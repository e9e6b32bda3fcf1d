import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { Clock, DAY_MS } from '../../src/common/clock';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { UsersService } from '../../src/modules/identity/users.service';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { Refund } from '../../src/modules/payments/entities/refund.entity';
import { ResellerService } from '../../src/modules/referral/reseller.service';
import { ShareLinkService } from '../../src/modules/referral/share-link.service';
import { Reward } from '../../src/modules/rewards/entities/reward.entity';
import { RewardsService } from '../../src/modules/rewards/rewards.service';
import { SettingsService } from '../../src/modules/settings/settings.service';
import { adminToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/**
 * The whole money path of a cloud store: a take-away sale from a scanned store by a
 * customer a reseller brought in pays the store, its agent and two reseller levels;
 * it settles, is withdrawn, and a refund after settlement claws back into a visible debt.
 */
describe('money path: paid order → rewards → settlement → withdrawal → refund and clawback', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let ledger: LedgerService;
  const ctx = RequestContext.system('test');
  const client = (token: string): ApiClient =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    ledger = t.app.get(LedgerService);
  });
  afterAll(() => t.close());

  const pending = async (type: 'store' | 'agent' | 'reseller', id: string) =>
    (await ledger.balances(ctx, { type, id })).pendingFen;

  it('pays every party once from the frozen attribution, and keeps the ledger balanced throughout', async () => {
    const [owner, agent, upline, reseller, buyer] = await Promise.all(
      ['店主', '代理商', '上级推广员', '推广员', '顾客'].map((n) => loginNewUser(t, n)),
    );
    await t.app.get(UsersService).addRole(ctx, agent.id, 'agent');
    await t.app.get(SettingsService).update(ctx, { resellerMode: 'everyone' });
    const resellers = t.app.get(ResellerService);
    const links = t.app.get(ShareLinkService);
    await resellers.apply(ctx, upline.id);
    await links.open(ctx, reseller.id, (await links.create(ctx, upline.id, null)).code, 'share_link');
    expect((await resellers.apply(ctx, reseller.id)).uplineId).toBe(upline.id);
    await links.open(ctx, buyer.id, (await links.create(ctx, reseller.id, null)).code, 'share_link');

    const store = await newStore(t, { name: '湖滨银泰店', ownerUserId: owner.id, agentUserId: agent.id });
    const product = await newProduct(t, {
      title: '飞天茅台 53度 500ml',
      skus: [skuInput({ priceFen: 10_000, stock: 0 })],
    });
    const skuId = product.skus[0].id;
    await putStoreStock(t, store.id, skuId, 5);
    const shelf = await newShelf(t, store.id, [product.id]);

    // Take-away at the shelf (its code scanned in this checkout): paid through WeChat (simulator), completed at once.
    const buyerApi = client(buyer.token);
    const placed = await buyerApi.POST('/api/app/orders', {
      params: { header: { 'Idempotency-Key': `k-${randomUUID()}` } },
      body: { mode: 'take_away', scanCode: shelf.code!, items: [{ skuId, qty: 1 }] },
    });
    const order = placed.data as Schemas['OrderDto'];
    await buyerApi.POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } });
    const prepay = await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order.id });
    await t.sim.pay(prepay.prepayId, buyer.openid);

    // The orders.paid event accrues: store 5 %, agent 1 %, L1 10 %, L2 3 % of 100.00 yuan.
    await eventually(async () => ((await pending('reseller', upline.id)) === 300 ? true : undefined));
    expect(await pending('store', store.id)).toBe(500);
    expect(await pending('agent', agent.id)).toBe(100);
    expect(await pending('reseller', reseller.id)).toBe(1_000);
    await t.app.get(RewardsService).accrue(ctx, order.id); // the event delivered again: nothing more
    expect(await tx.repo(ctx, Reward).countBy({ orderId: order.id })).toBe(4);

    // Settlement after settleDaysAfterComplete (7): the completion came with the payment.
    await eventually(async () =>
      (await tx.repo(ctx, Reward).findOneByOrFail({ orderId: order.id, kind: 'l1' })).orderCompletedAt
        ? true
        : undefined,
    );
    const clock = t.app.get(Clock);
    clock.advance(8 * DAY_MS);
    try {
      await t.app.get(RewardsService).settleDue(ctx);
    } finally {
      clock.reset();
    }
    expect(await ledger.balances(ctx, { type: 'reseller', id: reseller.id })).toEqual({
      pendingFen: 0,
      availableFen: 1_000,
      withdrawingFen: 0,
    });

    // The reseller withdraws everything; the store owner sees the store's wallet.
    const resellerApi = client(reseller.token);
    await resellerApi.POST('/api/app/withdrawals', {
      params: { header: { 'Idempotency-Key': `w-${randomUUID()}` } },
      body: { earnerType: 'reseller', earnerId: reseller.id, amountFen: 1_000 },
    });
    const storeWallet = await client(owner.token).GET('/api/app/wallet', {
      params: { query: { earnerType: 'store', earnerId: store.id } },
    });
    expect(storeWallet.data).toMatchObject({ availableFen: 500, pendingFen: 0 });

    // A refund after settlement: the operator approves, WeChat refunds, the rewards are clawed back.
    const admin = client(await adminToken(t, ['admin']));
    const afterSale = await buyerApi.POST('/api/app/after-sales', {
      params: { header: { 'Idempotency-Key': `a-${randomUUID()}` } },
      body: {
        orderId: order.id,
        lineId: order.lines[0].id,
        qty: 1,
        type: 'return_refund',
        reason: '包装破损',
        photos: [],
      },
    });
    await admin.POST('/api/admin/after-sales/{id}/approve', { params: { path: { id: afterSale.data!.id } } });
    await admin.POST('/api/admin/after-sales/{id}/confirm-return', {
      params: { path: { id: afterSale.data!.id } },
    });
    const refund = await eventually(async () => {
      const r = await tx.repo(ctx, Refund).findOneBy({ orderId: order.id });
      return r?.status === 'PROCESSING' ? r : undefined;
    });
    await t.sim.control('POST', `/sim/refunds/${refund.outRefundNo}/complete`, {});
    await eventually(async () =>
      (await ledger.balances(ctx, { type: 'store', id: store.id })).availableFen === 0 ? true : undefined,
    );
    expect(await ledger.balances(ctx, { type: 'reseller', id: reseller.id })).toEqual({
      pendingFen: 0,
      availableFen: -1_000,
      withdrawingFen: 1_000,
    });
    expect((await ledger.balances(ctx, { type: 'reseller', id: upline.id })).availableFen).toBe(0);
    // The debt is visible in the reseller's own wallet, and blocks further withdrawals.
    const wallet = await resellerApi.GET('/api/app/wallet', {
      params: { query: { earnerType: 'reseller', earnerId: reseller.id } },
    });
    expect(wallet.data!.availableFen).toBe(-1_000);
    expect(await ledger.verify(ctx)).toEqual({ unbalancedPostings: 0, mismatchedAccounts: 0, totalFen: 0 });
  });
});
