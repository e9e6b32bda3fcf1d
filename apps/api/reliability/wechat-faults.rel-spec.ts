import { report, Stack, type Buyer } from './harness';

const PREPAY = '/v3/pay/transactions/jsapi';
const REFUNDS = '/v3/refund/domestic/refunds';
const TRANSFERS = '/v3/fund-app/mch-transfer/transfer-bills';

/**
 * Scenario 3: WeChat failing through the simulator's fault injection (answers 500, answers
 * too slowly, notifications held back or released out of order). Each case asserts that
 * money moves exactly once.
 */
describe('WeChat faults', () => {
  let s: Stack;
  let sku: { id: string; stock: number; priceFen: number };
  let buyer: Buyer;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    s = await Stack.boot({ worker: false });
    sku = await s.stockedSku();
    buyer = await s.buyer('故障买家');
  });
  afterAll(async () => {
    report('WeChat faults', figures);
    await s?.stop();
  });

  async function paymentsOf(orderId: string) {
    return s.sql<{ status: string; out_trade_no: string; refunded_fen: string }>(
      `SELECT status, out_trade_no, refunded_fen FROM payment WHERE order_id = $1`,
      [orderId],
    );
  }

  it('prepay answering 500 and timing out: the buyer retries and pays once', async () => {
    const o = await s.order(buyer, sku.id, 'fault-prepay');
    expect(o.status).toBe(201);
    await s.sim('POST', '/sim/faults', { path: PREPAY, count: 2, status: 500, code: 'SYSTEM_ERROR' });
    const first = await s.prepay(buyer, o.body.id);
    const second = await s.prepay(buyer, o.body.id);
    // The API's WeChat client gives up after 10 s; the simulator answers after 11 s.
    await s.sim('POST', '/sim/faults', { path: PREPAY, count: 1, status: 500, delayMs: 11_000 });
    const t0 = Date.now();
    const slow = await s.prepay(buyer, o.body.id);
    const slowMs = Date.now() - t0;
    for (const r of [first, second, slow]) {
      expect(r.status).toBe(502);
      expect(r.body.code).toBe('PAYMENT_CHANNEL_ERROR');
    }
    const ok = await s.prepay(buyer, o.body.id);
    expect(ok.status).toBe(200);
    const again = await s.prepay(buyer, o.body.id); // a double tap re-issues the same trade
    expect(again.body.requestPayment.package).toBe(ok.body.requestPayment.package);
    const paid = await s.confirmPayment(buyer, ok.body.requestPayment);
    await s.until('the payment', async () => (await s.orderStatus(o.body.id)) === 'PAID');
    const payments = await paymentsOf(o.body.id);
    expect(payments).toEqual([{ status: 'PAID', out_trade_no: paid.outTradeNo, refunded_fen: '0' }]);
    const atWechat = (
      await s.sim<{ out_trade_no: string; trade_state: string }[]>('GET', '/sim/transactions')
    ).filter((t) => t.out_trade_no === paid.outTradeNo);
    expect(atWechat.map((t) => t.trade_state)).toEqual(['SUCCESS']);
    figures['prepay: failed answers, then paid'] =
      `500 ×2, timeout ×1 (${slowMs} ms) → 1 payment, 1 WeChat trade`;
  });

  it('a refund answering 500 is retried by its job and refunds once', async () => {
    const { orderId, outTradeNo } = await s.paidOrder(buyer, sku.id, 'fault-refund-500');
    await s.sim('POST', '/sim/faults', { path: REFUNDS, count: 1, status: 500, code: 'SYSTEM_ERROR' });
    const { refundId } = await s.refundBeforeShipping(buyer, orderId);
    await s.until('the first attempt to fail', async () => {
      const [j] = await s.sql<{ state: string }>(
        `SELECT state FROM pgboss.job WHERE name = 'payments.refund' AND data->>'refundId' = $1`,
        [refundId],
      );
      return j?.state === 'retry';
    });
    expect((await s.refundRow(refundId)).status).toBe('REQUESTED');
    await s.fastForwardJobs('payments.refund');
    await s.until('the refund to succeed', async () => (await s.refundRow(refundId)).status === 'SUCCESS');
    const r = await s.refundRow(refundId);
    expect(r.refunded_fen).toBe(r.amount_fen);
    const atWechat = await s.wechatRefunds(outTradeNo);
    expect(atWechat.map((x) => x.status)).toEqual(['SUCCESS']);
    figures['refund: 500, then retried'] =
      `${atWechat.length} WeChat refund, ${r.refunded_fen} fen refunded once`;
  });

  it('a refund notification that never comes: reconciliation asks WeChat and finishes it', async () => {
    const { orderId, outTradeNo } = await s.paidOrder(buyer, sku.id, 'fault-refund-silent');
    await s.sim('POST', '/sim/notification-holds', { eventType: 'REFUND.SUCCESS', count: 1 });
    const { refundId, outRefundNo } = await s.refundBeforeShipping(buyer, orderId);
    const held = await s.heldNotification('REFUND.SUCCESS', (r) => r.out_refund_no === outRefundNo);
    expect(held.status).toBe('HELD');
    expect((await s.refundRow(refundId)).status).toBe('PROCESSING');
    // Reconciliation looks at refunds quiet for 2 minutes, every 5 minutes: make both now.
    await s.sql(`UPDATE refund SET updated_at = updated_at - interval '3 minutes' WHERE id = $1`, [refundId]);
    await s.runJobNow('payments.reconcile');
    await s.until(
      'reconciliation to finish the refund',
      async () => (await s.refundRow(refundId)).status === 'SUCCESS',
    );
    // The notification, released late, changes nothing.
    await s.sim('POST', `/sim/notifications/${held.id}/release`);
    await s.until('the late notification to be acknowledged', async () => {
      const n = await s.sim<{ status: string }>('GET', `/sim/notifications/${held.id}`);
      return n.status === 'DELIVERED';
    });
    const r = await s.refundRow(refundId);
    expect(r.refunded_fen).toBe(r.amount_fen);
    expect((await s.wechatRefunds(outTradeNo)).length).toBe(1);
    figures['refund notification withheld'] =
      `finished by the query job; late notification acknowledged, ${r.refunded_fen} fen refunded once`;
  });

  it('a payment notification delayed past the payment timeout: the timeout finds the payment, the order is paid once', async () => {
    await s.sim('POST', '/sim/notification-holds', { eventType: 'TRANSACTION.SUCCESS', count: 1 });
    const o = await s.order(buyer, sku.id, 'fault-late-pay');
    const pay = await s.prepay(buyer, o.body.id);
    const paid = await s.confirmPayment(buyer, pay.body.requestPayment);
    const held = await s.heldNotification('TRANSACTION.SUCCESS', (r) => r.out_trade_no === paid.outTradeNo);
    expect(await s.orderStatus(o.body.id)).toBe('PENDING_PAYMENT');
    // The payment deadline passes: the timeout job closes WeChat's order, which says it is paid.
    expect(await s.fastForwardJobs('orders.pay-timeout')).toBeGreaterThanOrEqual(1);
    await s.until(
      'the timeout job to take the payment',
      async () => (await s.orderStatus(o.body.id)) === 'PAID',
    );
    await s.sim('POST', `/sim/notifications/${held.id}/release`);
    await s.until('the late notification to be acknowledged', async () => {
      const n = await s.sim<{ status: string }>('GET', `/sim/notifications/${held.id}`);
      return n.status === 'DELIVERED';
    });
    expect(await s.orderStatus(o.body.id)).toBe('PAID');
    expect(await paymentsOf(o.body.id)).toEqual([
      { status: 'PAID', out_trade_no: paid.outTradeNo, refunded_fen: '0' },
    ]);
    figures['payment notification after the timeout'] =
      'timeout job took the payment (order PAID), late notification a no-op';
  });

  it('an order cancelled before payment is never revived: WeChat refuses the old prepay', async () => {
    const o = await s.order(buyer, sku.id, 'fault-cancelled');
    const pay = await s.prepay(buyer, o.body.id);
    const cancel = await s.call('POST', `/app/orders/${o.body.id}/cancel`, { token: buyer.token });
    expect(cancel.body.outcome).toBe('cancelled');
    await expect(s.confirmPayment(buyer, pay.body.requestPayment)).rejects.toThrow(/NOT_PAYABLE|409/);
    const again = await s.prepay(buyer, o.body.id);
    expect(again.status).toBe(409);
    expect(await s.orderStatus(o.body.id)).toBe('CANCELLED');
    expect((await paymentsOf(o.body.id)).map((p) => p.status)).toEqual(['CLOSED']);
    figures['cancelled order'] =
      `stays CANCELLED; WeChat refuses the old prepay; pay again → ${again.status} ${again.body.code}`;
  });

  it('the refund notification arriving before the payment notification: both taken once, in either order', async () => {
    await s.sim('POST', '/sim/notification-holds', { eventType: 'TRANSACTION.SUCCESS', count: 1 });
    const o = await s.order(buyer, sku.id, 'fault-order-swap');
    const pay = await s.prepay(buyer, o.body.id);
    const paid = await s.confirmPayment(buyer, pay.body.requestPayment);
    const held = await s.heldNotification('TRANSACTION.SUCCESS', (r) => r.out_trade_no === paid.outTradeNo);
    // The order page asks WeChat (no notification yet) and takes the payment.
    const page = await s.call('GET', `/app/orders/${o.body.id}`, { token: buyer.token });
    expect(page.body.status).toBe('PAID');
    const { refundId, outRefundNo } = await s.refundBeforeShipping(buyer, o.body.id);
    await s.until('the refund notification', async () => (await s.refundRow(refundId)).status === 'SUCCESS');
    const refundNote = await s.heldNotification('REFUND.SUCCESS', (r) => r.out_refund_no === outRefundNo);
    expect(refundNote.status).toBe('DELIVERED');
    await s.sim('POST', `/sim/notifications/${held.id}/release`);
    await s.until('the payment notification, last', async () => {
      const n = await s.sim<{ status: string }>('GET', `/sim/notifications/${held.id}`);
      return n.status === 'DELIVERED';
    });
    const r = await s.refundRow(refundId);
    expect(r.status).toBe('SUCCESS');
    expect(r.refunded_fen).toBe(r.amount_fen);
    // The after-sale took back the whole order: REFUNDED, paid once (issue 19 point 9).
    expect(await s.orderStatus(o.body.id)).toBe('REFUNDED');
    expect((await paymentsOf(o.body.id)).map((p) => p.status)).toEqual(['PAID']);
    const ledger = await s.ledgerCheck();
    expect([ledger.unbalancedPostings, ledger.mismatchedAccounts]).toEqual([0, 0]);
    figures['refund notification before the payment one'] =
      `paid once, refunded once (${r.refunded_fen} fen), ledger balanced`;
  });

  it('a transfer that fails returns the money; one that stays pending stays withdrawing; never both', async () => {
    // A reseller earns a settled commission: the customer's express order is paid, shipped and received.
    await s.settings({ resellerMode: 'everyone', settleDaysAfterComplete: 0 });
    const reseller = await s.buyer('推广员');
    expect((await s.call('POST', '/app/reseller/apply', { token: reseller.token })).status).toBe(201);
    const link = await s.call('POST', '/app/share-links', { token: reseller.token, body: {} });
    const customer = await s.buyer('被推荐顾客');
    await s.call('GET', `/app/r/${link.body.shareCode}`, { token: customer.token });
    const { orderId } = await s.paidOrder(customer, sku.id, 'transfer-order');
    expect(
      (await s.admin('POST', `/orders/${orderId}/ship`, { carrier: '顺丰速运', trackingNo: 'SF1234567' }))
        .status,
    ).toBe(200);
    expect((await s.call('POST', `/app/orders/${orderId}/receive`, { token: customer.token })).status).toBe(
      200,
    );
    const wallet = async () =>
      (
        await s.call('GET', `/app/wallet?earnerType=reseller&earnerId=${reseller.userId}`, {
          token: reseller.token,
        })
      ).body as { availableFen: number; withdrawingFen: number; pendingFen: number };
    await s.until('the commission to settle', async () => {
      await s.runJobNow('rewards.settle');
      return (await wallet()).availableFen > 0;
    });
    const earned = (await wallet()).availableFen;
    const half = Math.floor(earned / 2);

    const withdraw = async (key: string) => {
      const r = await s.call('POST', '/app/withdrawals', {
        token: reseller.token,
        headers: { 'idempotency-key': key },
        body: { earnerType: 'reseller', earnerId: reseller.userId, amountFen: half },
      });
      expect(r.status).toBe(201);
      expect((await s.admin('POST', `/withdrawals/${r.body.id}/approve`, { method: 'wechat' })).status).toBe(
        201,
      );
      return r.body.id as string;
    };
    const withdrawal = async (id: string) =>
      (
        await s.sql<{ status: string; out_bill_no: string }>(
          `SELECT status, out_bill_no FROM withdrawal WHERE id = $1`,
          [id],
        )
      )[0];
    const wechatTransfers = async (outBillNo: string) =>
      (await s.sim<{ out_bill_no: string; state: string }[]>('GET', '/sim/transfers')).filter(
        (t) => t.out_bill_no === outBillNo,
      );

    // 1. WeChat answers 500 to the first transfer call; the job retries; the payee then fails it.
    await s.sim('POST', '/sim/faults', { path: TRANSFERS, count: 1, status: 500, code: 'SYSTEM_ERROR' });
    const failing = await withdraw('withdraw-failing-1');
    await s.until('the transfer to reach WeChat', async () => {
      await s.fastForwardJobs('withdrawals.transfer');
      return (await withdrawal(failing)).status === 'PAYING';
    });
    const failingBill = (await withdrawal(failing)).out_bill_no;
    expect((await wechatTransfers(failingBill)).map((t) => t.state)).toEqual(['WAIT_USER_CONFIRM']);
    await s.sim('POST', `/sim/transfers/${failingBill}/confirm`, { fail: true });
    await s.until('the failure to come back', async () => (await withdrawal(failing)).status === 'FAILED');
    const [transferJob] = await s.sql<{ state: string; retry_count: number }>(
      `SELECT state, retry_count FROM pgboss.job WHERE name = 'withdrawals.transfer' AND data->>'withdrawalId' = $1`,
      [failing],
    );
    expect(transferJob).toEqual({ state: 'completed', retry_count: 1 });

    // 2. The next transfer stays waiting for the payee: the sync job asks WeChat and leaves it withdrawing.
    const pending = await withdraw('withdraw-pending-1');
    await s.until(
      'the second transfer to reach WeChat',
      async () => (await withdrawal(pending)).status === 'PAYING',
    );
    const pendingBill = (await withdrawal(pending)).out_bill_no;
    await s.sql(`UPDATE withdrawal SET updated_at = updated_at - interval '6 minutes' WHERE id = $1`, [
      pending,
    ]);
    await s.runJobNow('withdrawals.sync');
    await s.until('the sync job to run', async () => {
      const [j] = await s.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'withdrawals.sync' AND state = 'completed'`,
      );
      return j.n > 0;
    });
    expect((await withdrawal(pending)).status).toBe('PAYING');
    expect((await wechatTransfers(pendingBill)).map((t) => t.state)).toEqual(['WAIT_USER_CONFIRM']);

    const w = await wallet();
    // The failed half is back; the pending half is withdrawing; nothing counted twice.
    expect(w.availableFen).toBe(earned - half);
    expect(w.withdrawingFen).toBe(half);
    const check = await s.ledgerCheck();
    expect([check.unbalancedPostings, check.mismatchedAccounts]).toEqual([0, 0]);
    figures['transfer 500 then failed by WeChat'] =
      `retried once, 1 WeChat bill, FAILED, ${half} fen back on the balance`;
    figures['transfer left waiting for the payee'] =
      `sync job leaves it PAYING, ${half} fen withdrawing, available ${w.availableFen} fen`;
  });
});
