import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import {
  REFERRAL_BIND_POLICIES,
  RESELLER_MODES,
  STORE_LOCK_POLICIES,
  type Settings,
} from '../settings.defaults';

export class SettingsDto implements Settings {
  @ApiProperty({ example: 365 }) storeLockDays: number;
  @ApiProperty({ enum: STORE_LOCK_POLICIES }) storeLockPolicy: Settings['storeLockPolicy'];
  @ApiProperty({ enum: REFERRAL_BIND_POLICIES }) referralBindPolicy: Settings['referralBindPolicy'];
  @ApiProperty({ example: 30, description: '0 = forever' }) referralBindDays: number;
  @ApiProperty({ enum: RESELLER_MODES }) resellerMode: Settings['resellerMode'];
  @ApiProperty() selfPurchaseCommission: boolean;
  @ApiProperty({ example: 500 }) storeRateBp: number;
  @ApiProperty({ example: 100 }) agentRateBp: number;
  @ApiProperty({ example: 1000 }) l1RateBp: number;
  @ApiProperty({ example: 300 }) l2RateBp: number;
  @ApiProperty({ example: 0, description: 'Shopping guide (导购) rate; a store may override it' })
  guideRateBp: number;
  @ApiProperty({ example: 7 }) settleDaysAfterComplete: number;
  @ApiProperty({ example: 30 }) payTimeoutMinutes: number;
  @ApiProperty({ example: 10 }) autoReceiveDays: number;
  @ApiProperty({ example: 7 }) afterSaleDays: number;
  @ApiProperty({ example: 100 }) minWithdrawFen: number;
  @ApiProperty({ example: 0 }) withdrawFeeBp: number;
  @ApiProperty({ description: 'the version an edit sends back as expectedUpdatedAt' }) updatedAt: string;
}

const days = (max: number) => [IsOptional(), IsInt(), Min(0), Max(max)];
const bp = () => [IsOptional(), IsInt(), Min(0), Max(10000)];
const apply =
  (...ds: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    ds.forEach((d) => d(target, key));

/** A partial update: only the fields sent change. Rates are basis points (0–10000). */
export class UpdateSettingsDto implements Partial<Settings> {
  @ApiPropertyOptional({
    description:
      'The `updatedAt` the editor loaded: when settings changed since, the change is refused (409 SETTINGS_STALE)',
  })
  @IsOptional()
  @IsISO8601()
  expectedUpdatedAt?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650 }) @apply(...days(3650)) @Min(1) storeLockDays?: number;
  @ApiPropertyOptional({ enum: STORE_LOCK_POLICIES })
  @IsOptional()
  @IsIn(STORE_LOCK_POLICIES)
  storeLockPolicy?: Settings['storeLockPolicy'];
  @ApiPropertyOptional({ enum: REFERRAL_BIND_POLICIES })
  @IsOptional()
  @IsIn(REFERRAL_BIND_POLICIES)
  referralBindPolicy?: Settings['referralBindPolicy'];
  @ApiPropertyOptional({ minimum: 0, maximum: 3650, description: '0 = forever' })
  @apply(...days(3650))
  referralBindDays?: number;
  @ApiPropertyOptional({ enum: RESELLER_MODES })
  @IsOptional()
  @IsIn(RESELLER_MODES)
  resellerMode?: Settings['resellerMode'];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() selfPurchaseCommission?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 10000 }) @apply(...bp()) storeRateBp?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10000 }) @apply(...bp()) agentRateBp?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10000 }) @apply(...bp()) l1RateBp?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10000 }) @apply(...bp()) l2RateBp?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10000 }) @apply(...bp()) guideRateBp?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 365 }) @apply(...days(365)) settleDaysAfterComplete?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 1440 })
  @apply(...days(1440))
  @Min(1)
  payTimeoutMinutes?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 60 }) @apply(...days(60)) @Min(1) autoReceiveDays?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 365 }) @apply(...days(365)) afterSaleDays?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  minWithdrawFen?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 10000 }) @apply(...bp()) withdrawFeeBp?: number;
}
