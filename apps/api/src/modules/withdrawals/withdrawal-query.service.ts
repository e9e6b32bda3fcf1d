import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { type Page, findPage } from '../../common/paging';
import type { EarnerType } from '../ledger/entities/ledger-account.entity';
import { LedgerErrors } from '../ledger/ledger.errors';
import { LedgerService } from '../ledger/ledger.service';
import { EARNER_DIRECTORY, type EarnerDirectory } from './withdrawals.ports';
import { Withdrawal, type WithdrawalStatus } from './entities/withdrawal.entity';
import { WithdrawalErrors } from './withdrawals.errors';

export interface WithdrawalFilter {
  status?: WithdrawalStatus;
  earnerType?: EarnerType;
  earnerId?: string;
  page?: number;
  pageSize?: number;
}

/** Reads: lists for finance and for earners, the wallet. Earners see only the accounts they may act for (403 LEDGER_ACCOUNT_NOT_YOURS otherwise). */
@Injectable()
export class WithdrawalQueryService {
  constructor(
    private readonly tx: TransactionService,
    private readonly ledger: LedgerService,
    @Inject(EARNER_DIRECTORY) private readonly directory: EarnerDirectory,
  ) {}

  async list(ctx: RequestContext, f: WithdrawalFilter): Promise<Page<Withdrawal>> {
    const where = {
      ...(f.status ? { status: f.status } : {}),
      ...(f.earnerType ? { earnerType: f.earnerType } : {}),
      ...(f.earnerId ? { earnerId: f.earnerId } : {}),
    };
    return findPage(this.tx.repo(ctx, Withdrawal), f, { where, order: { createdAt: 'DESC' } });
  }

  /** 403 LEDGER_ACCOUNT_NOT_YOURS unless the user may act for the earner account. */
  async assertCanAct(ctx: RequestContext, userId: string, type: EarnerType, id: string): Promise<void> {
    if (!(await this.directory.canAct(ctx, userId, type, id)))
      throw LedgerErrors.LEDGER_ACCOUNT_NOT_YOURS({ earnerType: type, earnerId: id });
  }

  /** The user's earner accounts (reseller, agent, each store they own) with their balances. */
  async accounts(ctx: RequestContext, userId: string) {
    const accounts = await this.directory.accountsOf(ctx, userId);
    return Promise.all(
      accounts.map(async (a) => ({
        earnerType: a.type,
        earnerId: a.id,
        name: a.info.name,
        active: a.info.active,
        ...(await this.ledger.balances(ctx, { type: a.type, id: a.id })),
      })),
    );
  }

  async listForUser(
    ctx: RequestContext,
    userId: string,
    f: WithdrawalFilter & { earnerType: EarnerType; earnerId: string },
  ) {
    await this.assertCanAct(ctx, userId, f.earnerType, f.earnerId);
    return this.list(ctx, f);
  }

  async getForUser(ctx: RequestContext, userId: string, id: string): Promise<Withdrawal> {
    const w = await this.tx.repo(ctx, Withdrawal).findOneBy({ id });
    // Someone else's withdrawal is not shown to exist.
    if (!w || !(await this.directory.canAct(ctx, userId, w.earnerType, w.earnerId)))
      throw WithdrawalErrors.WITHDRAWAL_NOT_FOUND();
    return w;
  }

  async wallet(ctx: RequestContext, userId: string, type: EarnerType, id: string) {
    await this.assertCanAct(ctx, userId, type, id);
    const owner = { type, id };
    const [balances, available, pending] = await Promise.all([
      this.ledger.balances(ctx, owner),
      this.ledger.statement(ctx, owner, 'available', { pageSize: 20 }),
      this.ledger.statement(ctx, owner, 'pending', { pageSize: 20 }),
    ]);
    return { ...balances, recentAvailable: available.items, recentPending: pending.items };
  }

  /** One of the caller's earner accounts' full statement (one balance), newest first. */
  async statementForUser(
    ctx: RequestContext,
    userId: string,
    q: {
      earnerType: EarnerType;
      earnerId: string;
      kind: 'pending' | 'available' | 'withdrawing';
      page?: number;
      pageSize?: number;
    },
  ) {
    await this.assertCanAct(ctx, userId, q.earnerType, q.earnerId);
    return this.ledger.statement(ctx, { type: q.earnerType, id: q.earnerId }, q.kind, q);
  }
}
