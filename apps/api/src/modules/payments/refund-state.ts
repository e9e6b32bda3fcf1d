import { StateKeeper } from '../../common/state-machine';
import { Refund, refundMachine, type RefundStatus } from './entities/refund.entity';
import { RefundEvent } from './entities/refund-event.entity';

/** The only way a refund's status changes: requested, then WeChat's answers, written to refund_event. */
export const refundState = new StateKeeper<RefundStatus, Refund>(
  refundMachine,
  Refund,
  RefundEvent,
  'refundId',
);
