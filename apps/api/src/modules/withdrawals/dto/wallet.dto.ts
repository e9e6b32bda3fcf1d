import { PageDto } from '../../../common/paging';
import { ApiProperty } from '@nestjs/swagger';

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
