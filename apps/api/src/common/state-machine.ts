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
