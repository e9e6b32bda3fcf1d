import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { adminToken } from '../factories/auth.factory';
import { fundAvailable } from '../factories/earners.factory';
import { loginNewUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';
import { LedgerService, PLATFORM } from '../../src/modules/ledger/ledger.service';
import { Withdrawal } from '../../src/modules/withdrawals/entities/withdrawal.entity';
import { WithdrawalEvent } from '../../src/modules/withdrawals/entities/withdrawal-event.entity';
import { TransfersService } from '../../src/modules/withdrawals/transfers.service';
import { ResellerService } from '../../src/modules/referral/reseller.service';
import { SettingsService } from '../../src/modules/settings/settings.service';

describe('withdrawals (real PostgreSQL, WeChat transfer through the simulator)', () => {
  let t: TestAppWithSim;
  let resellers: ResellerService;
  let settings: SettingsService;
  let ledger: LedgerService;
  let tx: TransactionService;
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    resellers = t.app.get(ResellerService);
    settings = t.app.get(SettingsService);
    ledger = t.app.get(LedgerService);
    tx = t.app.get(TransactionService);
    financeToken = await adminToken(t, ['finance']);
  });
  afterAll(() => t.close());

  /** A real mini-program user who applied and was approved (or rejected) as a reseller, with settled money. */
  const reseller = async (availableFen: number, opts: { approved?: boolean } = {}) => {
    const user = await loginNewUser(t, '推广员');
    await resellers.apply(ctx, user.id);
    if (opts.approved === false) await resellers.reject(ctx, user.id, '资料不全');
    else await resellers.approve(ctx, user.id);
    if (availableFen) await fundAvailable(ledger, ctx, 'reseller', user.id, availableFen);
    return { id: user.id, token: user.token, openid: user.openid };
  };
  const ask = (r: { id: string; token: string }, amountFen: number, key: string = randomUUID()) =>
    t.http
      .post('/api/app/withdrawals')
      .set('authorization', `Bearer ${r.token}`)
      .set('idempotency-key', key)
      .send({ earnerType: 'reseller', earnerId: r.id, amountFen });
  let financeToken = '';
  const finance = () => ({ authorization: `Bearer ${financeToken}` });
  const balances = (id: string) => ledger.balances(ctx, { type: 'reseller', id });

  it('refuses under the minimum, over the balance, from a suspended earner, or for someone else — moving nothing', async () => {
    const r = await reseller(5_000);
    expect((await ask(r, 99).expect(400)).body).toMatchObject({
      code: 'WITHDRAWAL_BELOW_MINIMUM',
      details: { minWithdrawFen: 100 },
    });
    expect((await ask(r, 5_001).expect(409)).body).toMatchObject({
      code: 'WITHDRAWAL_INSUFFICIENT_BALANCE',
      details: { availableFen: 5_000 },
    });
    const suspended = await reseller(5_000, { approved: false });
    expect((await ask(suspended, 100).expect(403)).body.code).toBe('WITHDRAWAL_EARNER_SUSPENDED');
    const stranger = { id: r.id, token: (await loginNewUser(t, '路人')).token };
    expect((await ask(stranger, 100).expect(404)).body.code).toBe('WITHDRAWAL_NOT_FOUND');
    await t.http
      .post('/api/app/withdrawals')
      .set('authorization', `Bearer ${r.token}`)
      .send({ earnerType: 'reseller', earnerId: r.id, amountFen: 100 })
      .expect(400);
    expect(await balances(r.id)).toEqual({ pendingFen: 0, availableFen: 5_000, withdrawingFen: 0 });
    expect(await tx.repo(ctx, Withdrawal).countBy({ earnerId: r.id })).toBe(0);
  });

  it('lets exactly the affordable ones of 100 parallel requests through; the balance never goes negative', async () => {
    const r = await reseller(5_000);
    const results = await Promise.all(Array.from({ length: 100 }, () => ask(r, 100)));
    const codes = results.map((res) => (res.status === 201 ? 'OK' : res.body.code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(50);
    expect(codes.filter((c) => c === 'WITHDRAWAL_INSUFFICIENT_BALANCE')).toHaveLength(50);
    expect(await balances(r.id)).toEqual({ pendingFen: 0, availableFen: 0, withdrawingFen: 5_000 });
  });

  it('returns the same withdrawal for a repeated key, and refuses the key with another body', async () => {
    const r = await reseller(1_000);
    const key = randomUUID();
    const [a, b] = await Promise.all([ask(r, 300, key), ask(r, 300, key)]);
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect((await ask(r, 400, key).expect(409)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await balances(r.id)).availableFen).toBe(700);
  });

  it('rejection returns the money with the reason; approving twice is refused', async () => {
    const r = await reseller(1_000);
    const w = (await ask(r, 600).expect(201)).body;
    const rejected = await t.http
      .post(`/api/admin/withdrawals/${w.id}/reject`)
      .set(finance())
      .send({ reason: '账户信息不完整' })
      .expect(201);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: '账户信息不完整' });
    expect(await balances(r.id)).toEqual({ pendingFen: 0, availableFen: 1_000, withdrawingFen: 0 });
    const again = await t.http
      .post(`/api/admin/withdrawals/${w.id}/approve`)
      .set(finance())
      .send({ method: 'manual' })
      .expect(409);
    expect(again.body.code).toBe('WITHDRAWAL_STATE_INVALID');
    const w2 = (await ask(r, 200).expect(201)).body;
    await t.http
      .post(`/api/admin/withdrawals/${w2.id}/approve`)
      .set(finance())
      .send({ method: 'manual' })
      .expect(201);
    expect(
      (
        await t.http
          .post(`/api/admin/withdrawals/${w2.id}/approve`)
          .set(finance())
          .send({ method: 'manual' })
          .expect(409)
      ).body.code,
    ).toBe('WITHDRAWAL_STATE_INVALID');
  });

  it('pays by hand with the fee kept by the platform', async () => {
    await settings.update(ctx, { withdrawFeeBp: 60 }); // 0.6 %
    try {
      const r = await reseller(10_000);
      const w = (await ask(r, 10_000).expect(201)).body;
      expect(w).toMatchObject({ amountFen: 10_000, feeFen: 60, netFen: 9_940, status: 'REQUESTED' });
      await t.http
        .post(`/api/admin/withdrawals/${w.id}/approve`)
        .set(finance())
        .send({ method: 'manual' })
        .expect(201);
      const paid = await t.http
        .post(`/api/admin/withdrawals/${w.id}/mark-paid`)
        .set(finance())
        .send({ note: '工行转账 1234' })
        .expect(201);
      expect(paid.body.status).toBe('PAID');
      expect(await balances(r.id)).toEqual({ pendingFen: 0, availableFen: 0, withdrawingFen: 0 });
      const history = await tx
        .repo(ctx, WithdrawalEvent)
        .find({ where: { withdrawalId: w.id }, order: { createdAt: 'ASC' } });
      expect(history.map((h) => h.toStatus)).toEqual(['APPROVED', 'PAID']);
      expect(history[0]).toMatchObject({ actorKind: 'admin', fromStatus: 'REQUESTED' });
    } finally {
      await settings.update(ctx, { withdrawFeeBp: 0 });
    }
  });

  it('pays through a WeChat transfer the user confirms, and returns the money when a transfer fails', async () => {
    const r = await reseller(3_000);
    const ok = (await ask(r, 1_000).expect(201)).body;
    const bad = (await ask(r, 2_000).expect(201)).body;
    const bulk = await t.http
      .post('/api/admin/withdrawals/approve')
      .set(finance())
      .send({ ids: [ok.id, bad.id], method: 'wechat' })
      .expect(201);
    expect(bulk.body).toEqual({ approved: [ok.id, bad.id], failed: {} });
    const paying = async (id: string) =>
      (await t.http.get(`/api/app/withdrawals/${id}`).set('authorization', `Bearer ${r.token}`).expect(200))
        .body;
    const okPaying = await eventually(async () =>
      (await paying(ok.id)).status === 'PAYING' ? paying(ok.id) : undefined,
    );
    expect(okPaying.packageInfo).toBeTruthy();
    await eventually(async () => (await paying(bad.id)).status === 'PAYING');
    const bills = await tx.repo(ctx, Withdrawal).findBy({ earnerId: r.id });
    const billOf = (id: string) => bills.find((b) => b.id === id)!.outBillNo;
    await t.sim.control('POST', `/sim/transfers/${billOf(ok.id)}/confirm`, {});
    await t.sim.control('POST', `/sim/transfers/${billOf(bad.id)}/confirm`, { fail: true });
    await eventually(async () => (await paying(ok.id)).status === 'PAID');
    await eventually(async () => (await paying(bad.id)).status === 'FAILED');
    expect(await balances(r.id)).toEqual({ pendingFen: 0, availableFen: 2_000, withdrawingFen: 0 });
    expect((await ledger.balances(ctx, PLATFORM)).pendingFen).toBe(0);
  });

  it('refuses a transfer result for an unknown bill with a stable code, moving nothing', async () => {
    const before = await ledger.verify(ctx);
    const err = await t.app
      .get(TransfersService)
      .onTransferFinished(ctx, {
        out_bill_no: 'WD00000000000000000000000000',
        transfer_bill_no: 'x',
        state: 'SUCCESS',
        transfer_amount: 100,
        openid: 'o',
        create_time: '',
        update_time: '',
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'WITHDRAWAL_NOT_FOUND' });
    expect(await ledger.verify(ctx)).toEqual(before);
  });

  it('keeps the queue for finance only, lists with filters and exports CSV', async () => {
    const r = await reseller(500);
    const w = (await ask(r, 500).expect(201)).body;
    await t.http
      .get('/api/admin/withdrawals')
      .set('authorization', `Bearer ${await adminToken(t, ['store_manager'])}`)
      .expect(403);
    await t.http
      .post(`/api/admin/withdrawals/${w.id}/approve`)
      .set('authorization', `Bearer ${await adminToken(t, ['operator'])}`)
      .send({ method: 'manual' })
      .expect(403);
    const list = await t.http
      .get(`/api/admin/withdrawals?earnerType=reseller&earnerId=${r.id}&status=REQUESTED`)
      .set(finance())
      .expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: w.id, amountFen: 500 }] });
    const csv = await t.http
      .get(`/api/admin/withdrawals/export.csv?earnerId=${r.id}`)
      .set(finance())
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('"5.00"');
    const statement = await t.http
      .get(`/api/admin/ledger/statement?earnerType=reseller&earnerId=${r.id}&kind=available`)
      .set(finance())
      .expect(200);
    expect(
      statement.body.items.map((l: { amountFen: number; balanceAfterFen: number }) => [
        l.amountFen,
        l.balanceAfterFen,
      ]),
    ).toEqual([
      [-500, 0],
      [500, 500],
    ]);
    const earners = await t.http
      .get('/api/admin/ledger/earners?earnerType=reseller&pageSize=100')
      .set(finance())
      .expect(200);
    expect(earners.body.items).toContainEqual({
      earnerId: r.id,
      pendingFen: 0,
      availableFen: 0,
      withdrawingFen: 500,
    });
    const wallet = await t.http
      .get(`/api/app/wallet?earnerType=reseller&earnerId=${r.id}`)
      .set('authorization', `Bearer ${r.token}`)
      .expect(200);
    expect(wallet.body).toMatchObject({ availableFen: 0, withdrawingFen: 500, pendingFen: 0 });
    expect((await t.http.get('/api/admin/ledger/check').set(finance()).expect(200)).body).toEqual({
      unbalancedPostings: 0,
      mismatchedAccounts: 0,
      totalFen: 0,
    });
  });
});
