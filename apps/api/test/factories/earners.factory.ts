import { Global, Injectable, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../src/common/request-context';
import type { EarnerType } from '../../src/modules/ledger/entities/ledger-account.entity';
import { LedgerService, PLATFORM } from '../../src/modules/ledger/ledger.service';
import {
  EARNER_DIRECTORY,
  WITHDRAWAL_RULES,
  type EarnerDirectory,
  type EarnerInfo,
  type WithdrawalRules,
  type WithdrawalRulesSource,
} from '../../src/modules/withdrawals/earner-directory';

/**
 * Stands in for the identity and stores modules in withdrawal tests: a reseller is
 * acted for by the same user id; a store by its owner.
 */
@Injectable()
export class TestEarners implements EarnerDirectory, WithdrawalRulesSource {
  readonly earners = new Map<string, EarnerInfo & { owner: string }>();
  current: WithdrawalRules = { minWithdrawFen: 100, withdrawFeeBp: 0 };

  add(type: EarnerType, info: Partial<EarnerInfo> & { owner?: string } = {}): string {
    const id = randomUUID();
    this.earners.set(`${type}:${id}`, { active: true, payeeOpenid: null, name: '测试', owner: id, ...info });
    return id;
  }

  async describe(_ctx: RequestContext, type: EarnerType, id: string) {
    return this.earners.get(`${type}:${id}`) ?? null;
  }

  async canAct(_ctx: RequestContext, userId: string, type: EarnerType, id: string) {
    return this.earners.get(`${type}:${id}`)?.owner === userId;
  }

  async rules() {
    return this.current;
  }
}

@Global()
@Module({
  providers: [
    TestEarners,
    { provide: EARNER_DIRECTORY, useExisting: TestEarners },
    { provide: WITHDRAWAL_RULES, useExisting: TestEarners },
  ],
  exports: [TestEarners, EARNER_DIRECTORY, WITHDRAWAL_RULES],
})
export class TestEarnersModule {}

/** Puts settled money on an earner's available balance, as accrual + settlement postings. */
export async function fundAvailable(
  ledger: LedgerService,
  ctx: RequestContext,
  type: EarnerType,
  id: string,
  fen: number,
): Promise<void> {
  const owner = { type, id };
  const ref = randomUUID();
  await ledger.post(ctx, {
    reference: `test-accrual:${ref}`,
    kind: 'accrual',
    memo: '测试佣金',
    entries: [
      { owner, kind: 'pending', amountFen: fen },
      { owner: PLATFORM, kind: 'commission_expense', amountFen: -fen },
    ],
  });
  await ledger.post(ctx, {
    reference: `test-settlement:${ref}`,
    kind: 'settlement',
    memo: '测试结算',
    entries: [
      { owner, kind: 'pending', amountFen: -fen },
      { owner, kind: 'available', amountFen: fen },
    ],
  });
}
