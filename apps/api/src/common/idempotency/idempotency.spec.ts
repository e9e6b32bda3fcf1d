import { bootTestApp, TestApp } from '../../../test/app';
import { AppError } from '../errors';
import { RequestContext } from '../request-context';
import { TransactionService } from '../transaction.service';
import { IdempotencyService, requestHash } from './idempotency.service';

describe('IdempotencyService (real PostgreSQL)', () => {
  let t: TestApp;
  let idem: IdempotencyService;
  let tx: TransactionService;
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    t = await bootTestApp();
    idem = t.app.get(IdempotencyService);
    tx = t.app.get(TransactionService);
    await tx.manager(ctx).query('CREATE TABLE probe_write (id serial PRIMARY KEY, note text)');
  });
  afterAll(() => t.close());

  const write = (note: string) => async (c: RequestContext) => {
    const [row] = await tx
      .manager(c)
      .query('INSERT INTO probe_write (note) VALUES ($1) RETURNING id', [note]);
    return { id: row.id as number, note };
  };

  it('hashes bodies canonically', () => {
    expect(requestHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(requestHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });

  it('runs the work once and returns the first result to a repeat', async () => {
    const first = await idem.run(ctx, 'probe:u1', 'k1', { x: 1 }, write('a'));
    const again = await idem.run(ctx, 'probe:u1', 'k1', { x: 1 }, write('b'));
    expect(again).toEqual(first);
    const rows = await tx
      .manager(ctx)
      .query(`SELECT count(*)::int n FROM probe_write WHERE note IN ('a','b')`);
    expect(rows[0].n).toBe(1);
  });

  it('refuses the same key with another body', async () => {
    await idem.run(ctx, 'probe:u1', 'k2', { x: 1 }, write('c'));
    const err = await idem.run(ctx, 'probe:u1', 'k2', { x: 2 }, write('d')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps scopes apart', async () => {
    const a = await idem.run(ctx, 'probe:u1', 'same', {}, write('e'));
    const b = await idem.run(ctx, 'probe:u2', 'same', {}, write('f'));
    expect(a.id).not.toBe(b.id);
  });

  it('does the work exactly once under 20 concurrent repeats', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => idem.run(ctx, 'probe:u3', 'tap', { sku: 1 }, write('tap'))),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const rows = await tx.manager(ctx).query(`SELECT count(*)::int n FROM probe_write WHERE note = 'tap'`);
    expect(rows[0].n).toBe(1);
  });

  it('lets a repeat do the work when the first attempt failed', async () => {
    await expect(
      idem.run(ctx, 'probe:u4', 'retry', {}, async () => {
        throw new Error('first attempt crashes');
      }),
    ).rejects.toThrow('crashes');
    const second = await idem.run(ctx, 'probe:u4', 'retry', {}, write('retry'));
    expect(second.note).toBe('retry');
  });
});
