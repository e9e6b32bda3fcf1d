import type { StatementLine } from '../../ledger/ledger.service';
import { StatementLineDto } from './wallet.dto';
import type { Withdrawal } from '../entities/withdrawal.entity';
import { WithdrawalDto } from './withdrawal.dto';

/** Response mappers of the module: entity or view in, DTO out (the one home for them). */
export function toStatementLineDto(l: StatementLine): StatementLineDto {
  return { ...l, createdAt: new Date(l.createdAt).toISOString() };
}

export function toWithdrawalDto(w: Withdrawal): WithdrawalDto {
  return {
    id: w.id,
    earnerType: w.earnerType,
    earnerId: w.earnerId,
    amountFen: w.amountFen,
    feeFen: w.feeFen,
    netFen: w.netFen,
    status: w.status,
    method: w.method,
    rejectReason: w.rejectReason,
    failReason: w.failReason,
    packageInfo: w.status === 'PAYING' ? w.packageInfo : null,
    createdAt: new Date(w.createdAt).toISOString(),
    paidAt: w.paidAt ? new Date(w.paidAt).toISOString() : null,
  };
}
