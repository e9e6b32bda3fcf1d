import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  NotEquals,
} from 'class-validator';
import type { Coupon, CouponTemplate } from '../coupons.service';
import type { LevelProgress, MemberLevel, MemberStats } from '../levels.service';
import type { PointsEntry } from '../points.service';

export class MemberLevelInputDto {
  @ApiProperty({ example: '金卡' }) @IsString() @Length(1, 20) name: string;
  @ApiProperty({ description: 'cumulative spend (fen) that reaches the level' })
  @IsInt()
  @Min(0)
  @Max(100_000_000_000)
  thresholdFen: number;
  @ApiPropertyOptional({ description: 'share of the goods off every order (bp, 500 = 5 %)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  discountBp?: number;
  @ApiPropertyOptional({ description: 'points per yuan ×10,000 (15000 = 1.5 points per yuan)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  pointsMultiplierBp?: number;
}

export class MemberLevelPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 20) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000_000_000) thresholdFen?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(5000) discountBp?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100_000) pointsMultiplierBp?: number;
}

export class MemberLevelDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() thresholdFen: number;
  @ApiProperty() discountBp: number;
  @ApiProperty() pointsMultiplierBp: number;
  static of(l: MemberLevel): MemberLevelDto {
    return { ...l };
  }
}

export class MemberStatsDto {
  @ApiProperty() lifetimeSpendFen: number;
  @ApiProperty() lifetimeOrders: number;
  @ApiProperty() last90SpendFen: number;
  @ApiProperty() last90Orders: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastPurchaseAt: string | null;
  static of(s: MemberStats): MemberStatsDto {
    return { ...s, lastPurchaseAt: s.lastPurchaseAt ? new Date(s.lastPurchaseAt).toISOString() : null };
  }
}

export class LevelProgressDto {
  @ApiProperty({ type: MemberLevelDto, nullable: true }) level: MemberLevelDto | null;
  @ApiProperty({ type: MemberLevelDto, nullable: true }) next: MemberLevelDto | null;
  @ApiProperty({ description: 'spend still needed for the next level' }) toNextFen: number;
  @ApiProperty({ type: MemberStatsDto }) stats: MemberStatsDto;
  @ApiProperty({ type: [MemberLevelDto] }) levels: MemberLevelDto[];
  static of(p: LevelProgress, levels: MemberLevel[]): LevelProgressDto {
    return {
      level: p.level,
      next: p.next,
      toNextFen: p.toNextFen,
      stats: MemberStatsDto.of(p.stats),
      levels,
    };
  }
}

export class MemberProfileDto {
  @ApiProperty() userId: string;
  @ApiProperty({ type: LevelProgressDto }) progress: LevelProgressDto;
  @ApiProperty() pointsBalance: number;
  @ApiProperty({ description: 'coupons the member can use now' }) availableCoupons: number;
}

