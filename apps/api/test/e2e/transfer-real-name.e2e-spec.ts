import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { ResellerService } from '../../src/modules/referral/reseller.service';
import { PayeeRealName } from '../../src/modules/withdrawals/entities/payee-real-name.entity';
import { Withdrawal } from '../../src/modules/withdrawals/entities/withdrawal.entity';
import { WechatPayClient } from '../../src/wechat';
import { adminToken } from '../factories/auth.factory';
import { fundAvailable } from '../factories/earners.factory';
import { bearer, loginNewUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/** WeChat requires the receiver's real name, encrypted with its public key, for transfers from 2000 yuan. */
describe('withdrawals from 2000 yuan carry the real name (simulator decrypts and checks it)', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let ledger: LedgerService;
  let finance: { authorization: string };
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    ledger = t.app.get(LedgerService);
    finance = bearer(await adminToken(t, ['finance']));
  });
  afterAll(() => t.close());

  /** An approved reseller with settled money; `realName` is their WeChat real-name identity. */
  const reseller = async (availableFen: number, realName: string) => {
    const user = await loginNewUser(t, '推广员');
    await t.sim.control('POST', `/sim/users/${user.openid}/real-name`, { realName });
    const resellers = t.app.get(ResellerService);
    await resellers.apply(ctx, user.id);
    await resellers.approve(ctx, user.id);
    await fundAvailable(ledger, ctx, 'reseller', user.id, availableFen);
    return user;
  };
  const ask = (u: { id: string; token: string }, amountFen: number) =>
    t.http
      .post('/api/app/withdrawals')
      .set(bearer(u.token))
      .set('idempotency-key', randomUUID())
      .send({ earnerType: 'reseller', earnerId: u.id, amountFen });
  const mine = async (u: { token: string }, id: string) =>
    (await t.http.get(`/api/app/withdrawals/${id}`).set(bearer(u.token)).expect(200)).body;
  const approveAndWait = async (u: { token: string }, id: string) => {
    await t.http
      .post(`/api/admin/withdrawals/${id}/approve`)
      .set(finance)
      .send({ method: 'wechat' })
      .expect(201);
    await eventually(async () => (await mine(u, id)).status === 'PAYING');
    return (await tx.repo(ctx, Withdrawal).findOneByOrFail({ id })).outBillNo;
  };

  it('refuses 2000 yuan without a name on file, moving nothing; then sends the name and pays', async () => {
    const u = await reseller(250_000, '张三');
    const refused = await ask(u, 200_000).expect(409);
    expect(refused.body).toMatchObject({
      code: 'WITHDRAWAL_REAL_NAME_REQUIRED',
      message: '单笔提现2000元及以上需先填写收款人真实姓名',
      details: { requiredFromFen: 200_000 },
    });
    expect(await ledger.balances(ctx, { type: 'reseller', id: u.id })).toEqual({
      pendingFen: 0,
      availableFen: 250_000,
      withdrawingFen: 0,
    });
    expect(await tx.repo(ctx, Withdrawal).countBy({ earnerId: u.id })).toBe(0);
    // Below the threshold no name is needed.
    const small = (await ask(u, 199_999).expect(201)).body;
    await t.http.post(`/api/admin/withdrawals/${small.id}/reject`).set(finance).send({ reason: '测试' });

    const empty = await t.http.get('/api/app/wallet/real-name').set(bearer(u.token)).expect(200);
    expect(empty.body).toEqual({ set: false, masked: null, requiredFromFen: 200_000 });
    const bad = await t.http
      .put('/api/app/wallet/real-name')
      .set(bearer(u.token))
      .send({ realName: '张3<' })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const set = await t.http
      .put('/api/app/wallet/real-name')
      .set(bearer(u.token))
      .send({ realName: '张三' })
      .expect(200);
    expect(set.body).toEqual({ set: true, masked: '*三', requiredFromFen: 200_000 });
    expect(JSON.stringify(set.body)).not.toContain('张');
    // At rest the name is ciphertext only.
    const row = await tx.repo(ctx, PayeeRealName).findOneByOrFail({ openid: u.openid });
    expect(row.nameCipher).toMatch(/^v1:/);
    expect(row.nameCipher).not.toContain('张三');

    const w = (await ask(u, 200_000).expect(201)).body;
    const outBillNo = await approveAndWait(u, w.id);
    const bill = await t.sim.control('GET', `/sim/transfers/${outBillNo}`);
    expect(bill).toMatchObject({ transfer_amount: 200_000, user_name: '张三', state: 'WAIT_USER_CONFIRM' });
    await t.sim.control('POST', `/sim/transfers/${outBillNo}/confirm`, {});
    await eventually(async () => (await mine(u, w.id)).status === 'PAID');
    expect(await ledger.balances(ctx, { type: 'reseller', id: u.id })).toEqual({
      pendingFen: 0,
      availableFen: 50_000,
      withdrawingFen: 0,
    });
  });

  it('a name that is not the WeChat user’s real name fails the transfer and returns the money', async () => {
    const u = await reseller(200_000, '李四');
    await t.http.put('/api/app/wallet/real-name').set(bearer(u.token)).send({ realName: '王五' }).expect(200);
    const w = (await ask(u, 200_000).expect(201)).body;
    await t.http
      .post(`/api/admin/withdrawals/${w.id}/approve`)
      .set(finance)
      .send({ method: 'wechat' })
      .expect(201);
    const failed = await eventually(async () => {
      const x = await mine(u, w.id);
      return x.status === 'FAILED' ? x : undefined;
    });
    expect(failed.failReason).toContain('NAME_NOT_CORRECT');
    expect((await ledger.balances(ctx, { type: 'reseller', id: u.id })).availableFen).toBe(200_000);
  });

  it('the simulator refuses a 2000-yuan transfer without user_name as WeChat does', async () => {
    const u = await loginNewUser(t, '收款人');
    const err = await t.app
      .get(WechatPayClient)
      .createTransfer({
        outBillNo: `T${Date.now()}`,
        transferSceneId: '1005',
        openid: u.openid,
        amountFen: 200_000,
        remark: '佣金提现',
        reportInfos: [{ infoType: '岗位类型', infoContent: '推广员' }],
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PARAM_ERROR', status: 400, detail: { field: 'user_name' } });
  });
});
