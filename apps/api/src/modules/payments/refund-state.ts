import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { applyTransition, recordHistory, type HistoryTarget } from '../../common/state-machine';
import { Refund, refundMachine, type RefundStatus } from './entities/refund.entity';
import { RefundEvent } from './entities/refund-event.entity';

const history = (refundId: string, systemActor?: string): HistoryTarget => ({
  target: RefundEvent,
  subject: { refundId },
  systemActor,
});

/** The only way a refund's status changes: guarded by the machine, written to refund_event. */
export function transitionRefund(
  ctx: RequestContext,
  manager: EntityManager,
  refund: Refund,
  to: RefundStatus,
  source: string,
  reason: string,
  changes: Partial<Refund> = {},
): Promise<void> {
  return applyTransition(
    ctx,
    manager,
    refundMachine,
    Refund,
    refund,
    to,
    reason,
    changes,
    history(refund.id, source),
  );
}

/** The first history row of a refund (REQUESTED, written with the refund). */
export function recordRefundRequested(
  ctx: RequestContext,
  manager: EntityManager,
  refund: Refund,
  reason: string,
): Promise<void> {
  return recordHistory(ctx, manager, history(refund.id, refund.requestedBy), null, refund.status, reason);
}
