import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { pageWindow, toPage, type Page } from '../../common/paging';
import {
  LedgerAccount,
  type AccountKind,
  type EarnerType,
  type OwnerType,
} from './entities/ledger-account.entity';
import { LedgerEntry } from './entities/ledger-entry.entity';
import { LedgerPosting } from './entities/ledger-posting.entity';
import { LedgerErrors } from './ledger.errors';

export interface Owner {
  type: OwnerType;
  id: string;
}

export const PLATFORM: Owner = { type: 'platform', id: 'platform' };

export interface EntryInput {
  owner: Owner;
  kind: AccountKind;
  /** Signed fen: positive raises the account's balance. */
  amountFen: number;
  /** Refuse the posting if this entry would take the account below zero. */
  floorZero?: boolean;
}

export interface PostingInput {
  /** Unique business key: the same fact posted twice posts once. */
  reference: string;
  kind: string;
  memo: string;
  subjectId?: string;
  entries: EntryInput[];
}

/** Accounts that may never go below zero whatever the posting says. */
const ALWAYS_FLOORED: AccountKind[] = ['pending', 'withdrawing'];

export interface Balances {
  pendingFen: number;
  availableFen: number;
  withdrawingFen: number;
}

export interface StatementLine {
  entryId: string;
  postingId: string;
  kind: string;
  memo: string;
  subjectId: string | null;
  amountFen: number;
  balanceAfterFen: number;
  createdAt: Date;
}

/**
 * The double-entry ledger: every balance of CloudShelf is the sum of its entries,
 * and every posting's entries sum to zero (checked here and, at commit, by a
 * deferred constraint trigger in PostgreSQL).
 */
@Injectable()
export class LedgerService {
  constructor(private readonly tx: TransactionService) {}

  /**
   * Posts a balanced set of entries in the caller's transaction, or does nothing and
   * answers `duplicate` when a posting with this reference exists. Cached balances
   * move by conditional updates in account-id order (no lost updates, no deadlock).
   */
  async post(
    ctx: RequestContext,
    input: PostingInput,
  ): Promise<{ postingId: string | null; duplicate: boolean }> {
    const entries = input.entries.filter((e) => e.amountFen !== 0);
    if (entries.some((e) => !Number.isSafeInteger(e.amountFen)))
      throw LedgerErrors.LEDGER_UNBALANCED({ reason: 'not integer fen' });
    if (entries.reduce((a, e) => a + e.amountFen, 0) !== 0)
      throw LedgerErrors.LEDGER_UNBALANCED({ reference: input.reference });
    return this.tx.run(ctx, async (c) => {
      const manager = this.tx.manager(c);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(LedgerPosting)
        .values({
          reference: input.reference,
          kind: input.kind,
          memo: input.memo.slice(0, 200),
          subjectId: input.subjectId ?? null,
          requestId: c.requestId,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return { postingId: null, duplicate: true };
      const postingId: string = inserted.raw[0].id;
      const accounts: LedgerAccount[] = [];
      for (const e of entries) accounts.push(await this.account(c, e.owner, e.kind)); // one connection: one query at a time
      const lines = entries
        .map((e, i) => ({ ...e, accountId: accounts[i].id }))
        .sort((a, b) => a.accountId.localeCompare(b.accountId));
      for (const line of lines) {
        const floored = line.floorZero || ALWAYS_FLOORED.includes(line.kind);
        const { affected } = await manager
          .createQueryBuilder()
          .update(LedgerAccount)
          .set({ balanceFen: () => `balance_fen + (${line.amountFen})` })
          .where(floored ? 'id = :id AND balance_fen + :amt >= 0' : 'id = :id', {
            id: line.accountId,
            amt: line.amountFen,
          })
          .execute();
        if (!affected) throw LedgerErrors.LEDGER_INSUFFICIENT_BALANCE({ kind: line.kind });
      }
      await manager
        .getRepository(LedgerEntry)
        .insert(lines.map((l) => ({ postingId, accountId: l.accountId, amountFen: l.amountFen })));
      return { postingId, duplicate: false };
    });
  }

  /** The account of an owner and kind, made on first use. */
  async account(ctx: RequestContext, owner: Owner, kind: AccountKind): Promise<LedgerAccount> {
    const repo = this.tx.repo(ctx, LedgerAccount);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ ownerType: owner.type, ownerId: owner.id, kind })
      .orIgnore()
      .execute();
    return repo.findOneByOrFail({ ownerType: owner.type, ownerId: owner.id, kind });
  }

