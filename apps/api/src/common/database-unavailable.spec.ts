import { Client } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { freePort } from '../../test/pg-server';
import { isDatabaseUnavailable, onUnhandledRejection } from './database-unavailable';
import { toAppError } from './error.filter';

describe('a database that cannot be reached answers 503, not 500', () => {
  it('maps a refused connection (a real pg client against a closed port) to SERVICE_UNAVAILABLE', async () => {
    const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/x` });
    const err = await client.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(err)).toBe(true);
    const { appError, unexpected } = toAppError(err, 'r1');
    expect([appError.status, appError.code, unexpected]).toEqual([503, 'SERVICE_UNAVAILABLE', false]);
  });

  it('sees through TypeORM: a query killed by a server shutdown (57P01) or a dropped connection', () => {
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(toAppError(new QueryFailedError('SELECT 1', [], shutdown), 'r2').appError.status).toBe(503);
    const dropped = new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'));
    expect(toAppError(dropped, 'r3').appError.code).toBe('SERVICE_UNAVAILABLE');
    // The rest of a transaction whose connection the server dropped.
    expect(toAppError(new QueryRunnerAlreadyReleasedError(), 'r5').appError.status).toBe(503);
  });

  it('keeps other database errors internal (a bug stays a 500)', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
    });
    const { appError, unexpected } = toAppError(new QueryFailedError('INSERT', [], unique), 'r4');
    expect([appError.status, unexpected]).toEqual([500, true]);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});

describe('unhandled rejections', () => {
  it('survives a database that went away (pg-boss does not await its job writes) and still dies of anything else', () => {
    const logged: string[] = [];
    const handler = onUnhandledRejection((m) => logged.push(m));
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(() => handler(shutdown)).not.toThrow();
    expect(logged).toHaveLength(1);
    const bug = new TypeError('undefined is not a function');
    expect(() => handler(bug)).toThrow(bug);
  });
});
