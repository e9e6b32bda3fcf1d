import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../src/common/request-context';
import type { EarnerType } from '../../src/modules/ledger/entities/ledger-account.entity';
import { LedgerService, PLATFORM } from '../../src/modules/ledger/ledger.service';

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
