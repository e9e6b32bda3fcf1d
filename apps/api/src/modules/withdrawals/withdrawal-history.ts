import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { Withdrawal, withdrawalMachine, type WithdrawalStatus } from './entities/withdrawal.entity';
import { WithdrawalEvent } from './entities/withdrawal-event.entity';

export function actorLabel(ctx: RequestContext): string {
  return ctx.actor ? `${ctx.actor.kind}:${ctx.actor.id}`.slice(0, 80) : 'system';
}

/** The only way a withdrawal's status changes: guarded, and written to its history. */
export async function transitionWithdrawal(
  ctx: RequestContext,
  manager: EntityManager,
  w: Withdrawal,
  to: WithdrawalStatus,
  reason: string,
  changes: Partial<Withdrawal> = {},
): Promise<void> {
  withdrawalMachine.assert(w.status, to);
  const from = w.status;
  Object.assign(w, changes, { status: to });
  await manager.getRepository(Withdrawal).update({ id: w.id }, { ...changes, status: to });
  await manager.getRepository(WithdrawalEvent).insert({
    withdrawalId: w.id,
    fromStatus: from,
    toStatus: to,
    actor: actorLabel(ctx),
    reason: reason.slice(0, 200),
    requestId: ctx.requestId,
  });
}
