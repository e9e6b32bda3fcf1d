import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { EVENT_KINDS, type EventKind } from '../entities/analytics-event.entity';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class RangeQueryDto {
  @ApiProperty({ example: '2026-11-01', description: 'first day, China time (inclusive)' })
  @Matches(DAY)
  from: string;

  @ApiProperty({
    example: '2026-11-30',
    description: 'last day, China time (inclusive); not after today, at most two years',
  })
  @Matches(DAY)
  to: string;
}

export class StoreRangeQueryDto extends RangeQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'only this store (400 ANALYTICS_STORE_UNKNOWN when there is none)',
  })
  @IsOptional()
  @IsUUID()
  storeId?: string;
}

export class CodeFunnelQueryDto extends RangeQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  storeId: string;
}

export const REPORTS = [
  'overview',
  'daily',
  'stores',
  'shelves',
  'products',
  'resellers',
  'store-funnel',
  'code-funnel',
] as const;
export type Report = (typeof REPORTS)[number];

export class ExportQueryDto extends StoreRangeQueryDto {
  @ApiProperty({ enum: REPORTS, description: 'code-funnel needs storeId' })
  @IsIn(REPORTS)
  report: Report;
}

export class RebuildDto extends RangeQueryDto {}

export class RebuildResultDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'paid orders and till sales counted again' }) paidOrders: number;
  @ApiProperty({ description: 'refunds counted again' }) refunds: number;
  @ApiProperty() ms: number;
}

export class EventDto {
  @ApiProperty({ enum: EVENT_KINDS }) @IsIn(EVENT_KINDS) kind: EventKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId: string;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the shelf code the product was reached from',
  })
  @IsOptional()
  @IsUUID()
  scanCodeId?: string | null;
  @ApiPropertyOptional({ minimum: 1, maximum: 999, description: 'units added to the cart (cart only)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  qty?: number;
}

export class EventBatchDto {
  @ApiProperty({ type: [EventDto], minItems: 1, maxItems: 50 })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EventDto)
  events: EventDto[];
}

export class EventBatchResultDto {
  @ApiProperty() accepted: number;
}

export class TotalsDto {
  @ApiProperty({
    description: 'online payable paid in the range plus till sales recorded (refunds not deducted)',
  })
  gmvFen: number;
  @ApiProperty() onlineGmvFen: number;
  @ApiProperty({ description: 'till sales' }) offlineGmvFen: number;
  @ApiProperty({ description: 'online orders paid plus till sales' }) paidOrders: number;
  @ApiProperty() onlinePaidOrders: number;
  @ApiProperty() offlineOrders: number;
  @ApiProperty({ description: 'distinct buyers who paid online or at the till' }) paidCustomers: number;
  @ApiProperty({ description: 'average order value: gmvFen / paidOrders, rounded' }) aovFen: number;
  @ApiProperty({ description: 'refunds that succeeded in the range' }) refunds: number;
  @ApiProperty() refundFen: number;
  @ApiProperty({ description: 'gmvFen − refundFen' }) netFen: number;
  @ApiProperty({ description: 'funnel: resolved scans' }) scans: number;
  @ApiProperty({ description: 'funnel: product views' }) views: number;
  @ApiProperty({ description: 'funnel: add-to-carts' }) carts: number;
  @ApiProperty({ description: 'funnel: online orders placed' }) orders: number;
  @ApiProperty({ nullable: true, type: Number, description: 'members who joined (platform-wide only)' })
  newMembers: number | null;
}

export class DailyDto {
  @ApiProperty() day: string;
  @ApiProperty() gmvFen: number;
  @ApiProperty() offlineGmvFen: number;
  @ApiProperty() paidOrders: number;
  @ApiProperty() refundFen: number;
  @ApiProperty() scans: number;
  @ApiProperty() views: number;
}

export class RankDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'the store of a shelf' }) storeName:
    string | null;
  @ApiProperty() gmvFen: number;
  @ApiProperty() paidOrders: number;
  @ApiProperty({ description: 'products: units paid; shelves: scans' }) qty: number;
  @ApiProperty() refundFen: number;
}

export class FunnelRowDto {
  @ApiProperty({ description: 'store id, or code id (per-code funnel)' }) id: string;
  @ApiProperty({ description: 'store name, or the code (per-code funnel)' }) name: string;
  @ApiProperty({ nullable: true, type: String, description: 'shelf name (per-code funnel)' }) shelfName:
    string | null;
  @ApiProperty() scans: number;
  @ApiProperty() views: number;
  @ApiProperty() carts: number;
  @ApiProperty() orders: number;
  @ApiProperty() paidOrders: number;
  @ApiProperty() gmvFen: number;
  @ApiProperty() offlineGmvFen: number;
}

export class DashboardDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() prevFrom: string;
  @ApiProperty() prevTo: string;
  @ApiProperty({ type: TotalsDto }) current: TotalsDto;
  @ApiProperty({ type: TotalsDto }) previous: TotalsDto;
  @ApiProperty({ type: [DailyDto] }) daily: DailyDto[];
  @ApiProperty({ type: [RankDto] }) topStores: RankDto[];
  @ApiProperty({ type: [RankDto] }) topShelves: RankDto[];
  @ApiProperty({ type: [RankDto], description: 'platform-wide only (empty for a store manager)' })
  topProducts: RankDto[];
  @ApiProperty({ type: [RankDto], description: 'platform-wide only (empty for a store manager)' })
  topResellers: RankDto[];
}

export class FunnelDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [FunnelRowDto] }) rows: FunnelRowDto[];
}

export class StoreFiguresDto {
  @ApiProperty() storeId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() prevFrom: string;
  @ApiProperty() prevTo: string;
  @ApiProperty({ type: TotalsDto }) current: TotalsDto;
  @ApiProperty({ type: TotalsDto }) previous: TotalsDto;
  @ApiProperty({ type: [DailyDto] }) daily: DailyDto[];
  @ApiProperty({ type: [FunnelRowDto], description: 'per code of the store' }) codes: FunnelRowDto[];
}
