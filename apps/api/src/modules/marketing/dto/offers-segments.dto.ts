import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Offer } from '../offers.service';

export class OfferInputDto {
  @ApiProperty() @IsString() @Length(1, 40) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') skuId: string;
  @ApiProperty({ description: 'the offer price per unit (fen)' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  priceFen: number;
  @ApiProperty({ format: 'date-time' }) @Type(() => Date) @IsDate() startsAt: Date;
  @ApiProperty({ format: 'date-time' }) @Type(() => Date) @IsDate() endsAt: Date;
  @ApiProperty({ description: 'units at the offer price' }) @IsInt() @Min(1) @Max(1_000_000) totalQty: number;
  @ApiPropertyOptional({ description: 'default 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  perUserLimit?: number;
}

export class OfferPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) name?: string;
  @ApiPropertyOptional({ enum: ['active', 'stopped'] }) @IsOptional() @IsIn(['active', 'stopped']) status?:
    'active' | 'stopped';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000) totalQty?: number;
}

export class OfferDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() skuId: string;
  @ApiProperty() priceFen: number;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() totalQty: number;
  @ApiProperty() soldQty: number;
  @ApiProperty() perUserLimit: number;
  @ApiProperty({ enum: ['active', 'stopped'] }) status: string;
  static of(o: Offer): OfferDto {
    return { ...o, startsAt: new Date(o.startsAt).toISOString(), endsAt: new Date(o.endsAt).toISOString() };
  }
}

export class MemberTagsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  tags: string[];
}

export class SegmentRulesDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'members at this level now' })
  @IsOptional()
  @IsUUID('4')
  levelId?: string;
  @ApiPropertyOptional({ description: 'lifetime spend at least (fen)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minSpendFen?: number;
  @ApiPropertyOptional({ description: 'lifetime spend at most (fen)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxSpendFen?: number;
  @ApiPropertyOptional({ description: 'bought in the last N days' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  purchasedWithinDays?: number;
  @ApiPropertyOptional({ description: 'bought nothing in the last N days' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  notPurchasedForDays?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'locked to this store now' })
  @IsOptional()
  @IsUUID('4')
  lockedStoreId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'bound to this reseller now' })
  @IsOptional()
  @IsUUID('4')
  referrerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'scanned a code of this store' })
  @IsOptional()
  @IsUUID('4')
  scannedStoreId?: string;
  @ApiPropertyOptional({ type: [String], description: 'carries every one of these tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  tags?: string[];
}

export class SegmentInputDto {
  @ApiProperty() @IsString() @Length(1, 40) name: string;
  @ApiProperty({ type: SegmentRulesDto })
  @ValidateNested()
  @Type(() => SegmentRulesDto)
  rules: SegmentRulesDto;
}

export class SegmentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: SegmentRulesDto }) rules: SegmentRulesDto;
}

export class SegmentMembersDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [String], description: 'the first 200 member ids' }) userIds: string[];
}

export class SegmentIssueDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') segmentId: string;
}
