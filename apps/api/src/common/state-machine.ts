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

/**
 * A machine bound to its entity and its history table (a StatusHistoryEntity with
 * `subjectKey` naming the row): the one `transition()` of that kind of row, and the
 * record of a row's first state. Modules export one per machine from `<name>-state.ts`.
 */
export class StateKeeper<S extends string, E extends ObjectLiteral & { id: string; status: S }> {
  constructor(
    readonly machine: StateMachine<S>,
    private readonly target: EntityTarget<E>,
    private readonly history: EntityTarget<ObjectLiteral>,
    private readonly subjectKey: string,
  ) {}

  /**
   * Moves `row` to `to`: checks the edge (409 with the machine's error code), updates
   * the status and `changes`, and writes the history row with who and why. A system
   * context may name what acted (`notify`, `settle`…) through `systemActor`.
   */
  async transition(
    ctx: RequestContext,
    manager: EntityManager,
    row: E,
    to: S,
    reason: string,
    changes: Partial<E> = {},
    systemActor?: string,
  ): Promise<void> {
    this.machine.assert(row.status, to);
    const from = row.status;
    Object.assign(row, changes, { status: to });
    await manager
      .getRepository(this.target)
      .update({ id: row.id } as never, { ...changes, status: to } as never);
    await this.record(ctx, manager, row.id, from, to, reason, systemActor);
  }

  /** The first history row of a new row (`from` empty). */
  created(
    ctx: RequestContext,
    manager: EntityManager,
    id: string,
    status: S,
    reason: string,
    systemActor?: string,
  ): Promise<void> {
    return this.record(ctx, manager, id, null, status, reason, systemActor);
  }

  private async record(
    ctx: RequestContext,
    manager: EntityManager,
    id: string,
    from: S | null,
    to: S,
    reason: string,
    systemActor?: string,
  ): Promise<void> {
    await manager
      .getRepository(this.history)
      .insert({ [this.subjectKey]: id, ...historyFields(ctx, from, to, reason, systemActor) });
  }
}
