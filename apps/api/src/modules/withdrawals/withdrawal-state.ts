import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { applyTransition } from '../../common/state-machine';
import { Withdrawal, withdrawalMachine, type WithdrawalStatus } from './entities/withdrawal.entity';
import { WithdrawalEvent } from './entities/withdrawal-event.entity';

export function actorLabel(ctx: RequestContext): string {
  return ctx.actor ? `${ctx.actor.kind}:${ctx.actor.id}`.slice(0, 80) : 'system';
}

/** The only way a withdrawal's status changes: guarded, and written to its history. */
export function transitionWithdrawal(
  ctx: RequestContext,
  manager: EntityManager,
  w: Withdrawal,
  to: WithdrawalStatus,
  reason: string,
  changes: Partial<Withdrawal> = {},
): Promise<void> {
  return applyTransition(manager, withdrawalMachine, Withdrawal, w, to, changes, {
    target: WithdrawalEvent,
    build: (from) => ({
      withdrawalId: w.id,
      fromStatus: from,
      toStatus: to,
      actor: actorLabel(ctx),
      reason: reason.slice(0, 200),
      requestId: ctx.requestId,
    }),
  });
}
