import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError } from './errors';
import type { RequestContext } from './request-context';
import { historyFields } from './status-history.entity';

/**
 * A state machine as data: which state may follow which. Modules keep their
 * entity's status column behind `transition()` so no code sets a status by hand,
 * and write a history row for each step.
 */
export class StateMachine<S extends string> {
  constructor(
    readonly name: string,
    private readonly transitions: Readonly<Record<S, readonly S[]>>,
    private readonly errorCode: string,
  ) {}

  can(from: S, to: S): boolean {
    return this.transitions[from]?.includes(to) ?? false;
  }

  /** Throws a 409 with the module's error code when `to` may not follow `from`. */
  assert(from: S, to: S): void {
    if (!this.can(from, to)) {
      throw new AppError(this.errorCode, '当前状态不允许此操作', 409, { machine: this.name, from, to });
    }
  }

  /** Every (from, to) pair, for table tests and docs. */
  edges(): [S, S][] {
    return (Object.entries(this.transitions) as [S, S[]][]).flatMap(([from, tos]) =>
      tos.map((to) => [from, to] as [S, S]),
    );
  }
}

/** Where a machine writes its history: the entity and the column naming the row it tells about. */
export interface HistoryTarget {
  target: EntityTarget<ObjectLiteral>;
  /** e.g. `{ orderId: order.id }` */
  subject: Record<string, string>;
  /** Names a system actor (`notify`, `query`, `settle`) when no person acts. */
  systemActor?: string;
}

/**
 * Moves `row` to `to` through `machine`: checks the edge, updates the status (and
 * `changes`) and inserts the history row (StatusHistoryEntity) with who and why — the
 * one mechanism behind every module's `transition…()`.
 */
export async function applyTransition<S extends string, E extends ObjectLiteral & { id: string; status: S }>(
  ctx: RequestContext,
  manager: EntityManager,
  machine: StateMachine<S>,
  target: EntityTarget<E>,
  row: E,
  to: S,
  reason: string,
  changes: Partial<E>,
  history: HistoryTarget,
): Promise<void> {
  machine.assert(row.status, to);
  const from = row.status;
  Object.assign(row, changes, { status: to });
  await manager.getRepository(target).update({ id: row.id } as never, { ...changes, status: to } as never);
  await recordHistory(ctx, manager, history, from, to, reason);
}

/** Writes one history row; also for a row's first state (`from` null) when it is created. */
export async function recordHistory(
  ctx: RequestContext,
  manager: EntityManager,
  history: HistoryTarget,
  from: string | null,
  to: string,
  reason: string,
): Promise<void> {
  await manager
    .getRepository(history.target)
    .insert({ ...history.subject, ...historyFields(ctx, from, to, reason, history.systemActor) });
}
