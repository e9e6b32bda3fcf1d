import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { ResellerService } from '../../src/modules/referral/reseller.service';
import { adminToken } from '../factories/auth.factory';
import { fundAvailable } from '../factories/earners.factory';
import { loginNewUser } from '../factories/identity.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/**
 * Issue 19 point 17: a cell that Excel would run as a formula is neutralised, and an
 * export above EXPORT_MAX_ROWS is refused with a clear error instead of being cut.
 */
describe('CSV exports: formula cells neutralised, no silent truncation', () => {
  let t: TestAppWithSim;
  const ctx = RequestContext.system('test');
  let finance = '';

  beforeAll(async () => {
    t = await bootTestAppWithSim({ EXPORT_MAX_ROWS: '3' });
    finance = `Bearer ${await adminToken(t, ['finance'])}`;
  });
  afterAll(() => t.close());

  async function rejectedWithdrawal(reason: string): Promise<void> {
    const user = await loginNewUser(t, '推广员');
    const resellers = t.app.get(ResellerService);
    await resellers.apply(ctx, user.id);
    await resellers.approve(ctx, user.id);
    await fundAvailable(t.app.get(LedgerService), ctx, 'reseller', user.id, 1_000);
    const w = await t.http
      .post('/api/app/withdrawals')
      .set('authorization', `Bearer ${user.token}`)
      .set('idempotency-key', randomUUID())
      .send({ earnerType: 'reseller', earnerId: user.id, amountFen: 500 })
      .expect(201);
    await t.http
      .post(`/api/admin/withdrawals/${w.body.id}/reject`)
      .set('authorization', finance)
      .send({ reason })
      .expect(201);
  }

  it('prefixes cells starting with = + - @ so Excel shows them as text; amounts stay numbers', async () => {
    for (const p of ['=HYPERLINK("http://evil","点我")', '+1+cmd|calc', '@SUM(A1)'])
      await rejectedWithdrawal(p);
    const res = await t.http
      .get('/api/admin/withdrawals/export.csv')
      .set('authorization', finance)
      .expect(200);
    const text = res.text;
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(text).toContain(`"'+1+cmd|calc"`);
    expect(text).toContain(`"'@SUM(A1)"`);
    for (const line of text.split('\r\n').slice(1)) expect(line).not.toMatch(/(^|,)"[=+@]/);
    expect(text).toContain('"5.00"');
  });

  it('refuses an export above EXPORT_MAX_ROWS with EXPORT_TOO_LARGE instead of dropping rows', async () => {
    await rejectedWithdrawal('资料不全');
    const res = await t.http.get('/api/admin/withdrawals/export.csv').set('authorization', finance);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      code: 'EXPORT_TOO_LARGE',
      message: expect.any(String),
      details: { total: 4, maxRows: 3 },
    });
  });
});
