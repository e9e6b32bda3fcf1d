import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { PageQueryDto, PageDto } from '../../../common/paging';
import { FULFILMENT_MODES, type FulfilmentMode } from '../../catalog/entities/product.entity';
import { SCAN_CODE_STATUSES, type ScanCodeStatus } from '../entities/scan-code.entity';
import { SCAN_RESULTS, type ScanResult } from '../entities/scan-log.entity';
import { StoreDto } from './store.dto';

export class CreateShelfDto {
  @ApiProperty({ example: 'A1 白酒柜' })
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(-100000)
  @Max(100000)
  sortOrder?: number;
}

export class UpdateShelfDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 60)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(-100000)
  @Max(100000)
  sortOrder?: number;
}

export class SlotInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Pin the slot to one SKU of the product' })
  @IsOptional()
  @IsUUID()
  skuId?: string;
}

export class ReplaceSlotsDto {
  @ApiProperty({ type: [SlotInputDto], description: 'The slots in shelf order; replaces the current list' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SlotInputDto)
  slots: SlotInputDto[];
}

export class ShelfSlotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) skuId: string | null;
}

export class ShelfDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty() name: string;
  @ApiProperty() sortOrder: number;
  @ApiProperty({ type: [ShelfSlotDto] }) slots: ShelfSlotDto[];
  @ApiProperty({ nullable: true, type: String, description: 'The shelf’s active scan code' }) code:
    string | null;
}

export class ShelfPageDto extends PageDto(ShelfDto) {}

export class IssueScanCodeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  shelfId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A slot of the shelf; omit for the shelf’s own code' })
  @IsOptional()
  @IsUUID()
  slotId?: string;
}

export class ScanCodeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SCAN_CODE_STATUSES })
  @IsOptional()
  @IsIn(SCAN_CODE_STATUSES)
  status?: ScanCodeStatus;
}

export class ScanCodeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '≤ 32 of [0-9A-Za-z]: the mini-program code’s scene' }) code: string;
  @ApiProperty({ format: 'uuid' }) storeId: string;
  @ApiProperty({ format: 'uuid' }) shelfId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) slotId: string | null;
  @ApiProperty({ enum: SCAN_CODE_STATUSES }) status: ScanCodeStatus;
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) replacedById: string | null;
  @ApiProperty() createdAt: string;
}

export class ScanCodePageDto extends PageDto(ScanCodeDto) {}

export class ScanLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: SCAN_RESULTS })
  @IsOptional()
  @IsIn(SCAN_RESULTS)
  result?: ScanResult;
}

export class ScanLogDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) scanCodeId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) storeId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) shelfId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ enum: SCAN_RESULTS }) result: ScanResult;
  @ApiProperty() createdAt: string;
}

export class ScanLogPageDto extends PageDto(ScanLogDto) {}

export class ScanSkuDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) specs: Record<string, string>;
  @ApiProperty() priceFen: number;
  @ApiProperty({ nullable: true, type: Number }) originalPriceFen: number | null;
  @ApiProperty({ description: 'What this store holds (take-away and pickup draw from it)' })
  storeStock: number;
  @ApiProperty({ description: 'Platform stock (express draws from it)' }) platformStock: number;
  @ApiProperty({
    enum: FULFILMENT_MODES,
    isArray: true,
    description: 'Modes the product allows that have stock now: a buy button each',
  })
  availableModes: FulfilmentMode[];
}

export class ScanItemDto {
  @ApiProperty({ format: 'uuid' }) slotId: string;
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) subtitle: string | null;
  @ApiProperty({ nullable: true, type: String }) coverUrl: string | null;
  @ApiProperty({ enum: FULFILMENT_MODES, isArray: true, description: 'Modes the product allows' })
  modes: FulfilmentMode[];
  @ApiProperty({ type: [ScanSkuDto] }) skus: ScanSkuDto[];
}

export class ScanShelfDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ScanResultDto {
  @ApiProperty() code: string;
  @ApiProperty({ format: 'uuid' }) scanCodeId: string;
  @ApiProperty({ type: StoreDto }) store: StoreDto;
  @ApiProperty({ type: ScanShelfDto }) shelf: ScanShelfDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set when the code is a slot’s' })
  slotId: string | null;
  @ApiProperty({ type: [ScanItemDto], description: 'Products on sale in shelf order' }) items: ScanItemDto[];
}
