import { Column } from 'typeorm';
import { CreatedEntity } from './base.entity';
import type { RequestContext } from './request-context';

/**
 * The columns every state machine's history row shares (order_event, payment_event,
 * refund_event, after_sale_event, reward_event, withdrawal_event): from what, to what,
 * who (one spelling: `actorKind` user | admin | system and `actorId`), why, and under
 * which request. Each module's entity adds the id of the row it tells about.
 */
export abstract class StatusHistoryEntity extends CreatedEntity {
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: string;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId: string;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;
}

/**
 * The shared part of a history row. The actor is the context's; a system context
 * (job, notification) may name what acted through `systemActor` (`notify`, `query`…).
 */
export function historyFields(
  ctx: RequestContext,
  from: string | null,
  to: string,
  reason: string,
  systemActor?: string,
): Omit<StatusHistoryEntity, 'id' | 'createdAt'> {
  const person = ctx.actor && ctx.actor.kind !== 'system' ? ctx.actor : undefined;
  return {
    fromStatus: from,
    toStatus: to,
    actorKind: person?.kind ?? 'system',
    actorId: (person?.id ?? systemActor ?? ctx.actor?.id ?? 'unknown').slice(0, 64),
    reason: reason.slice(0, 200),
    requestId: ctx.requestId.slice(0, 128),
  };
}
