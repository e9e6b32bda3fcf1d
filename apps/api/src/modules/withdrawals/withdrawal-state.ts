import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { applyTransition } from '../../common/state-machine';
import { Withdrawal, withdrawalMachine, type WithdrawalStatus } from './entities/withdrawal.entity';
import { WithdrawalEvent } from './entities/withdrawal-event.entity';

/** The only way a withdrawal's status changes: guarded, and written to its history. */
export function transitionWithdrawal(
  ctx: RequestContext,
  manager: EntityManager,
  w: Withdrawal,
  to: WithdrawalStatus,
  reason: string,
  changes: Partial<Withdrawal> = {},
): Promise<void> {
  return applyTransition(ctx, manager, withdrawalMachine, Withdrawal, w, to, reason, changes, {
    target: WithdrawalEvent,
    subject: { withdrawalId: w.id },
  });
}
