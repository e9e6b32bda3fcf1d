import { SkuStockMovementDto } from '../../catalog/dto/product.dto';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  IsISO8601,
} from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';
import { STORE_STATUSES, type StoreStatus } from '../entities/store.entity';
import { STORE_MEMBER_ROLES, type StoreMemberRole } from '../entities/store-member.entity';

export class CreateStoreDto {
  @ApiProperty({ example: '西湖银泰店' })
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiProperty({ example: '浙江省杭州市上城区延安路98号' })
  @IsString()
  @Length(1, 200)
  address: string;

  @ApiPropertyOptional({ example: '杭州' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  city?: string;

  @ApiPropertyOptional({ example: '0571-87000000' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiProperty({ example: 30.2592 })
  @IsLatitude()
  lat: number;

  @ApiProperty({ example: 120.1636 })
  @IsLongitude()
  lng: number;

  @ApiPropertyOptional({ example: '09:00-22:00' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  openingHours?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The owner’s user id' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The channel agent’s user id',
  })
  @IsOptional()
  @IsUUID()
  agentUserId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 10000,
    description: 'Shopping guide (导购) rate for this store in basis points; null = the guideRateBp setting',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  guideRateBp?: number | null;
}

export class UpdateStoreDto extends PartialType(CreateStoreDto) {
  @ApiPropertyOptional({
    description:
      'The `updatedAt` the editor loaded: when the record has been saved since, the change is refused (409 …_STALE) instead of overwriting it',
  })
  @IsOptional()
  @IsISO8601()
  expectedUpdatedAt?: string;

  @ApiPropertyOptional({ enum: STORE_STATUSES })
  @IsOptional()
  @IsIn(STORE_STATUSES)
  status?: StoreStatus;
}

export class StoreListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @ApiPropertyOptional({ enum: STORE_STATUSES })
  @IsOptional()
  @IsIn(STORE_STATUSES)
  status?: StoreStatus;
}

export class NearbyQueryDto extends PageQueryDto {
  @ApiProperty({ example: 30.2741 })
  @Type(() => Number)
  @IsLatitude()
  lat: number;

  @ApiProperty({ example: 120.1551 })
  @Type(() => Number)
  @IsLongitude()
  lng: number;

  @ApiPropertyOptional({ description: 'Only stores within this many km (default 50)', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0.1)
  @Max(1000)
  radiusKm?: number;
}

export class StoreDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
  @ApiProperty() openingHours: string;
  @ApiProperty({ enum: STORE_STATUSES }) status: StoreStatus;
}

export class AdminStoreDto extends StoreDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ownerUserId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agentUserId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Guide rate override (bp); null = the setting' })
  guideRateBp: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'the version an edit sends back as expectedUpdatedAt' }) updatedAt: string;
}

export class AdminStorePageDto extends PageDto(AdminStoreDto) {}

export class NearbyStoreDto extends StoreDto {
  @ApiProperty({ description: 'Great-circle distance in metres' }) distanceM: number;
}

export class NearbyStorePageDto extends PageDto(NearbyStoreDto) {}

export class MyStoreDto extends StoreDto {
  @ApiProperty({ enum: STORE_MEMBER_ROLES }) role: StoreMemberRole;
}

export class MyStoreListDto {
  @ApiProperty({ type: [MyStoreDto] }) items: MyStoreDto[];
}

export class StoreMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: STORE_MEMBER_ROLES }) role: StoreMemberRole;
  @ApiProperty({ nullable: true, type: String }) nickname: string | null;
  @ApiProperty() joinedAt: string;
}

export class StoreMemberListDto {
  @ApiProperty({ type: [StoreMemberDto] }) items: StoreMemberDto[];
}

export class StaffInviteDto {
  @ApiProperty({ description: 'One-time code to share with the new staff member' }) code: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty() expiresAt: string;
}

export class StoreStockAdjustmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  skuId: string;

  @ApiProperty({ description: 'Change in units; the result never goes below zero', example: 12 })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  delta: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class StoreStockDto {
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ format: 'uuid' }) skuId: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty() qty: number;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the product’s title' })
  title?: string | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: { type: 'string' } })
  specs?: Record<string, string> | null;
  @ApiPropertyOptional({ description: 'at or under the low-stock mark (5)' }) low?: boolean;
}

export class StoreStockPageDto extends PageDto(StoreStockDto) {}

export class StoreStockMovementDto extends SkuStockMovementDto {
  @ApiProperty({ format: 'uuid' }) storeId: string;
}

export class StoreStockMovementPageDto extends PageDto(StoreStockMovementDto) {}
