import { LedgerErrors } from '../ledger/ledger.errors';
import { Inject, Injectable } from '@nestjs/common';
import { applyBp } from '@cloudshelf/money';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { JobsService } from '../../jobs/jobs.service';
import { newMerchantNo } from '../../wechat';
import type { EarnerType } from '../ledger/entities/ledger-account.entity';
import { LedgerService, PLATFORM, type Owner } from '../ledger/ledger.service';
import {
  EARNER_DIRECTORY,
  WITHDRAWAL_RULES,
  type EarnerDirectory,
  type WithdrawalRulesSource,
} from './withdrawals.ports';
import { Withdrawal, type PayoutMethod } from './entities/withdrawal.entity';
import { withdrawalState } from './withdrawal-state';
import { WithdrawalErrors } from './withdrawals.errors';
import { transferJob } from './withdrawals.jobs';
import { REAL_NAME_THRESHOLD_FEN, RealNameService } from './real-name.service';

export interface WithdrawalRequestInput {
  earnerType: EarnerType;
  earnerId: string;
  amountFen: number;
}

const owner = (w: Pick<Withdrawal, 'earnerType' | 'earnerId'>): Owner => ({
  type: w.earnerType,
  id: w.earnerId,
});

/**
 * Withdrawals of earners' available balances. The money moves to "withdrawing" in the
 * request's own transaction by a conditional update, so parallel requests can never
 * spend the same fen twice; every later step is a guarded transition plus a ledger
 * posting with a unique reference (idempotent under retries).
 */