  async balances(ctx: RequestContext, owner: Owner): Promise<Balances> {
    const rows = await this.tx.repo(ctx, LedgerAccount).findBy({ ownerType: owner.type, ownerId: owner.id });
    const of = (k: AccountKind) => rows.find((r) => r.kind === k)?.balanceFen ?? 0;
    return { pendingFen: of('pending'), availableFen: of('available'), withdrawingFen: of('withdrawing') };
  }

  /** Earners of one type with their three balances, largest available first (debts last). */
  async earners(
    ctx: RequestContext,
    type: EarnerType,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<{ earnerId: string } & Balances>> {
    const { skip, take } = pageWindow(q);
    const rows: { owner_id: string; pending: string; available: string; withdrawing: string }[] =
      await this.tx.manager(ctx).query(
        `SELECT owner_id,
              COALESCE(SUM(balance_fen) FILTER (WHERE kind = 'pending'), 0) AS pending,
              COALESCE(SUM(balance_fen) FILTER (WHERE kind = 'available'), 0) AS available,
              COALESCE(SUM(balance_fen) FILTER (WHERE kind = 'withdrawing'), 0) AS withdrawing
         FROM ledger_account WHERE owner_type = $1
        GROUP BY owner_id ORDER BY available DESC, owner_id LIMIT $2 OFFSET $3`,
        [type, take, skip],
      );
    const [{ n }] = await this.tx
      .manager(ctx)
      .query('SELECT count(DISTINCT owner_id)::int AS n FROM ledger_account WHERE owner_type = $1', [type]);
    const items = rows.map((r) => ({
      earnerId: r.owner_id,
      pendingFen: Number(r.pending),
      availableFen: Number(r.available),
      withdrawingFen: Number(r.withdrawing),
    }));
    return toPage(items, n, q);
  }

  /** An account's entries, newest first, each with the balance right after it. */
  async statement(
    ctx: RequestContext,
    owner: Owner,
    kind: AccountKind,
    q: { page?: number; pageSize?: number },
  ): Promise<Page<StatementLine>> {
    const account = await this.account(ctx, owner, kind);
    const { skip, take } = pageWindow(q);
    const rows: Record<string, unknown>[] = await this.tx.manager(ctx).query(
      `SELECT e.id, e.posting_id, p.kind, p.memo, p.subject_id, e.amount_fen, e.created_at,
              SUM(e.amount_fen) OVER (ORDER BY e.created_at, e.id) AS balance_after
         FROM ledger_entry e JOIN ledger_posting p ON p.id = e.posting_id
        WHERE e.account_id = $1
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT $2 OFFSET $3`,
      [account.id, take, skip],
    );
    const [{ n }] = await this.tx
      .manager(ctx)
      .query('SELECT count(*)::int AS n FROM ledger_entry WHERE account_id = $1', [account.id]);
    const items = rows.map((r) => ({
      entryId: String(r.id),
      postingId: String(r.posting_id),
      kind: String(r.kind),
      memo: String(r.memo),
      subjectId: (r.subject_id as string | null) ?? null,
      amountFen: Number(r.amount_fen),
      balanceAfterFen: Number(r.balance_after),
      createdAt: r.created_at as Date,
    }));
    return toPage(items, n, q);
  }

  /** Unbalanced postings and accounts whose cached balance differs from their entries: both must be 0. */
  async verify(
    ctx: RequestContext,
  ): Promise<{ unbalancedPostings: number; mismatchedAccounts: number; totalFen: number }> {
    const [r] = await this.tx.manager(ctx).query(`
      SELECT
        (SELECT count(*) FROM (SELECT posting_id FROM ledger_entry GROUP BY posting_id HAVING SUM(amount_fen) <> 0) u)::int AS unbalanced,
        (SELECT count(*) FROM ledger_account a
          WHERE a.balance_fen <> COALESCE((SELECT SUM(amount_fen) FROM ledger_entry e WHERE e.account_id = a.id), 0))::int AS mismatched,
        (SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry)::bigint AS total`);
    return { unbalancedPostings: r.unbalanced, mismatchedAccounts: r.mismatched, totalFen: Number(r.total) };
  }
}
