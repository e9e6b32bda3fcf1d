import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError } from './errors';

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

/**
 * Moves `row` to `to` through `machine`: checks the edge, updates the status (and
 * `changes`) and inserts the history row built from the `from` status — the one
 * mechanism behind every module's `transition…()`.
 */
export async function applyTransition<S extends string, E extends ObjectLiteral & { id: string; status: S }>(
  manager: EntityManager,
  machine: StateMachine<S>,
  target: EntityTarget<E>,
  row: E,
  to: S,
  changes: Partial<E>,
  history: { target: EntityTarget<ObjectLiteral>; build: (from: S) => ObjectLiteral },
): Promise<void> {
  machine.assert(row.status, to);
  const from = row.status;
  Object.assign(row, changes, { status: to });
  await manager.getRepository(target).update({ id: row.id } as never, { ...changes, status: to } as never);
  await manager.getRepository(history.target).insert(history.build(from));
}
