import { report, Stack } from './harness';

const REFUNDS = '/v3/refund/domestic/refunds';

/**
 * Scenario 4: a job that keeps failing uses up its retries and stops, visibly: the admin API
 * lists it as failed with its last error, and an operator's retry (audited) finishes the work.
 */
describe('retry exhaustion', () => {
  let s: Stack;

  beforeAll(async () => {
    s = await Stack.boot({ worker: false });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('a refund WeChat keeps refusing ends failed in the admin API and an operator retries it once', async () => {
    const sku = await s.stockedSku();
    const buyer = await s.buyer('重试买家');
    const { orderId, outTradeNo } = await s.paidOrder(buyer, sku.id, 'exhaust-refund');
    // WeChat answers 500 to every attempt the job has (1 + 10 retries).
    await s.sim('POST', '/sim/faults', {
      path: REFUNDS,
      count: 11,
      status: 500,
      code: 'SYSTEM_ERROR',
      message: '系统繁忙',
    });
    const { refundId } = await s.refundBeforeShipping(buyer, orderId);
    const job = async () =>
      (
        await s.sql<{ id: string; state: string; retry_count: number; retry_limit: number }>(
          `SELECT id, state, retry_count, retry_limit FROM pgboss.job WHERE name = 'payments.refund' AND data->>'refundId' = $1`,
          [refundId],
        )
      )[0];
    // Each retry waits 30 s doubling; bring every one forward until the job gives up.
    await s.until(
      'the refund job to use up its retries',
      async () => {
        await s.fastForwardJobs('payments.refund');
        return (await job())?.state === 'failed';
      },
      90_000,
    );
    const failed = await job();
    expect(failed.retry_count).toBe(failed.retry_limit);
    expect(failed.retry_limit).toBe(10);
    expect((await s.refundRow(refundId)).status).toBe('REQUESTED');
    // Stopped for good: nothing runs it again by itself.
    await s.fastForwardJobs('payments.refund');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await job()).state).toBe('failed');

    const listed = await s.admin('GET', '/jobs?state=failed&queue=payments.refund');
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0]).toMatchObject({
      id: failed.id,
      queue: 'payments.refund',
      state: 'failed',
      data: { refundId },
      retryCount: 10,
      retryLimit: 10,
    });
    expect(listed.body.items[0].error).toMatch(/SYSTEM_ERROR|系统繁忙|500/);

    // WeChat works again (every injected failure is used up); the operator retries.
    expect(await s.sim<unknown[]>('GET', '/sim/faults')).toEqual([]);
    const retried = await s.admin('POST', `/jobs/payments.refund/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    await s.until(
      'the retried refund to succeed',
      async () => (await s.refundRow(refundId)).status === 'SUCCESS',
    );
    const r = await s.refundRow(refundId);
    expect(r.refunded_fen).toBe(r.amount_fen);
    expect((await s.wechatRefunds(outTradeNo)).map((x) => x.status)).toEqual(['SUCCESS']);
    expect((await job()).state).toBe('completed');
    const audit = await s.admin('GET', `/audit-logs?action=job.retry`);
    expect(audit.body.items.map((a: { entityId: string }) => a.entityId)).toEqual([failed.id]);
    const again = await s.admin('POST', `/jobs/payments.refund/${failed.id}/retry`);
    expect([again.status, again.body.code]).toEqual([409, 'JOB_NOT_FAILED']);

    report('retry exhaustion', {
      'attempts before giving up': failed.retry_count + 1,
      'job state / error in the admin API': `${listed.body.items[0].state} / ${listed.body.items[0].error}`,
      'after the operator retry': `refund ${r.status}, ${r.refunded_fen} fen once, 1 audit entry`,
    });
  });
});
