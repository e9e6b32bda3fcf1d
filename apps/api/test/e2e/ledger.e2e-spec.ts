import { randomUUID } from 'node:crypto';
import { AppError } from '../../src/common/errors';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { bootTestApp, type TestApp } from '../app';
import { LedgerService, PLATFORM, type Owner } from '../../src/modules/ledger/ledger.service';

describe('ledger (real PostgreSQL)', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let tx: TransactionService;
  const ctx = RequestContext.system('test');
  const reseller = (): Owner => ({ type: 'reseller', id: randomUUID() });

  beforeAll(async () => {
    t = await bootTestApp();
    ledger = t.app.get(LedgerService);
    tx = t.app.get(TransactionService);
  });
  afterAll(() => t.close());

  const accrue = (owner: Owner, fen: number, reference: string = randomUUID()) =>
    ledger.post(ctx, {
      reference,
      kind: 'accrual',
      memo: '佣金',
      entries: [
        { owner, kind: 'pending', amountFen: fen },
        { owner: PLATFORM, kind: 'commission_expense', amountFen: -fen },
      ],
    });

  it('posts balanced entries and moves cached balances with them', async () => {
    const r = reseller();
    await accrue(r, 1_000);
    await ledger.post(ctx, {
      reference: randomUUID(),
      kind: 'settlement',
      memo: '结算',
      entries: [
        { owner: r, kind: 'pending', amountFen: -600 },
        { owner: r, kind: 'available', amountFen: 600 },
      ],
    });
    expect(await ledger.balances(ctx, r)).toEqual({ pendingFen: 400, availableFen: 600, withdrawingFen: 0 });
    expect(await ledger.verify(ctx)).toEqual({ unbalancedPostings: 0, mismatchedAccounts: 0, totalFen: 0 });
  });

  it('posts a reference once, however often it is posted', async () => {
    const r = reseller();
    const ref = `accrual:${randomUUID()}:l1`;
    const results = await Promise.all(Array.from({ length: 10 }, () => accrue(r, 250, ref)));
    expect(results.filter((x) => !x.duplicate)).toHaveLength(1);
    expect((await ledger.balances(ctx, r)).pendingFen).toBe(250);
  });

  it('refuses unbalanced postings in code', async () => {
    const err = await ledger
      .post(ctx, {
        reference: randomUUID(),
        kind: 'adjustment',
        memo: 'x',
        entries: [{ owner: reseller(), kind: 'available', amountFen: 1 }],
      })
      .catch((e: unknown) => e);
    expect((err as AppError).code).toBe('LEDGER_UNBALANCED');
  });

  it('refuses unbalanced postings in the database too, at commit, and keeps entries append-only', async () => {
    const r = reseller();
    await accrue(r, 100);
    const account = await ledger.account(ctx, r, 'pending');
    const m = tx.manager(ctx);
    const [posting] = await m.query(
      `INSERT INTO ledger_posting (reference, kind, memo, request_id) VALUES ($1, 'adjustment', 'raw', 't') RETURNING id`,
      [randomUUID()],
    );
    await expect(
      m.query(`INSERT INTO ledger_entry (posting_id, account_id, amount_fen) VALUES ($1, $2, 5)`, [
        posting.id,
        account.id,
      ]),
    ).rejects.toThrow(/unbalanced by 5 fen/);
    await expect(
      m.query(`UPDATE ledger_entry SET amount_fen = amount_fen + 1 WHERE account_id = $1`, [account.id]),
    ).rejects.toThrow(/append-only/);
    await expect(m.query(`DELETE FROM ledger_entry WHERE account_id = $1`, [account.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('never takes pending or withdrawing below zero, nor available when floored', async () => {
    const r = reseller();
    await accrue(r, 100);
    const overdraw = (kind: 'pending' | 'available', floorZero?: boolean) =>
      ledger.post(ctx, {
        reference: randomUUID(),
        kind: 'test',
        memo: 'x',
        entries: [
          { owner: r, kind, amountFen: -101, floorZero },
          { owner: PLATFORM, kind: 'commission_expense', amountFen: 101 },
        ],
      });
    await expect(overdraw('pending')).rejects.toMatchObject({ code: 'LEDGER_INSUFFICIENT_BALANCE' });
    await expect(overdraw('available', true)).rejects.toMatchObject({ code: 'LEDGER_INSUFFICIENT_BALANCE' });
    // a clawback after settlement may leave a debt: available without the floor goes negative, visibly
    await overdraw('available');
    expect(await ledger.balances(ctx, r)).toEqual({ pendingFen: 100, availableFen: -101, withdrawingFen: 0 });
  });

  it('keeps balances exact under 50 concurrent postings to one account', async () => {
    const r = reseller();
    await Promise.all(Array.from({ length: 50 }, (_, i) => accrue(r, i + 1)));
    expect((await ledger.balances(ctx, r)).pendingFen).toBe((50 * 51) / 2);
  });

  it('gives a statement newest first with the running balance after each entry', async () => {
    const r = reseller();
    for (const fen of [300, 200, 500]) await accrue(r, fen);
    const page = await ledger.statement(ctx, r, 'pending', { page: 1, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((l) => [l.amountFen, l.balanceAfterFen])).toEqual([
      [500, 1000],
      [200, 500],
    ]);
    const second = await ledger.statement(ctx, r, 'pending', { page: 2, pageSize: 2 });
    expect(second.items.map((l) => [l.amountFen, l.balanceAfterFen])).toEqual([[300, 300]]);
  });
});