export class PointsEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'positive earns, negative spends' }) delta: number;
  @ApiProperty({ enum: ['earn', 'redeem', 'redeem_return', 'clawback', 'expire', 'adjust'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) orderId: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  static of(e: PointsEntry): PointsEntryDto {
    return { ...e, createdAt: new Date(e.createdAt).toISOString() };
  }
}

export class PointsStatementDto {
  @ApiProperty({ description: 'the balance: always the sum of every entry' }) balance: number;
  @ApiProperty({ type: [PointsEntryDto] }) items: PointsEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PointsAdjustDto {
  @ApiProperty({ description: 'points to add (positive) or take (negative)' })
  @IsInt()
  @NotEquals(0)
  @Min(-10_000_000)
  @Max(10_000_000)
  delta: number;
  @ApiProperty() @IsString() @Length(2, 200) reason: string;
}

export class CouponTemplateInputDto {
  @ApiProperty() @IsString() @Length(1, 40) name: string;
  @ApiProperty({ enum: ['amount', 'percent'], description: 'amount = 满减, percent = 折扣' })
  @IsIn(['amount', 'percent'])
  kind: 'amount' | 'percent';
  @ApiPropertyOptional({ description: '满减: fen off' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountFen?: number;
  @ApiPropertyOptional({ description: '折扣: share off in bp (8.5折 = 1500)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9900)
  percentOffBp?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '折扣: at most this much off' })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxDiscountFen?: number | null;
  @ApiProperty({ enum: ['all', 'category', 'products'] }) @IsIn(['all', 'category', 'products']) scope:
    'all' | 'category' | 'products';
  @ApiPropertyOptional({ type: [String], description: 'category ids or product ids' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  scopeIds?: string[];
  @ApiPropertyOptional({ description: 'default 0' }) @IsOptional() @IsInt() @Min(0) minSpendFen?: number;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() validFrom?: Date;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @Type(() => Date) @IsDate() validTo?: Date;
  @ApiPropertyOptional({ description: 'valid N days after the claim (instead of fixed dates)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  validDays?: number;
  @ApiProperty() @IsInt() @Min(1) @Max(10_000_000) totalQty: number;
  @ApiPropertyOptional({ description: 'default 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  perUserLimit?: number;
  @ApiPropertyOptional({ description: 'shoppers may claim it (else only issued); default true' })
  @IsOptional()
  @IsBoolean()
  claimable?: boolean;
}

export class CouponTemplatePatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) name?: string;
  @ApiPropertyOptional({ enum: ['active', 'stopped'] }) @IsOptional() @IsIn(['active', 'stopped']) status?:
    'active' | 'stopped';
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(10_000_000) totalQty?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() claimable?: boolean;
}

export class CouponTemplateDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['amount', 'percent'] }) kind: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() percentOffBp: number;
  @ApiProperty({ nullable: true, type: Number }) maxDiscountFen: number | null;
  @ApiProperty({ enum: ['all', 'category', 'products'] }) scope: string;
  @ApiProperty({ type: [String] }) scopeIds: string[];
  @ApiProperty() minSpendFen: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) validFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) validTo: string | null;
  @ApiProperty({ nullable: true, type: Number }) validDays: number | null;
  @ApiProperty() totalQty: number;
  @ApiProperty() claimedQty: number;
  @ApiProperty() perUserLimit: number;
  @ApiProperty() claimable: boolean;
  @ApiProperty({ enum: ['active', 'stopped'] }) status: string;
  static of(t: CouponTemplate): CouponTemplateDto {
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      id: t.id,
      name: t.name,
      kind: t.kind,
      amountFen: t.amountFen,
      percentOffBp: t.percentOffBp,
      maxDiscountFen: t.maxDiscountFen,
      scope: t.scope,
      scopeIds: t.scopeIds,
      minSpendFen: t.minSpendFen,
      validFrom: iso(t.validFrom),
      validTo: iso(t.validTo),
      validDays: t.validDays,
      totalQty: t.totalQty,
      claimedQty: t.claimedQty,
      perUserLimit: t.perUserLimit,
      claimable: t.claimable,
      status: t.status,
    };
  }
}

export class CouponDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['available', 'used', 'expired'] }) state: string;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({ format: 'date-time' }) validTo: string;
  @ApiProperty({ nullable: true, type: String }) orderId: string | null;
  @ApiProperty({ type: CouponTemplateDto }) template: CouponTemplateDto;
  static of(c: Coupon): CouponDto {
    return {
      id: c.id,
      state: c.state,
      validFrom: new Date(c.validFrom).toISOString(),
      validTo: new Date(c.validTo).toISOString(),
      orderId: c.orderId,
      template: CouponTemplateDto.of(c.template),
    };
  }
}

export class CouponQueryDto {
  @ApiPropertyOptional({ enum: ['available', 'used', 'expired'] })
  @IsOptional()
  @IsIn(['available', 'used', 'expired'])
  state?: 'available' | 'used' | 'expired';
}

export class CouponClaimDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') templateId: string;
}

export class CouponIssueDto {
  @ApiProperty({ type: [String], description: 'members to issue one coupon each' })
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('4', { each: true })
  userIds: string[];
}

export class CouponIssueResultDto {
  @ApiProperty() issued: number;
  @ApiProperty({ description: 'at their per-person limit, or the total ran out' }) skipped: number;
}
