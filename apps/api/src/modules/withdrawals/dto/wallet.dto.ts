import { PageDto } from '../../../common/paging';
import { ApiProperty } from '@nestjs/swagger';
import { EARNER_TYPES, type EarnerType } from '../../ledger/entities/ledger-account.entity';

export class StatementLineDto {
  @ApiProperty() entryId: string;
  @ApiProperty({ description: 'accrual, settlement, clawback, withdrawal_request, …' }) kind: string;
  @ApiProperty() memo: string;
  @ApiProperty({ nullable: true }) subjectId: string | null;
  @ApiProperty({ description: 'signed fen' }) amountFen: number;
  @ApiProperty() balanceAfterFen: number;
  @ApiProperty() createdAt: string;
}

export class StatementPageDto extends PageDto(StatementLineDto) {}

export class WalletDto {
  @ApiProperty({ description: 'earned, not yet settled' }) pendingFen: number;
  @ApiProperty({ description: 'may be withdrawn; negative means a debt from a refund after settlement' })
  availableFen: number;
  @ApiProperty({ description: 'requested, not yet paid out' }) withdrawingFen: number;
  @ApiProperty({ type: [StatementLineDto], description: 'latest movements of the available balance' })
  recentAvailable: StatementLineDto[];
  @ApiProperty({ type: [StatementLineDto], description: 'latest movements of the pending balance' })
  recentPending: StatementLineDto[];
}

/** One earner account the user may act for, with its balances (the wallet's account switcher). */
export class EarnerAccountDto {
  @ApiProperty({ enum: EARNER_TYPES }) earnerType: EarnerType;
  @ApiProperty({ description: 'the reseller’s or agent’s user id, or the store id' }) earnerId: string;
  @ApiProperty({ description: '门店名 or the user’s nickname' }) name: string;
  @ApiProperty({ description: 'false: suspended, the balance stays but may not be withdrawn' })
  active: boolean;
  @ApiProperty() pendingFen: number;
  @ApiProperty({ description: 'negative: a debt after refunds' }) availableFen: number;
  @ApiProperty() withdrawingFen: number;
}

export class EarnerBalanceDto {
  @ApiProperty() earnerId: string;
  @ApiProperty() pendingFen: number;
  @ApiProperty({ description: 'negative: a debt after refunds' }) availableFen: number;
  @ApiProperty() withdrawingFen: number;
}

export class EarnerBalancePageDto extends PageDto(EarnerBalanceDto) {}

export class LedgerCheckDto {
  @ApiProperty() unbalancedPostings: number;
  @ApiProperty() mismatchedAccounts: number;
  @ApiProperty() totalFen: number;
}
