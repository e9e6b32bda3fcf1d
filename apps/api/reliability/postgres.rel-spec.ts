import { CheckoutLoad, checkInvariants, report, sleep, Stack } from './harness';

/**
 * Scenario 2: PostgreSQL stops under checkout load and comes back. The API answers 503 in the
 * error shape meanwhile (it does not exit), reconnects by itself and reports healthy again;
 * nothing is half-written.
 */
describe('PostgreSQL restart under load', () => {
  let s: Stack;

  beforeAll(async () => {
    s = await Stack.boot();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('answers 503 while the database is down, reconnects and leaves every order whole', async () => {
    const sku = await s.stockedSku(100_000);
    const load = new CheckoutLoad(s, sku.id);
    await load.start(6);
    await sleep(3000);
    const apiPid = s.api.child!.pid;
    const workerPid = s.worker!.child!.pid;

    await s.pg.stop('fast');
    const stoppedAt = Date.now();
    // While it is down: health and ordinary routes answer 503 in the error shape, quickly.
    const downAnswers: { status: number; code?: string; message?: string }[] = [];
    const buyer = load.buyers[0];
    while (Date.now() - stoppedAt < 4000) {
      for (const r of [
        await s.call('GET', '/health', { timeoutMs: 10_000 }),
        await s.call('GET', '/app/orders', { token: buyer.token, timeoutMs: 10_000 }),
      ]) {
        downAnswers.push({ status: r.status, code: r.body?.code, message: r.body?.message });
      }
      await sleep(200);
    }
    await s.pg.start();
    const recoveredIn = await s.healthy(60_000);
    const downMs = Date.now() - stoppedAt;
    await sleep(3000);
    await load.stop();

    // Same processes: no crash, no restart loop.
    expect(s.api.running && s.worker!.running).toBe(true);
    expect(s.api.child!.pid).toBe(apiPid);
    expect(s.worker!.child!.pid).toBe(workerPid);
    expect(s.api.exits + s.worker!.exits).toBe(0);

    expect(downAnswers.length).toBeGreaterThan(4);
    expect(downAnswers.filter((a) => !(a.status === 503 && a.code && a.message))).toEqual([]);

    // After recovery: the buyers' answers were all either a success or a 503 (never a 500).
    const statuses = [...load.statuses.keys()].map((k) => k.split(' ')[0]);
    expect(statuses.filter((k) => !['200', '201', '503'].includes(k))).toEqual([]);

    await s.until('every WeChat payment to be taken', async () => {
      const [{ n }] = await s.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM payment WHERE status = 'PAID' AND out_trade_no = ANY($1)`,
        [[...load.paidAtWechat]],
      );
      return n === load.paidAtWechat.size;
    });
    const inv = await checkInvariants(s, sku, load.paidAtWechat);
    const codes = [...new Set(downAnswers.map((a) => `${a.status} ${a.code}`))].join(', ');
    report('PostgreSQL restart under checkout load', {
      'orders placed': load.placed,
      'database down (stop → API healthy)': `${downMs} ms (healthy ${recoveredIn} ms after the start)`,
      'answers while down': `${downAnswers.length} × ${codes}`,
      'payments taken at WeChat': load.paidAtWechat.size,
      'final orders paid / payable / cancelled': `${inv.paid} / ${inv.pendingPayable} / ${inv.cancelled}`,
      'process restarts': s.api.exits + s.worker!.exits,
      'answers seen by buyers': load.summary(),
    });
  });
});
