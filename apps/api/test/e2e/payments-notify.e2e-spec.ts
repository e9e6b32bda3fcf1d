import { randomUUID } from 'node:crypto';
import { AppError } from '../../src/common/errors';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { WechatPayClient } from '../../src/wechat';
import {
  eventually,
  RecordingPaymentListener,
  RecordingPaymentListenerModule,
} from '../factories/payments.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { PaymentNotification } from '../../src/modules/payments/entities/payment-notification.entity';
import { Refund } from '../../src/modules/payments/entities/refund.entity';
import { PaymentsService } from '../../src/modules/payments/payments.service';
import { RefundsService } from '../../src/modules/payments/refunds.service';

describe('payments through the simulator, with notifications delivered', () => {
  let t: TestAppWithSim;
  let payments: PaymentsService;
  let refunds: RefundsService;
  let listener: RecordingPaymentListener;
  let tx: TransactionService;
  let openid: string;
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [RecordingPaymentListenerModule], { listen: true });
    payments = t.app.get(PaymentsService);
    refunds = t.app.get(RefundsService);
    listener = t.app.get(RecordingPaymentListener);
    tx = t.app.get(TransactionService);
    openid = (await t.sim.control<{ openid: string }>('POST', '/sim/users', { nickname: '买家' })).openid;
  });
  afterAll(() => t.close());

  const prepay = (orderId: string, amountFen = 12_900) =>
    payments.prepay(ctx, {
      orderId,
      amountFen,
      openid,
      description: '贵州茅台酒 53度 500ml',
      expiresAt: new Date(Date.now() + 30 * 60_000),
    });
  const payment = (orderId: string) => tx.repo(ctx, Payment).findOneByOrFail({ orderId });
  const notifications = (reference: string) =>
    tx.repo(ctx, PaymentNotification).find({ where: { reference }, order: { receivedAt: 'ASC' } });
  const confirm = async (orderId: string) => {
    const p = await payment(orderId);
    return t.sim.control<{ notificationId: string; transactionId: string }>('POST', '/sim/pay/confirm', {
      prepayId: p.prepayId,
      openid,
    });
  };

  it('prepays, re-issues the same trade on a repeat, and signs wx.requestPayment params', async () => {
    const orderId = randomUUID();
    const first = await prepay(orderId);
    const again = await prepay(orderId);
    expect(again.outTradeNo).toBe(first.outTradeNo);
    expect(first.requestPayment).toMatchObject({
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=/),
    });
    expect(first.outTradeNo).toMatch(/^CS\d{26}$/);
  });

  it('makes one payment under 20 concurrent prepays of one order', async () => {
    const orderId = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => prepay(orderId)));
    expect(new Set(results.map((r) => r.outTradeNo)).size).toBe(1);
    expect(await tx.repo(ctx, Payment).countBy({ orderId })).toBe(1);
  });

  it('takes the payment from the notification once, and answers duplicates without change', async () => {
    const orderId = randomUUID();
    await prepay(orderId);
    const { notificationId } = await confirm(orderId);
    const paid = await eventually(async () =>
      (await payment(orderId)).status === 'PAID' ? payment(orderId) : undefined,
    );
    expect(paid.transactionId).toMatch(/^42/);
    expect(listener.paid.filter((e) => e.orderId === orderId)).toHaveLength(1);

    const resent = await t.sim.control<{ attempts: { status: number }[] }>(
      'POST',
      `/sim/notifications/${notificationId}/resend`,
      { variant: 'duplicate' },
    );
    expect(resent.attempts.map((a) => a.status)).toEqual([204, 204]);
    const rows = await notifications(paid.outTradeNo);
    expect(rows.map((r) => r.outcome)).toEqual(['processed', 'duplicate', 'duplicate']);
    expect(listener.paid.filter((e) => e.orderId === orderId)).toHaveLength(1);
    await expect(prepay(orderId)).rejects.toMatchObject({ code: 'PAYMENT_ALREADY_PAID' });
  });

  it('stores the raw notification in its own commit before processing it; a crash mid-way keeps it', async () => {
    const orderId = randomUUID();
    await prepay(orderId);
    const { outTradeNo } = await payment(orderId);
    const seen: PaymentNotification[] = [];
    const spy = jest.spyOn(payments, 'applyTransaction').mockImplementationOnce(async () => {
      // Another connection already sees the stored notification while the work runs.
      seen.push(
        ...(await tx
          .repo(RequestContext.system('probe'), PaymentNotification)
          .findBy({ reference: outTradeNo })),
      );
      throw new Error('crash in the middle of the work');
    });
    try {
      await confirm(orderId);
      await eventually(async () => (spy.mock.calls.length > 0 && seen.length > 0 ? true : undefined));
      expect(seen).toEqual([
        expect.objectContaining({ outcome: 'received', verified: true, channel: 'transaction' }),
      ]);
      expect(seen[0].body).toContain('"resource"');
      const after = await eventually(async () => {
        const rows = await notifications(outTradeNo);
        return rows.some((r) => r.outcome !== 'received') ? rows : undefined;
      });
      expect(after[0]).toMatchObject({
        id: seen[0].id,
        outcome: 'failed',
        error: expect.stringContaining('crash'),
      });
      // WeChat retries; the retry is stored too and processed.
      await eventually(async () => ((await payment(orderId)).status === 'PAID' ? true : undefined));
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses tampered and probe-signed notifications, records them, changes nothing', async () => {
    const orderId = randomUUID();
    await prepay(orderId);
    const { notificationId } = await confirm(orderId);
    await eventually(async () => (await payment(orderId)).status === 'PAID');
    const before = await tx.repo(ctx, PaymentNotification).countBy({ outcome: 'rejected' });
    for (const variant of ['tampered', 'probe']) {
      const r = await t.sim.control<{ attempts: { status: number }[] }>(
        'POST',
        `/sim/notifications/${notificationId}/resend`,
        { variant },
      );
      expect(r.attempts[0].status).toBe(401);
    }
    expect(await tx.repo(ctx, PaymentNotification).countBy({ outcome: 'rejected', verified: false })).toBe(
      before + 2,
    );
    expect(listener.paid.filter((e) => e.orderId === orderId)).toHaveLength(1);
  });

  it('refuses a forged request body outright with WeChat-shaped FAIL', async () => {
    const res = await t.http
      .post('/api/pay/wechat/notify')
      .set('content-type', 'application/json')
      .send({ id: 'EV-1', event_type: 'TRANSACTION.SUCCESS', resource: {} })
      .expect(401);
    expect(res.body).toEqual({ code: 'FAIL', message: 'signature verification failed' });
  });

  it('rejects an amount or merchant mismatch and leaves the payment untouched', async () => {
    const orderId = randomUUID();
    const { outTradeNo } = await prepay(orderId);
    await confirm(orderId);
    const real = await t.app.get(WechatPayClient).queryByOutTradeNo(outTradeNo);
    const forged = { ...real, amount: { ...real.amount, total: real.amount.total - 1 } };
    // the notification may already have arrived; use a fresh pending order for the mismatch
    const pendingOrder = randomUUID();
    const pending = await prepay(pendingOrder);
    const err = await payments
      .applyTransaction(ctx, { ...forged, out_trade_no: pending.outTradeNo }, 'test')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PAYMENT_AMOUNT_MISMATCH');
    const otherMerchant = await payments
      .applyTransaction(ctx, { ...real, mchid: '1999999999' }, 'test')
      .catch((e: unknown) => e);
    expect((otherMerchant as AppError).code).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(await payment(pendingOrder)).toMatchObject({
      status: 'PENDING',
      transactionId: null,
      paidAt: null,
    });
    expect(listener.paid.some((e) => e.orderId === pendingOrder)).toBe(false);
  });

  it('processes one of ten concurrent deliveries of the same success', async () => {
    const orderId = randomUUID();
    const { outTradeNo } = await prepay(orderId);
    // confirm, then race our own ten deliveries against WeChat's
    await confirm(orderId);
    const trx = await t.app.get(WechatPayClient).queryByOutTradeNo(outTradeNo);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => payments.applyTransaction(ctx, trx, 'test')),
    );
    expect(outcomes.filter((o) => o === 'processed').length).toBeLessThanOrEqual(1);
    await eventually(async () => (await payment(orderId)).status === 'PAID');
    await eventually(async () => (await notifications(outTradeNo)).length >= 1);
    expect(listener.paid.filter((e) => e.orderId === orderId)).toHaveLength(1);
  });

  it('refunds a payment for a cancelled order automatically, through the refund notification', async () => {
    const orderId = randomUUID();
    listener.cancelledOrders.add(orderId);
    await prepay(orderId, 5_000);
    await confirm(orderId);
    const refund = await eventually(() =>
      tx
        .repo(ctx, Refund)
        .findOneBy({ orderId })
        .then((r) => r ?? undefined),
    );
    expect(refund).toMatchObject({ amountFen: 5_000, requestedBy: 'late-payment' });
    await eventually(async () =>
      (await tx.repo(ctx, Refund).findOneByOrFail({ id: refund.id })).status === 'PROCESSING'
        ? true
        : undefined,
    );
    await t.sim.control('POST', `/sim/refunds/${refund.outRefundNo}/complete`, {});
    await eventually(
      async () => (await tx.repo(ctx, Refund).findOneByOrFail({ id: refund.id })).status === 'SUCCESS',
    );
    expect((await payment(orderId)).refundedFen).toBe(5_000);
    expect(listener.refunded.filter((e) => e.orderId === orderId)).toEqual([
      expect.objectContaining({ amountFen: 5_000, status: 'SUCCESS', requestedBy: 'late-payment' }),
    ]);
  });

  it('allows partial refunds up to the paid amount and never past it, even concurrently', async () => {
    const orderId = randomUUID();
    await prepay(orderId, 1_000);
    await confirm(orderId);
    const paid = await eventually(async () =>
      (await payment(orderId)).status === 'PAID' ? payment(orderId) : undefined,
    );
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        refunds.request(ctx, {
          paymentId: paid.id,
          amountFen: 300,
          reason: '部分退款',
          requestedBy: `as-${i}`,
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    const failures = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(failures.every((f) => (f.reason as AppError).code === 'REFUND_EXCEEDS_PAID')).toBe(true);
    await expect(
      refunds.request(ctx, { paymentId: paid.id, amountFen: 101, reason: 'x', requestedBy: 'as-x' }),
    ).rejects.toMatchObject({
      code: 'REFUND_EXCEEDS_PAID',
      details: { refundableFen: 100 },
    });
    await refunds.request(ctx, {
      paymentId: paid.id,
      amountFen: 100,
      reason: '余额',
      requestedBy: 'as-last',
    });
  });
});
