import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';
import { EarnerPageQuery, EarnerRefDto, EARNER_ID } from '../../ledger/dto/earner.dto';
import { EARNER_TYPES, type EarnerType } from '../../ledger/entities/ledger-account.entity';
import type { WithdrawalStatus } from '../entities/withdrawal.entity';

const STATUSES: WithdrawalStatus[] = ['REQUESTED', 'APPROVED', 'PAYING', 'PAID', 'REJECTED', 'FAILED'];
export class CreateWithdrawalDto extends EarnerRefDto {
  @ApiProperty({ minimum: 1, description: 'fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen: number;
}

export class WithdrawalListQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: WithdrawalStatus;

  @ApiPropertyOptional({ enum: EARNER_TYPES })
  @IsOptional()
  @IsIn(EARNER_TYPES)
  earnerType?: EarnerType;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(EARNER_ID)
  earnerId?: string;
}

export class StatementQuery extends EarnerPageQuery {
  @ApiProperty({ enum: ['pending', 'available', 'withdrawing'] })
  @IsIn(['pending', 'available', 'withdrawing'])
  kind: 'pending' | 'available' | 'withdrawing';
}

export class ApproveWithdrawalDto {
  @ApiProperty({
    enum: ['wechat', 'manual'],
    description: 'WeChat merchant transfer, or paid by hand (bank)',
  })
  @IsIn(['wechat', 'manual'])
  method: 'wechat' | 'manual';
}

export class BulkApproveDto extends ApproveWithdrawalDto {
  @ApiProperty({ type: [String] })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('4', { each: true })
  ids: string[];
}

export class RejectWithdrawalDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  reason: string;
}

export class MarkPaidDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;
}

export class WithdrawalDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: EARNER_TYPES }) earnerType: EarnerType;
  @ApiProperty() earnerId: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() feeFen: number;
  @ApiProperty() netFen: number;
  @ApiProperty({ enum: STATUSES }) status: WithdrawalStatus;
  @ApiProperty({ enum: ['wechat', 'manual'], nullable: true }) method: 'wechat' | 'manual' | null;
  @ApiProperty({ nullable: true }) rejectReason: string | null;
  @ApiProperty({ nullable: true }) failReason: string | null;
  @ApiProperty({
    nullable: true,
    description: 'for wx.requestMerchantTransfer while WeChat waits for the user',
  })
  packageInfo: string | null;
  @ApiPropertyOptional({ description: 'with packageInfo: the merchant id for wx.requestMerchantTransfer' })
  mchId?: string;
  @ApiPropertyOptional({ description: 'with packageInfo: the app id for wx.requestMerchantTransfer' })
  appId?: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true }) paidAt: string | null;
}

export class WithdrawalPageDto extends PageDto(WithdrawalDto) {}

export class BulkApproveResultDto {
  @ApiProperty({ type: [String] }) approved: string[];
  @ApiProperty({ description: 'id → error code' }) failed: Record<string, string>;
}
