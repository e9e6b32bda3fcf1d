import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { applyTransition } from '../../common/state-machine';
import { Payment, paymentMachine, type PaymentStatus } from './entities/payment.entity';
import { PaymentEvent } from './entities/payment-event.entity';

/** The only way a payment's status changes: guarded by the machine, written to history. */
export function transitionPayment(
  ctx: RequestContext,
  manager: EntityManager,
  payment: Payment,
  to: PaymentStatus,
  source: string,
  reason: string,
  changes: Partial<Payment> = {},
): Promise<void> {
  return applyTransition(manager, paymentMachine, Payment, payment, to, changes, {
    target: PaymentEvent,
    build: (from) => ({
      paymentId: payment.id,
      fromStatus: from,
      toStatus: to,
      source,
      reason: reason.slice(0, 200),
      requestId: ctx.requestId,
    }),
  });
}
