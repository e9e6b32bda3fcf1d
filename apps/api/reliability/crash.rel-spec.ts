import { CheckoutLoad, checkInvariants, report, sleep, Stack } from './harness';

/**
 * Scenario 1: kill -9 of the API, and separately of the worker, while buyers place and pay
 * orders; then restart and let WeChat's notification retries and the job queue catch up.
 */
describe('kill -9 under checkout load', () => {
  let s: Stack;
  let sku: { id: string; stock: number };

  beforeAll(async () => {
    s = await Stack.boot();
    sku = await s.stockedSku(100_000);
  });
  afterAll(async () => {
    await s?.stop();
  });

  /** TRANSACTION.SUCCESS notifications: acknowledged (a 2xx), and how many needed a retry to get there. */
  async function notifications() {
    const all = await s.sim<
      {
        event_type: string;
        status: string;
        resource: { out_trade_no: string };
        attempts: { status?: number }[];
      }[]
    >('GET', '/sim/notifications');
    const pay = all.filter((n) => n.event_type === 'TRANSACTION.SUCCESS');
    const ok = (a: { status?: number }) => a.status !== undefined && a.status >= 200 && a.status < 300;
    const acked = pay.filter((n) => n.attempts.some(ok));
    return {
      total: pay.length,
      acked: acked.map((n) => n.resource.out_trade_no),
      retried: acked.filter((n) => !ok(n.attempts[0])).length,
      undelivered: pay.length - acked.length,
    };
  }

  async function settle(load: CheckoutLoad): Promise<void> {
    // Every payment WeChat took arrives (notification retries) and every queued job is done.
    await s.until('every WeChat payment to be taken', async () => {
      const n = await notifications();
      return n.undelivered === 0;
    });
    await s
      .until('the job queue to drain', async () => {
        // A retry waits 30 s and more (backoff): bring retries forward, as the simulator's clock would.
        for (const q of ['orders.paid', 'payments.refund']) await s.fastForwardJobs(q);
        const [{ open }] = await s.sql<{ open: number }>(
          `SELECT count(*)::int AS open FROM pgboss.job
          WHERE name IN ('orders.paid', 'payments.refund') AND state IN ('created', 'retry', 'active')`,
        );
        return open === 0;
      })
      .catch(async (err) => {
        console.log(
          await s.sql(
            `SELECT name, state, retry_count, output::text FROM pgboss.job WHERE name IN ('orders.paid', 'payments.refund') AND state IN ('created','retry','active','failed') LIMIT 5`,
          ),
        );
        throw err;
      });
    expect(load.paidAtWechat.size).toBeGreaterThan(0);
  }

  /** Every paid order accrued its store reward exactly once (the orders.paid job ran, retried or not). */
  async function rewardsOncePerPaidOrder(): Promise<void> {
    const rows = await s.sql<{ id: string; rewards: number }>(
      `SELECT o.id, (SELECT count(*)::int FROM reward r WHERE r.order_id = o.id AND r.kind = 'store') AS rewards
         FROM orders o WHERE o.status = 'PAID'`,
    );
    expect(rows.filter((r) => r.rewards !== 1)).toEqual([]);
  }

  it('the API killed mid-load loses no acknowledged notification and leaves nothing half-done', async () => {
    const load = new CheckoutLoad(s, sku.id);
    await load.start(6);
    await sleep(4000);
    const [{ inFlight }] = await s.sql<{ inFlight: number }>(
      `SELECT count(*)::int AS "inFlight" FROM orders WHERE status = 'PENDING_PAYMENT'`,
    );
    await s.api.kill('SIGKILL');
    const killedAt = Date.now();
    // With the API dead nothing more can commit: every notification acknowledged so far is a PAID payment.
    const before = await notifications();
    const [{ committed }] = await s.sql<{ committed: number }>(
      `SELECT count(*)::int AS committed FROM payment WHERE status = 'PAID' AND out_trade_no = ANY($1)`,
      [before.acked],
    );
    expect(committed).toBe(before.acked.length);
    await sleep(1500);
    s.api.start();
    const downMs = Date.now() - killedAt + (await s.healthy());
    await sleep(3000);
    await load.stop();
    await settle(load);
    const after = await notifications();
    const inv = await checkInvariants(s, sku, load.paidAtWechat);
    await rewardsOncePerPaidOrder();
    // Every acknowledged notification is a committed payment (checkInvariants: none lost).
    expect(after.acked.length).toBe(after.total);
    report('kill -9 API under checkout load', {
      'orders placed': load.placed,
      'orders unpaid (in flight) at the kill': inFlight,
      'notifications acknowledged before the kill (all committed)': `${before.acked.length} (${committed})`,
      'API down (kill → healthy)': `${downMs} ms`,
      'payments taken at WeChat': load.paidAtWechat.size,
      'notifications acknowledged in all': after.acked.length,
      'notifications recovered by WeChat retries': after.retried,
      'final orders paid / refunded / payable / cancelled': `${inv.paid} / ${inv.refunded} / ${inv.pendingPayable} / ${inv.cancelled}`,
      refunds: inv.refunds,
      'answers seen by buyers': load.summary(),
    });
  });

  it('the worker killed mid-load: jobs in flight are retried and take effect once', async () => {
    // One job certainly in flight at the kill: a refund WeChat takes 4 s to accept.
    const refunder = await s.buyer('退款买家');
    const [scan] = await s.sql<{ code: string }>(
      `SELECT code FROM scan_code WHERE status = 'active' LIMIT 1`,
    );
    await s.call('GET', `/app/scan/${scan.code}`, { token: refunder.token });
    const { orderId, outTradeNo } = await s.paidOrder(refunder, sku.id, 'crash-refund');
    await s.sim('POST', '/sim/faults', {
      path: '/v3/refund/domestic/refunds',
      count: 1,
      delayMs: 4000,
      delayOnly: true,
    });
    const load = new CheckoutLoad(s, sku.id);
    await load.start(6);
    await sleep(1000);
    const { refundId } = await s.refundBeforeShipping(refunder, orderId);
    const refundJob = async () =>
      (
        await s.sql<{ state: string; retry_count: number }>(
          `SELECT state, retry_count FROM pgboss.job WHERE name = 'payments.refund' AND data->>'refundId' = $1`,
          [refundId],
        )
      )[0];
    await s.until('the refund job to be running', async () => (await refundJob())?.state === 'active');
    await sleep(1000);
    await s.worker!.kill('SIGKILL');
    const [{ active }] = await s.sql<{ active: number }>(
      `SELECT count(*)::int AS active FROM pgboss.job WHERE state = 'active' AND name NOT LIKE '\\_\\_%'`,
    );
    await sleep(3000);
    const [{ queued }] = await s.sql<{ queued: number }>(
      `SELECT count(*)::int AS queued FROM pgboss.job WHERE name = 'orders.paid' AND state IN ('created', 'retry')`,
    );
    s.worker!.start();
    await sleep(2000);
    await load.stop();
    const t0 = Date.now();
    await settle(load);
    const settleMs = Date.now() - t0;
    // The killed attempt reached WeChat; the retry (same out_refund_no) refunds nothing more.
    await s.until('the refund to finish', async () => (await s.refundRow(refundId)).status === 'SUCCESS');
    const refund = await s.refundRow(refundId);
    expect(refund.refunded_fen).toBe(refund.amount_fen);
    expect((await s.wechatRefunds(outTradeNo)).map((r) => r.status)).toEqual(['SUCCESS']);
    const job = await refundJob();
    expect(job).toEqual({ state: 'completed', retry_count: 1 });

    const inv = await checkInvariants(s, sku, load.paidAtWechat);
    await rewardsOncePerPaidOrder();
    report('kill -9 worker under checkout load', {
      'orders placed': load.placed,
      'jobs active at the kill': active,
      'orders.paid jobs queued while the worker was down': queued,
      'recovery after the load stopped': `${settleMs} ms`,
      'refund in flight at the kill': `retried ${job.retry_count}×, refunded ${refund.refunded_fen} fen once, 1 WeChat refund`,
      'payments taken at WeChat': load.paidAtWechat.size,
      'final orders paid / refunded / payable / cancelled': `${inv.paid} / ${inv.refunded} / ${inv.pendingPayable} / ${inv.cancelled}`,
      refunds: inv.refunds,
      'answers seen by buyers': load.summary(),
    });
    expect(active).toBeGreaterThanOrEqual(1);
    expect(queued).toBeGreaterThan(0);
  });
});
