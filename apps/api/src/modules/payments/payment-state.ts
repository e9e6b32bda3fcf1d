import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { applyTransition } from '../../common/state-machine';
import { Payment, paymentMachine, type PaymentStatus } from './entities/payment.entity';
import { PaymentEvent } from './entities/payment-event.entity';

/**
 * The only way a payment's status changes: guarded by the machine, written to history.
 * `source` (notify | query | reconcile | close | prepay) is the actor when no person acts.
 */
export function transitionPayment(
  ctx: RequestContext,
  manager: EntityManager,
  payment: Payment,
  to: PaymentStatus,
  source: string,
  reason: string,
  changes: Partial<Payment> = {},
): Promise<void> {
  return applyTransition(ctx, manager, paymentMachine, Payment, payment, to, reason, changes, {
    target: PaymentEvent,
    subject: { paymentId: payment.id },
    systemActor: source,
  });
}
