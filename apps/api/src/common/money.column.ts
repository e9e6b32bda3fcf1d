import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/** bigint in PostgreSQL ↔ a safe JavaScript integer of fen; anything else is a bug and throws. */
export const moneyTransformer: ValueTransformer = {
  to(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (typeof value === 'object') return value; // FindOperator (e.g. MoreThan(100)) passes through
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new TypeError(`money must be a safe integer of fen, got ${String(value)}`);
    }
    return value;
  },
  from(value: unknown): number | null {
    if (value === null || value === undefined) return null;
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(n) || (typeof value === 'string' && String(n) !== value)) {
      throw new RangeError(`money column holds ${String(value)}, beyond a safe integer of fen`);
    }
    return n;
  },
};

/** A money column: integer fen in a bigint. Names carry the unit (`priceFen`). */
export function MoneyColumn(options: Omit<ColumnOptions, 'type' | 'transformer'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'bigint', transformer: moneyTransformer });
}
