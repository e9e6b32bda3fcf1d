import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { Clock, DAY_MS } from '../../src/common/clock';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { RewardsService } from '../../src/modules/rewards/rewards.service';
import { SettingsService } from '../../src/modules/settings/settings.service';
import { adminToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser, type LoggedInUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { newShelf, newStore, putStoreStock } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/**
 * The earners' centres of the mini-program over HTTP, through the generated client, on real
 * orders paid in the WeChat simulator: the reseller centre (customers, two-level team,
 * commissions with buyer and product, earnings by day, withdrawal received with
 * requestMerchantTransfer), the store centre (figures, queue, pickup, locked customers, staff)
 * and the agent centre (stores, override, withdrawal).
 */
describe('earners’ centres (reseller, store, agent)', () => {
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

  /** A store with a shelf of one 100-yuan product (10 in store stock). */
  const shop = async (overrides: { ownerUserId?: string; agentUserId?: string } = {}) => {
    const store = await newStore(t, { name: `湖滨店${randomUUID().slice(0, 4)}`, ...overrides });
    const product = await newProduct(t, {
      title: '西湖龙井 明前特级 250g',
      skus: [skuInput({ priceFen: 10_000, stock: 0 })],
    });
    const skuId = product.skus[0].id;
    await putStoreStock(t, store.id, skuId, 10);
    const shelf = await newShelf(t, store.id, [product.id]);
    return { store, skuId, code: shelf.code! };
  };

  /** The buyer orders at the shelf and pays in the simulator; waits until the order is paid. */
  const buy = async (buyer: LoggedInUser, scanCode: string, skuId: string, mode: 'take_away' | 'pickup') => {
    const api = client(buyer.token);
    const placed = await api.POST('/api/app/orders', {
      params: key(),
      body: { mode, scanCode, items: [{ skuId, qty: 1 }] },
    });
    const order = placed.data as Schemas['OrderDto'];
    await api.POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } });
    const prepay = await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order.id });
    await t.sim.pay(prepay.prepayId, buyer.openid);
    await eventually(async () => {
      const o = await tx.repo(ctx, Order).findOneByOrFail({ id: order.id });
      return o.status !== 'PENDING_PAYMENT' ? o : undefined;
    });
    return tx.repo(ctx, Order).findOneByOrFail({ id: order.id });
  };

  const settleAll = async () => {
    const clock = t.app.get(Clock);
    clock.advance(8 * DAY_MS);
    try {
      await t.app.get(RewardsService).settleDue(ctx);
    } finally {
      clock.reset();
    }
  };

  it('reseller centre: a friend’s order and its commission, the team two levels deep, and a withdrawal received', async () => {
    const [upline, reseller, downline, friend] = await Promise.all(
      ['上级推广员', '推广员小王', '下级推广员', '好友小李'].map((n) => loginNewUser(t, n)),
    );
    const join = async (user: LoggedInUser, via: LoggedInUser) => {
      const link = await client(via.token).POST('/api/app/share-links', { body: {} });
      await client(user.token).GET('/api/app/r/{shareCode}', {
        params: { path: { shareCode: link.data!.shareCode } },
      });
    };
    await client(upline.token).POST('/api/app/reseller/apply');
    await join(reseller, upline);
    await client(reseller.token).POST('/api/app/reseller/apply');
    await join(downline, reseller);
    await client(downline.token).POST('/api/app/reseller/apply');
    await join(friend, reseller);

    const r = client(reseller.token);
    const customers = await r.GET('/api/app/reseller/customers');
    // Both came through the reseller's link (the downline is a customer too).
    expect(customers.data!.items.map((c) => c.nickname).sort()).toEqual(['下级推广员', '好友小李'].sort());

    // The upline's team: the reseller on level 1, the reseller's downline on level 2.
    const team = await client(upline.token).GET('/api/app/reseller/team');
    expect(team.data!.items.map((m) => [m.nickname, m.level, m.viaNickname])).toEqual([
      ['推广员小王', 1, null],
      ['下级推广员', 2, '推广员小王'],
    ]);
    const adminTeam = await admin.GET('/api/admin/resellers/{userId}/team', {
      params: { path: { userId: upline.id } },
    });
    expect(adminTeam.data).toEqual(team.data);

    const { code, skuId } = await shop();
    const order = await buy(friend, code, skuId, 'take_away');
    const rewards = await eventually(async () => {
      const page = await r.GET('/api/app/rewards', {
        params: { query: { earnerType: 'reseller', earnerId: reseller.id } },
      });
      return page.data!.items.length ? page.data! : undefined;
    });
    expect(rewards.items[0]).toMatchObject({
      orderNo: order.orderNo,
      buyerNickname: '好友小李',
      productTitle: '西湖龙井 明前特级 250g',
      kind: 'l1',
      amountFen: 1_000,
      status: 'PENDING',
    });
    const daily = await r.GET('/api/app/rewards/daily', {
      params: { query: { earnerType: 'reseller', earnerId: reseller.id } },
    });
    expect(daily.data![0]).toMatchObject({ orders: 1, amountFen: 1_000 });

    // Settled after 7 days; the withdrawal goes to WeChat's merchant transfer and waits for the user.
    await eventually(async () => {
      await settleAll();
      const w = await r.GET('/api/app/wallet', {
        params: { query: { earnerType: 'reseller', earnerId: reseller.id } },
      });
      return w.data!.availableFen === 1_000 ? w.data : undefined;
    });
    const bad = await r
      .POST('/api/app/withdrawals', {
        params: key(),
        body: { earnerType: 'reseller', earnerId: reseller.id, amountFen: 1_001 },
      })
      .catch((e: { code: string }) => e);
    expect((bad as { code: string }).code).toBe('WITHDRAWAL_INSUFFICIENT_BALANCE');
    const asked = await r.POST('/api/app/withdrawals', {
      params: key(),
      body: { earnerType: 'reseller', earnerId: reseller.id, amountFen: 1_000 },
    });
    const statement = await r.GET('/api/app/wallet/statement', {
      params: { query: { earnerType: 'reseller', earnerId: reseller.id, kind: 'available' } },
    });
    expect(statement.data!.items.map((l) => l.amountFen)).toEqual([-1_000, 1_000]);
    await admin.POST('/api/admin/withdrawals/{id}/approve', {
      params: { path: { id: asked.data!.id } },
      body: { method: 'wechat' },
    });
    const paying = await eventually(async () => {
      const w = await r.GET('/api/app/withdrawals/{id}', { params: { path: { id: asked.data!.id } } });
      return w.data!.packageInfo ? w.data! : undefined;
    });
    expect(paying).toMatchObject({ status: 'PAYING', mchId: expect.any(String), appId: expect.any(String) });

    // On H5 the simulator's confirm page plays wx.requestMerchantTransfer.
    const page = await fetch(
      `${t.sim.url}/sim/transfer/receive?${new URLSearchParams({
        mchId: paying.mchId!,
        appId: paying.appId!,
        package: String(paying.packageInfo),
        redirect_uri: 'http://127.0.0.1/h5/',
      })}`,
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('¥10.00');
    const bill = (await t.sim.control('GET', '/sim/transfers')) as {
      out_bill_no: string;
      package_info?: string;
    }[];
    const no = bill.find((b) => b.package_info === paying.packageInfo)!.out_bill_no;
    await t.sim.control('POST', `/sim/transfers/${no}/confirm`, {});
    await eventually(async () => {
      const w = await r.GET('/api/app/withdrawals/{id}', { params: { path: { id: asked.data!.id } } });
      return w.data!.status === 'PAID' ? true : undefined;
    });
  });

  it('store centre: figures, queue, pickup verified once and only by its store, locked customers, staff invited and removed', async () => {
    const [owner, staff, buyer, stranger] = await Promise.all(
      ['店主老陈', '店员小周', '顾客小赵', '别店店主'].map((n) => loginNewUser(t, n)),
    );
    const { store, skuId, code } = await shop({ ownerUserId: owner.id });
    const other = await shop({ ownerUserId: stranger.id });
    const o = client(owner.token);
    const invite = await o.POST('/api/app/stores/{id}/staff-invites', { params: { path: { id: store.id } } });
    const s = client(staff.token);
    await s.POST('/api/app/staff-invites/{code}/accept', { params: { path: { code: invite.data!.code } } });
    expect((await s.GET('/api/app/me')).data!.roles).toContain('store_staff');
    expect((await o.GET('/api/app/me')).data!.roles).toContain('store_owner');

    // The buyer scans the shelf (which locks them to the store), then buys twice.
    await client(buyer.token).GET('/api/app/scan/{code}', { params: { path: { code } } });
    await buy(buyer, code, skuId, 'take_away');
    const pickup = await buy(buyer, code, skuId, 'pickup');
    expect(pickup.status).toBe('AWAITING_PICKUP');

    const summary = await eventually(async () => {
      const r = await s.GET('/api/app/my-stores/{id}/summary', { params: { path: { id: store.id } } });
      return r.data!.today.rewardFen === 1_000 ? r.data! : undefined;
    });
    expect(summary).toEqual({
      today: { orders: 2, salesFen: 20_000, rewardFen: 1_000 },
      month: { orders: 2, salesFen: 20_000, rewardFen: 1_000 },
      awaitingPickup: 1,
      toShip: 0,
    });
    const queue = async (q: 'awaiting_pickup' | 'taken_today' | 'to_ship') =>
      (
        await s.GET('/api/app/my-stores/{id}/orders', {
          params: { path: { id: store.id }, query: { queue: q } },
        })
      ).data!.items.map((x) => x.id);
    expect(await queue('awaiting_pickup')).toEqual([pickup.id]);

    // Another store's owner cannot verify it (the code does not exist for them), nothing moves.
    const foreign = await client(stranger.token)
      .POST('/api/app/pickups/verify', { body: { code: pickup.pickupCode! } })
      .catch((e: { code: string }) => e);
    expect((foreign as { code: string }).code).toBe('ORDER_PICKUP_CODE_INVALID');
    const verified = await s.POST('/api/app/pickups/verify', { body: { code: pickup.pickupCode! } });
    expect(verified.data!.status).toBe('COMPLETED');
    const again = await s
      .POST('/api/app/pickups/verify', { body: { code: pickup.pickupCode! } })
      .catch((e: { code: string; message: string }) => e);
    expect(again).toMatchObject({ code: 'ORDER_PICKUP_CODE_INVALID', message: '取货码无效' });
    expect(await queue('awaiting_pickup')).toEqual([]);
    expect((await queue('taken_today')).sort()).toHaveLength(2);

    // The buyer scanned the shelf: locked to the store, with the lock's end.
    const locked = await eventually(async () => {
      const r = await o.GET('/api/app/my-stores/{id}/customers', { params: { path: { id: store.id } } });
      return r.data!.items.length ? r.data! : undefined;
    });
    expect(locked.items).toEqual([
      expect.objectContaining({ nickname: '顾客小赵', phone: null, storeLockExpiresAt: expect.any(String) }),
    ]);

    // 补货: staff ask, the operator handles it once (audited), other stores' staff cannot ask.
    const asked = await s.POST('/api/app/my-stores/{id}/restock-requests', {
      params: { path: { id: store.id } },
      body: { skuId, qty: 12, note: '周末备货' },
    });
    expect(asked.data).toMatchObject({
      status: 'open',
      qty: 12,
      title: '西湖龙井 明前特级 250g',
      requestedBy: '店员小周',
    });
    const stock = await s.GET('/api/app/my-stores/{id}/stock', { params: { path: { id: store.id } } });
    expect(stock.data!.items[0]).toMatchObject({ title: '西湖龙井 明前特级 250g', qty: 8, low: false });
    const strangerAsk = await client(stranger.token)
      .POST('/api/app/my-stores/{id}/restock-requests', {
        params: { path: { id: store.id } },
        body: { skuId, qty: 1 },
      })
      .catch((e: { status: number }) => e);
    expect((strangerAsk as { status: number }).status).toBe(404);
    const open = await admin.GET('/api/admin/restock-requests', {
      params: { query: { status: 'open', storeId: store.id } },
    });
    expect(open.data!.items.map((r) => r.id)).toEqual([asked.data!.id]);
    await admin.POST('/api/admin/restock-requests/{id}/handle', {
      params: { path: { id: asked.data!.id } },
      body: { status: 'done', note: '已安排配送' },
    });
    const twice = await admin
      .POST('/api/admin/restock-requests/{id}/handle', {
        params: { path: { id: asked.data!.id } },
        body: { status: 'rejected' },
      })
      .catch((e: { code: string }) => e);
    expect((twice as { code: string }).code).toBe('RESTOCK_ALREADY_HANDLED');
    const audit = await admin.GET('/api/admin/audit-logs', {
      params: { query: { entityId: asked.data!.id } },
    });
    expect(JSON.stringify(audit.data)).toContain('restock.done');

    // Staff and owners see only their own stores.
    for (const path of ['summary', 'orders', 'customers'] as const) {
      const res = await fetch(`${t.config.publicBaseUrl}/api/app/my-stores/${other.store.id}/${path}`, {
        headers: { authorization: `Bearer ${owner.token}` },
      });
      expect(res.status).toBe(404);
    }

    // Members with names; staff may not remove anyone, the owner removes the staff member.
    const members = await o.GET('/api/app/my-stores/{id}/members', { params: { path: { id: store.id } } });
    expect(members.data!.items.map((m) => [m.nickname, m.role])).toEqual([
      ['店主老陈', 'owner'],
      ['店员小周', 'staff'],
    ]);
    const denied = await s
      .DELETE('/api/app/my-stores/{id}/members/{userId}', {
        params: { path: { id: store.id, userId: owner.id } },
      })
      .catch((e: { code: string }) => e);
    expect((denied as { code: string }).code).toBe('STORE_NOT_OWNER');
    await o.DELETE('/api/app/my-stores/{id}/members/{userId}', {
      params: { path: { id: store.id, userId: staff.id } },
    });
    const gone = await s
      .GET('/api/app/my-stores/{id}/summary', { params: { path: { id: store.id } } })
      .catch((e: { status: number }) => e);
    expect((gone as { status: number }).status).toBe(404);
    expect((await s.GET('/api/app/me')).data!.roles).not.toContain('store_staff');
  });

  it('agent centre: appointing an agent lets them see their stores and withdraw their override', async () => {
    const [agent, otherAgent, buyer] = await Promise.all(
      ['代理商老林', '别的代理', '顾客小孙'].map((n) => loginNewUser(t, n)),
    );
    const { store, skuId, code } = await shop();
    // The operator appoints the agent in the admin.
    await admin.PATCH('/api/admin/stores/{id}', {
      params: { path: { id: store.id } },
      body: { agentUserId: agent.id },
    });
    const a = client(agent.token);
    expect((await a.GET('/api/app/me')).data!.roles).toContain('agent');
    await buy(buyer, code, skuId, 'take_away');

    const stores = await eventually(async () => {
      const r = await a.GET('/api/app/agent/stores');
      return r.data!.items[0]?.today.rewardFen === 100 ? r.data!.items : undefined;
    });
    expect(stores).toEqual([
      expect.objectContaining({
        id: store.id,
        today: { orders: 1, salesFen: 10_000, rewardFen: 100 },
      }),
    ]);
    expect((await client(otherAgent.token).GET('/api/app/agent/stores')).data!.items).toEqual([]);

    await eventually(async () => {
      await settleAll();
      const w = await a.GET('/api/app/wallet', {
        params: { query: { earnerType: 'agent', earnerId: agent.id } },
      });
      return w.data!.availableFen === 100 ? true : undefined;
    });
    const accounts = await a.GET('/api/app/wallet/accounts');
    expect(accounts.data!.map((x) => x.earnerType)).toContain('agent');
    const asked = await a.POST('/api/app/withdrawals', {
      params: key(),
      body: { earnerType: 'agent', earnerId: agent.id, amountFen: 100 },
    });
    expect(asked.data).toMatchObject({ status: 'REQUESTED', amountFen: 100 });
    // One in flight: a second request has nothing left.
    const twice = await a
      .POST('/api/app/withdrawals', {
        params: key(),
        body: { earnerType: 'agent', earnerId: agent.id, amountFen: 100 },
      })
      .catch((e: { code: string }) => e);
    expect((twice as { code: string }).code).toMatch(/^WITHDRAWAL_/);
  });
});
