import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';
import { EarnerRefDto, EARNER_ID } from '../../ledger/dto/earner.dto';
import { EARNER_TYPES, type EarnerType } from '../../ledger/entities/ledger-account.entity';
import type { RewardStatus } from '../entities/reward.entity';
import type { RewardKind } from '../reward-split';

const KINDS: RewardKind[] = ['store', 'agent', 'l1', 'l2', 'guide'];
const STATUSES: RewardStatus[] = ['PENDING', 'AVAILABLE', 'CANCELLED'];

export class RewardListQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ enum: EARNER_TYPES }) @IsOptional() @IsIn(EARNER_TYPES) earnerType?: EarnerType;
  @ApiPropertyOptional() @IsOptional() @Matches(EARNER_ID) earnerId?: string;
  @ApiPropertyOptional({ enum: KINDS }) @IsOptional() @IsIn(KINDS) kind?: RewardKind;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: RewardStatus;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

export class EarnerRewardsQuery extends EarnerRefDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

export class DailyRewardsQuery extends EarnerRefDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 90, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  days: number = 30;
}

export class RewardDto {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() lineId: string;
  @ApiProperty({ enum: KINDS, description: 'store reward, agent override, L1 or L2 commission' })
  kind: RewardKind;
  @ApiProperty({ enum: EARNER_TYPES }) earnerType: EarnerType;
  @ApiProperty() earnerId: string;
  @ApiProperty({ description: 'the line’s paid amount the rate applies to' }) baseFen: number;
  @ApiProperty() rateBp: number;
  @ApiProperty() amountFen: number;
  @ApiProperty({ description: 'taken back by refunds' }) clawedFen: number;
  @ApiProperty({ enum: STATUSES }) status: RewardStatus;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) settledAt: string | null;
}

export class RewardPageDto extends PageDto(RewardDto) {}

/** A reward as its earner sees it: with the order number, buyer nickname and product. */
export class EarnerRewardDto extends RewardDto {
  @ApiProperty() orderNo: string;
  @ApiProperty({ nullable: true, type: String }) buyerNickname: string | null;
  @ApiProperty() productTitle: string;
}

export class EarnerRewardPageDto extends PageDto(EarnerRewardDto) {}

export class DailyRewardsDto {
  @ApiProperty({ description: 'yyyy-MM-dd, China time' }) day: string;
  @ApiProperty() orders: number;
  @ApiProperty() amountFen: number;
  @ApiProperty() clawedFen: number;
}

export class SettleDueResultDto {
  @ApiProperty({ description: 'rewards moved from pending to available' }) settled: number;
}
