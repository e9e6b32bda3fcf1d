import { In } from 'typeorm';
import { RewardEvent } from '../../src/modules/rewards/entities/reward-event.entity';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { JobsService } from '../../src/jobs/jobs.service';
import { adminToken, userToken } from '../factories/auth.factory';
import { eventually } from '../factories/payments.factory';
import { TestRewardOrders, TestRewardOrdersModule } from '../factories/reward-orders.factory';
import { bootTestApp, type TestApp } from '../app';
import { LedgerService, PLATFORM } from '../../src/modules/ledger/ledger.service';
import { orderPaidJob } from '../../src/modules/orders/orders.ports';
import { Reward } from '../../src/modules/rewards/entities/reward.entity';
import { RewardsService } from '../../src/modules/rewards/rewards.service';

const DAY = 86_400_000;

describe('rewards on the ledger: accrual, settlement, clawback', () => {
  let t: TestApp;
  let rewards: RewardsService;
  let orders: TestRewardOrders;
  let ledger: LedgerService;
  let clock: Clock;
  let tx: TransactionService;
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    t = await bootTestApp({}, [TestRewardOrdersModule]);
    rewards = t.app.get(RewardsService);
    orders = t.app.get(TestRewardOrders);
    ledger = t.app.get(LedgerService);
    clock = t.app.get(Clock);
    tx = t.app.get(TransactionService);
  });
  afterAll(() => t.close());

  const people = () => ({
    store: randomUUID(),
    agent: randomUUID(),
    reseller: randomUUID(),
    upline: randomUUID(),
    buyer: randomUUID(),
  });
  const bal = (type: 'store' | 'agent' | 'reseller', id: string) => ledger.balances(ctx, { type, id });
  const paidOrder = (p: ReturnType<typeof people>, lines: number[]) =>
    orders.add(
      p.buyer,
      lines.map((paidFen) => ({
        paidFen,
        attribution: { storeId: p.store, agentId: p.agent, resellerId: p.reseller, uplineId: p.upline },
      })),
    );

  it('accrues every party of every line to pending, once however often the paid event comes', async () => {
    const p = people();
    const order = paidOrder(p, [10_000, 999]);
    const posted = await Promise.all(Array.from({ length: 5 }, () => rewards.accrue(ctx, order.orderId)));
    expect(posted.reduce((a, b) => a + b, 0)).toBe(8);
    expect(await bal('store', p.store)).toEqual({ pendingFen: 500 + 49, availableFen: 0, withdrawingFen: 0 });
    expect((await bal('agent', p.agent)).pendingFen).toBe(100 + 9);
    expect((await bal('reseller', p.reseller)).pendingFen).toBe(1_000 + 99);
    expect((await bal('reseller', p.upline)).pendingFen).toBe(300 + 29);
    expect(await tx.repo(ctx, Reward).countBy({ orderId: order.orderId })).toBe(8);
  });

  it('accrues through the orders.paid job too (the worker is registered)', async () => {
    const p = people();
    const order = paidOrder(p, [2_000]);
    await t.app
      .get(JobsService)
      .send(ctx, orderPaidJob, { orderId: order.orderId }, { idempotencyKey: `paid:${order.orderId}` });
    await eventually(async () => ((await bal('store', p.store)).pendingFen === 100 ? true : undefined));
  });

  it('settles settleDaysAfterComplete days after completion, once, and catches up after downtime', async () => {
    const p = people();
    const order = paidOrder(p, [10_000]);
    await rewards.accrue(ctx, order.orderId);
    await rewards.settleDue(ctx);
    expect((await bal('store', p.store)).availableFen).toBe(0); // not completed yet
    await rewards.completed(ctx, order.orderId, clock.now());
    clock.advance(6 * DAY);
    await rewards.settleDue(ctx);
    expect((await bal('store', p.store)).availableFen).toBe(0); // 6 of 7 days
    clock.advance(30 * DAY); // the job was down for a month: everything due settles now
    await Promise.all([rewards.settleDue(ctx), rewards.settleDue(ctx)]);
    expect(await bal('store', p.store)).toEqual({ pendingFen: 0, availableFen: 500, withdrawingFen: 0 });
    const settled = await tx.repo(ctx, Reward).findBy({ orderId: order.orderId });
    const history = await tx.repo(ctx, RewardEvent).findBy({ rewardId: In(settled.map((r) => r.id)) });
    expect(history.filter((h) => h.toStatus === 'AVAILABLE').map((h) => [h.fromStatus, h.actorId])).toEqual(
      settled.map(() => ['PENDING', 'settle']),
    );
    expect(await bal('reseller', p.reseller)).toEqual({
      pendingFen: 0,
      availableFen: 1_000,
      withdrawingFen: 0,
    });
    clock.reset();
  });

  it('takes back a partial refund before settlement from pending, in proportion, and cancels when all is refunded', async () => {
    const p = people();
    const order = paidOrder(p, [10_000]);
    const line = order.lines[0].lineId;
    await rewards.accrue(ctx, order.orderId);
    const refund = { orderId: order.orderId, lineId: line, refundId: randomUUID(), refundedFen: 3_333 };
    await Promise.all([rewards.clawback(ctx, refund), rewards.clawback(ctx, refund)]); // delivered twice: once
    expect((await bal('store', p.store)).pendingFen).toBe(500 - 166);
    expect((await bal('reseller', p.reseller)).pendingFen).toBe(1_000 - 333);
    await rewards.clawback(ctx, { ...refund, refundId: randomUUID(), refundedFen: 6_667 });
    expect(await bal('store', p.store)).toEqual({ pendingFen: 0, availableFen: 0, withdrawingFen: 0 });
    const statuses = (await tx.repo(ctx, Reward).findBy({ lineId: line })).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set(['CANCELLED']));
    const store = await tx.repo(ctx, Reward).findOneByOrFail({ lineId: line, kind: 'store' });
    const history = await tx
      .repo(ctx, RewardEvent)
      .find({ where: { rewardId: store.id }, order: { createdAt: 'ASC' } });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actorKind, h.actorId])).toEqual([
      [null, 'PENDING', 'system', 'accrue'],
      ['PENDING', 'CANCELLED', 'system', 'clawback'],
    ]);
  });

  it('after settlement a refund posts a negative adjustment; a debt shows and is netted against later income', async () => {
    const p = people();
    const first = paidOrder(p, [10_000]);
    await rewards.accrue(ctx, first.orderId);
    await rewards.completed(ctx, first.orderId, new Date(clock.now().getTime() - 8 * DAY));
    await rewards.settleDue(ctx);
    expect((await bal('reseller', p.reseller)).availableFen).toBe(1_000);
    // the reseller withdraws everything, then the order is fully refunded
    await ledger.post(ctx, {
      reference: `test-withdraw:${randomUUID()}`,
      kind: 'withdrawal_request',
      memo: '提现',
      entries: [
        {
          owner: { type: 'reseller', id: p.reseller },
          kind: 'available',
          amountFen: -1_000,
          floorZero: true,
        },
        { owner: PLATFORM, kind: 'payouts', amountFen: 1_000 },
      ],
    });
    await rewards.clawback(ctx, {
      orderId: first.orderId,
      lineId: first.lines[0].lineId,
      refundId: randomUUID(),
      refundedFen: 10_000,
    });
    expect((await bal('reseller', p.reseller)).availableFen).toBe(-1_000); // a debt, in the open
    const second = paidOrder(p, [30_000]);
    await rewards.accrue(ctx, second.orderId);
    await rewards.completed(ctx, second.orderId, new Date(clock.now().getTime() - 8 * DAY));
    await rewards.settleDue(ctx);
    expect((await bal('reseller', p.reseller)).availableFen).toBe(2_000); // 3 000 earned, 1 000 owed
    const settled = await tx.repo(ctx, Reward).findBy({ orderId: first.orderId, kind: 'l1' });
    expect(settled[0]).toMatchObject({ status: 'AVAILABLE', clawedFen: 1_000 });
  });

  it('lists rewards by order for finance and refuses others’ accounts to users', async () => {
    const p = people();
    const order = paidOrder(p, [5_000]);
    await rewards.accrue(ctx, order.orderId);
    const list = await t.http
      .get(`/api/admin/rewards?orderId=${order.orderId}`)
      .set('authorization', `Bearer ${await adminToken(t, ['finance'])}`)
      .expect(200);
    expect(
      list.body.items.map((r: { kind: string; amountFen: number }) => `${r.kind}:${r.amountFen}`).sort(),
    ).toEqual(['agent:50', 'l1:500', 'l2:150', 'store:250']);
    const csv = await t.http
      .get(`/api/admin/rewards/export.csv?orderId=${order.orderId}`)
      .set('authorization', `Bearer ${await adminToken(t, ['finance'])}`)
      .expect(200);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv.text).toContain('"一级佣金"');
    await t.http
      .get(`/api/app/rewards?earnerType=reseller&earnerId=${p.reseller}`)
      .set('authorization', `Bearer ${await userToken(t)}`)
      .expect(404);
  });
});