@Injectable()
export class WithdrawalsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly idem: IdempotencyService,
    private readonly ledger: LedgerService,
    private readonly jobs: JobsService,
    @Inject(EARNER_DIRECTORY) private readonly directory: EarnerDirectory,
    @Inject(WITHDRAWAL_RULES) private readonly rulesSource: WithdrawalRulesSource,
    private readonly realNames: RealNameService,
  ) {}

  /** An earner asks for a withdrawal; repeated with the same Idempotency-Key it returns the first result. */
  async request(
    ctx: RequestContext,
    userId: string,
    input: WithdrawalRequestInput,
    idempotencyKey: string,
  ): Promise<Withdrawal> {
    return this.idem.run(ctx, `withdrawal:${userId}`, idempotencyKey, input, async (c) => {
      if (!(await this.directory.canAct(c, userId, input.earnerType, input.earnerId)))
        throw LedgerErrors.LEDGER_ACCOUNT_NOT_YOURS({
          earnerType: input.earnerType,
          earnerId: input.earnerId,
        });
      const info = await this.directory.describe(c, input.earnerType, input.earnerId);
      if (!info) throw WithdrawalErrors.WITHDRAWAL_NOT_FOUND();
      if (!info.active) throw WithdrawalErrors.WITHDRAWAL_EARNER_SUSPENDED();
      const rules = await this.rulesSource.rules(c);
      if (input.amountFen < rules.minWithdrawFen) {
        throw WithdrawalErrors.WITHDRAWAL_BELOW_MINIMUM({ minWithdrawFen: rules.minWithdrawFen });
      }
      const feeFen = applyBp(input.amountFen, rules.withdrawFeeBp);
      if (input.amountFen - feeFen <= 0) throw WithdrawalErrors.WITHDRAWAL_FEE_TOO_HIGH({ feeFen });
      // WeChat refuses a transfer from 2000 yuan without the receiver's real name: ask before money moves.
      if (
        input.amountFen >= REAL_NAME_THRESHOLD_FEN &&
        !(info.payeeOpenid && (await this.realNames.has(c, info.payeeOpenid)))
      ) {
        throw WithdrawalErrors.WITHDRAWAL_REAL_NAME_REQUIRED({ requiredFromFen: REAL_NAME_THRESHOLD_FEN });
      }
      const manager = this.tx.manager(c);
      const w = await manager.getRepository(Withdrawal).save(
        manager.getRepository(Withdrawal).create({
          earnerType: input.earnerType,
          earnerId: input.earnerId,
          requestedBy: userId,
          amountFen: input.amountFen,
          feeFen,
          netFen: input.amountFen - feeFen,
          status: 'REQUESTED',
          payeeOpenid: info.payeeOpenid,
          outBillNo: newMerchantNo('WD'),
        }),
      );
      try {
        await this.ledger.post(c, {
          reference: `withdrawal:${w.id}:request`,
          kind: 'withdrawal_request',
          memo: '申请提现',
          subjectId: w.id,
          entries: [
            { owner: owner(w), kind: 'available', amountFen: -w.amountFen, floorZero: true },
            { owner: owner(w), kind: 'withdrawing', amountFen: w.amountFen },
          ],
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'LEDGER_INSUFFICIENT_BALANCE') {
          const { availableFen } = await this.ledger.balances(c, owner(w));
          throw WithdrawalErrors.WITHDRAWAL_INSUFFICIENT_BALANCE({ availableFen });
        }
        throw err;
      }
      return w;
    });
  }

  /** Finance approves: WeChat transfer (queued after commit) or payment by hand. Twice → WITHDRAWAL_STATE_INVALID. */
  async approve(ctx: RequestContext, id: string, method: PayoutMethod): Promise<Withdrawal> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const w = await this.lock(m, { id });
      if (method === 'wechat' && !w.payeeOpenid) {
        const info = await this.directory.describe(c, w.earnerType, w.earnerId);
        if (!info?.payeeOpenid) throw WithdrawalErrors.WITHDRAWAL_NO_PAYEE();
        w.payeeOpenid = info.payeeOpenid;
      }
      await withdrawalState.transition(
        c,
        m,
        w,
        'APPROVED',
        method === 'wechat' ? '审核通过，微信转账' : '审核通过，线下打款',
        {
          method,
          reviewedBy: c.actor?.id ?? null,
          payeeOpenid: w.payeeOpenid,
        },
      );
      if (method === 'wechat')
        await this.jobs.send(c, transferJob, { withdrawalId: w.id }, { idempotencyKey: w.id });
      return w;
    });
  }

  /** Finance rejects with a reason; the money returns to the earner's available balance. */
  async reject(ctx: RequestContext, id: string, reason: string): Promise<Withdrawal> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const w = await this.lock(m, { id });
      await withdrawalState.transition(c, m, w, 'REJECTED', reason, {
        rejectReason: reason.slice(0, 200),
        reviewedBy: c.actor?.id ?? null,
      });
      await this.returnMoney(c, w, 'reject', `提现被驳回：${reason}`);
      return w;
    });
  }

  /** A manual payout (bank transfer) is confirmed by finance. */
  async markPaid(ctx: RequestContext, id: string, note: string): Promise<Withdrawal> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const w = await this.lock(m, { id });
      if (w.method !== 'manual')
        throw WithdrawalErrors.WITHDRAWAL_STATE_INVALID({
          reason: 'only manual payouts are marked paid by hand',
        });
      await this.settlePaid(c, m, w, note || '线下打款完成');
      return w;
    });
  }

  /** Locks a withdrawal row for a state change; 404 when it does not exist. */
  async lock(m: EntityManager, where: { id: string } | { outBillNo: string }): Promise<Withdrawal> {
    const w = await m.findOne(Withdrawal, { where, lock: { mode: 'pessimistic_write' } });
    if (!w) throw WithdrawalErrors.WITHDRAWAL_NOT_FOUND();
    return w;
  }

  /** → PAID, and the withdrawing money leaves: net to payouts, fee to fees. */
  async settlePaid(
    ctx: RequestContext,
    m: EntityManager,
    w: Withdrawal,
    reason: string,
    changes: Partial<Withdrawal> = {},
  ): Promise<void> {
    await withdrawalState.transition(ctx, m, w, 'PAID', reason, { ...changes, paidAt: new Date() });
    await this.ledger.post(ctx, {
      reference: `withdrawal:${w.id}:paid`,
      kind: 'withdrawal_paid',
      memo: '提现到账',
      subjectId: w.id,
      entries: [
        { owner: owner(w), kind: 'withdrawing', amountFen: -w.amountFen },
        { owner: PLATFORM, kind: 'payouts', amountFen: w.netFen },
        { owner: PLATFORM, kind: 'fees', amountFen: w.feeFen },
      ],
    });
  }

  /** withdrawing → available, for a rejected or failed withdrawal. */
  async returnMoney(
    ctx: RequestContext,
    w: Withdrawal,
    step: 'reject' | 'failed',
    memo: string,
  ): Promise<void> {
    await this.ledger.post(ctx, {
      reference: `withdrawal:${w.id}:${step}`,
      kind: `withdrawal_${step}`,
      memo: memo.slice(0, 200),
      subjectId: w.id,
      entries: [
        { owner: owner(w), kind: 'withdrawing', amountFen: -w.amountFen },
        { owner: owner(w), kind: 'available', amountFen: w.amountFen },
      ],
    });
  }
}
