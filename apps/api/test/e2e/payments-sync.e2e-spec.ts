import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { RecordingPaymentListener, RecordingPaymentListenerModule } from '../factories/payments.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { PaymentEvent } from '../../src/modules/payments/entities/payment-event.entity';
import { PaymentsService } from '../../src/modules/payments/payments.service';
import { PaymentsWorker } from '../../src/modules/payments/payments.worker';

/** Notifications go nowhere here (nothing listens on PUBLIC_BASE_URL): query, close and reconciliation must cope. */
describe('payments without notifications: order-page query, close, reconciliation', () => {
  let t: TestAppWithSim;
  let payments: PaymentsService;
  let listener: RecordingPaymentListener;
  let tx: TransactionService;
  let openid: string;
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    t = await bootTestAppWithSim({ PUBLIC_BASE_URL: 'http://127.0.0.1:9' }, [RecordingPaymentListenerModule]);
    payments = t.app.get(PaymentsService);
    listener = t.app.get(RecordingPaymentListener);
    tx = t.app.get(TransactionService);
    openid = (await t.sim.control<{ openid: string }>('POST', '/sim/users', {})).openid;
  });
  afterAll(() => t.close());

  const prepay = (orderId: string) =>
    payments.prepay(ctx, {
      orderId,
      amountFen: 2_500,
      openid,
      description: '西湖龙井 250g',
      expiresAt: new Date(Date.now() + 30 * 60_000),
    });
  const payment = (orderId: string) => tx.repo(ctx, Payment).findOneByOrFail({ orderId });
  const confirm = async (orderId: string) =>
    t.sim.control('POST', '/sim/pay/confirm', { prepayId: (await payment(orderId)).prepayId, openid });

  it('takes a payment when the order page asks WeChat', async () => {
    const orderId = randomUUID();
    await prepay(orderId);
    expect((await payments.syncOrder(ctx, orderId))[0].status).toBe('PENDING');
    await confirm(orderId);
    const [synced] = await payments.syncOrder(ctx, orderId);
    expect(synced.status).toBe('PAID');
    expect(listener.paid.filter((e) => e.orderId === orderId)).toHaveLength(1);
    const history = await tx.repo(ctx, PaymentEvent).findBy({ paymentId: synced.id });
    expect(history).toEqual([
      expect.objectContaining({
        fromStatus: 'PENDING',
        toStatus: 'PAID',
        actorKind: 'system',
        actorId: 'query',
      }),
    ]);
  });

  it('closes an unpaid payment at WeChat first; the user can no longer pay it', async () => {
    const orderId = randomUUID();
    await prepay(orderId);
    expect(await payments.closeOpen(ctx, orderId, 'payment timeout')).toBe('closed');
    expect((await payment(orderId)).status).toBe('CLOSED');
    await expect(confirm(orderId)).rejects.toThrow(/NOT_PAYABLE|CLOSED/);
    // Whether a closed order may be paid again is the order side's decision; here it gets a new trade.
    const retry = await prepay(orderId);
    expect(retry.outTradeNo).not.toBe(
      (await tx.repo(ctx, Payment).findOneByOrFail({ orderId, status: 'CLOSED' })).outTradeNo,
    );
  });

  it('takes the payment instead of closing when WeChat says it was paid', async () => {
    const orderId = randomUUID();
    await prepay(orderId);
    await confirm(orderId); // paid at WeChat; its notification cannot reach us
    expect(await payments.closeOpen(ctx, orderId, 'payment timeout')).toBe('paid');
    expect((await payment(orderId)).status).toBe('PAID');
    expect(listener.paid.filter((e) => e.orderId === orderId)).toHaveLength(1);
  });

  it('reconciles stale open payments, and a second round changes nothing', async () => {
    const paidOrder = randomUUID();
    const unpaidOrder = randomUUID();
    await prepay(paidOrder);
    await prepay(unpaidOrder);
    await confirm(paidOrder);
    await tx
      .manager(ctx)
      .query(`UPDATE payment SET created_at = now() - interval '10 minutes' WHERE order_id IN ($1, $2)`, [
        paidOrder,
        unpaidOrder,
      ]);
    const worker = t.app.get(PaymentsWorker);
    const first = await worker.reconcile(ctx);
    expect(first.payments).toBeGreaterThanOrEqual(2);
    expect((await payment(paidOrder)).status).toBe('PAID');
    expect((await payment(unpaidOrder)).status).toBe('PENDING');
    await worker.reconcile(ctx);
    expect(listener.paid.filter((e) => e.orderId === paidOrder)).toHaveLength(1);
  });
});
