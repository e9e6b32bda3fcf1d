import { StateKeeper } from '../../common/state-machine';
import { Payment, paymentMachine, type PaymentStatus } from './entities/payment.entity';
import { PaymentEvent } from './entities/payment-event.entity';

/** The only way a payment's status changes; the system actor is the source (notify, query, close…). */
export const paymentState = new StateKeeper<PaymentStatus, Payment>(
  paymentMachine,
  Payment,
  PaymentEvent,
  'paymentId',
);
