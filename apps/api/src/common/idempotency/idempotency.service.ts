import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CommonErrors } from '../errors';
import { RequestContext } from '../request-context';
import { TransactionService } from '../transaction.service';
import { IdempotencyRecord } from './idempotency-record.entity';

/** JSON with sorted keys, so `{a,b}` and `{b,a}` hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

/**
 * Runs a repeatable write once per (scope, key). The record is inserted in the
 * same transaction as the write, so a concurrent repeat waits on the unique key
 * until the first commits and then returns its result; if the first rolls back,
 * the repeat does the work itself.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly tx: TransactionService) {}

  async run<T>(
    ctx: RequestContext,
    scope: string,
    key: string,
    body: unknown,
    work: (ctx: RequestContext) => Promise<T>,
  ): Promise<T> {
    const hash = requestHash(body);
    return this.tx.run(ctx, async (tctx) => {
      const repo = this.tx.repo(tctx, IdempotencyRecord);
      const inserted = await repo
        .createQueryBuilder()
        .insert()
        .values({ scope, key, requestHash: hash })
        .orIgnore()
        .returning(['key'])
        .execute();
      if (inserted.raw.length === 0) {
        const first = await repo.findOneByOrFail({ scope, key });
        if (first.requestHash !== hash) throw CommonErrors.IDEMPOTENCY_KEY_REUSED({ key });
        return first.response as T;
      }
      const result = await work(tctx);
      await repo.update({ scope, key }, { response: (result ?? null) as object });
      return result;
    });
  }
}
