import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../../common/request-context';
import { applyTransition, recordHistory, type HistoryTarget } from '../../../common/state-machine';
import { AfterSale, afterSaleMachine, type AfterSaleStatus } from './after-sale.entity';
import { AfterSaleEvent } from './after-sale-event.entity';

const history = (afterSaleId: string): HistoryTarget => ({
  target: AfterSaleEvent,
  subject: { afterSaleId },
});

/** The only way an after-sale's status changes: guarded by the machine, written to after_sale_event. */
export function transitionAfterSale(
  ctx: RequestContext,
  manager: EntityManager,
  row: AfterSale,
  to: AfterSaleStatus,
  reason: string,
  changes: Partial<AfterSale> = {},
): Promise<void> {
  return applyTransition(
    ctx,
    manager,
    afterSaleMachine,
    AfterSale,
    row,
    to,
    reason,
    changes,
    history(row.id),
  );
}

/** The first history row of an after-sale (the buyer's request). */
export function recordAfterSaleRequested(
  ctx: RequestContext,
  manager: EntityManager,
  row: AfterSale,
  reason: string,
): Promise<void> {
  return recordHistory(ctx, manager, history(row.id), null, row.status, reason);
}
