import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { Payment, paymentMachine, PaymentStatus } from './entities/payment.entity';
import { PaymentEvent } from './entities/payment-event.entity';

/** The only way a payment's status changes: guarded by the machine, written to history. */
export async function transitionPayment(
  ctx: RequestContext,
  manager: EntityManager,
  payment: Payment,
  to: PaymentStatus,
  source: string,
  reason: string,
  changes: Partial<Payment> = {},
): Promise<void> {
  paymentMachine.assert(payment.status, to);
  const from = payment.status;
  Object.assign(payment, changes, { status: to });
  await manager.getRepository(Payment).update({ id: payment.id }, { ...changes, status: to });
  await manager.getRepository(PaymentEvent).insert({
    paymentId: payment.id,
    fromStatus: from,
    toStatus: to,
    source,
    reason: reason.slice(0, 200),
    requestId: ctx.requestId,
  });
}
