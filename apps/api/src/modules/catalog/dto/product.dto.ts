import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';
import {
  FULFILMENT_MODES,
  PRODUCT_STATUSES,
  type FulfilmentMode,
  type ProductStatus,
} from '../entities/product.entity';

const MAX_FEN = 10_000_000_000; // 1 亿元: far above any shelf product, far below a safe integer

export class SkuInputDto {
  @ApiPropertyOptional({
    example: { 容量: '500ml' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  specs?: Record<string, string>;

  @ApiProperty({ example: 'MT-53-500', description: 'Unique SKU code, [0-9A-Za-z_-]' })
  @IsString()
  @Matches(/^[0-9A-Za-z_-]{1,64}$/, { message: 'code must be 1–64 of [0-9A-Za-z_-]' })
  code: string;

  @ApiPropertyOptional({ example: '6902952880294' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{4,32}$/, { message: 'barcode must be 4–32 of [0-9A-Za-z-]' })
  barcode?: string;

  @ApiProperty({ description: 'Price in fen (integer ≥ 0)', example: 149900 })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  priceFen: number;

  @ApiPropertyOptional({ description: 'Crossed-out price in fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  originalPriceFen?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  weightGrams?: number;

  @ApiPropertyOptional({ description: 'Initial platform stock (only on create)', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  stock?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(-100000)
  @Max(100000)
  sortOrder?: number;
}

export class UpdateSkuDto extends PartialType(OmitType(SkuInputDto, ['stock'] as const)) {}

export class StockAdjustmentDto {
  @ApiProperty({ description: 'Change in units; negative takes stock away (never below zero)', example: 10 })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  delta: number;

  @ApiPropertyOptional({ maxLength: 200, example: '盘点' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class CreateProductDto {
  @ApiProperty({ example: '贵州茅台酒 53度 飞天' })
  @IsString()
  @Length(1, 120)
  title: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subtitle?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({ type: [String], maxItems: 9 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  images?: string[];

  @ApiPropertyOptional({ description: 'Rich description (HTML)' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  descriptionHtml?: string;

  @ApiPropertyOptional({ enum: FULFILMENT_MODES, isArray: true, default: ['express'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(FULFILMENT_MODES, { each: true })
  fulfilmentModes?: FulfilmentMode[];

  @ApiPropertyOptional({
    description: 'Store reward rate override in bp (0–10000)',
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  rewardRateBp?: number | null;

  @ApiPropertyOptional({
    description: 'Reseller commission rate override in bp (0–10000)',
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  commissionRateBp?: number | null;

  @ApiPropertyOptional({ type: [SkuInputDto], maxItems: 100 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SkuInputDto)
  skus?: SkuInputDto[];
}

export class UpdateProductDto extends PartialType(OmitType(CreateProductDto, ['skus'] as const)) {
  @ApiPropertyOptional({
    description:
      'The `updatedAt` the editor loaded: when the product has been saved since, the change is refused (409 PRODUCT_STALE) instead of overwriting it',
  })
  @IsOptional()
  @IsISO8601()
  expectedUpdatedAt?: string;
}

export class ProductStatusDto {
  @ApiProperty({ enum: PRODUCT_STATUSES })
  @IsIn(PRODUCT_STATUSES)
  status: ProductStatus;
}

export class AdminProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: PRODUCT_STATUSES })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES)
  status?: ProductStatus;
}

export const PRODUCT_SORTS = ['sales', 'price', 'newest'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export class ProductSearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: 50,
    description: 'Substring of title, subtitle, category or spec (Chinese too)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A category; a root category includes its children' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: PRODUCT_SORTS, default: 'sales' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort?: ProductSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'Only for sort=price; default asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class SkuDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) specs: Record<string, string>;
  @ApiProperty() code: string;
  @ApiProperty({ nullable: true, type: String }) barcode: string | null;
  @ApiProperty() priceFen: number;
  @ApiProperty({ nullable: true, type: Number }) originalPriceFen: number | null;
  @ApiProperty() weightGrams: number;
  @ApiProperty({ description: 'Platform stock' }) stock: number;
  @ApiProperty() sortOrder: number;
}

export class ProductSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) subtitle: string | null;
  @ApiProperty({ format: 'uuid' }) categoryId: string;
  @ApiProperty({ nullable: true, type: String, description: 'First image' }) coverUrl: string | null;
  @ApiProperty({ enum: PRODUCT_STATUSES }) status: ProductStatus;
  @ApiProperty({ enum: FULFILMENT_MODES, isArray: true }) fulfilmentModes: FulfilmentMode[];
  @ApiProperty({ nullable: true, type: Number, description: 'Lowest SKU price' }) minPriceFen: number | null;
  @ApiProperty() salesCount: number;
  @ApiProperty() createdAt: string;
}

export class ProductDto extends ProductSummaryDto {
  @ApiProperty({ type: [String] }) images: string[];
  @ApiProperty() descriptionHtml: string;
  @ApiProperty({ nullable: true, type: Number }) rewardRateBp: number | null;
  @ApiProperty({ nullable: true, type: Number }) commissionRateBp: number | null;
  @ApiProperty({ type: [SkuDto] }) skus: SkuDto[];
  @ApiProperty() updatedAt: string;
}

export class ProductPageDto extends PageDto(ProductSummaryDto) {}

export class SkuStockMovementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) skuId: string;
  @ApiProperty() delta: number;
  @ApiProperty() qtyAfter: number;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String }) refId: string | null;
  @ApiProperty() actorKind: string;
  @ApiProperty() actorId: string;
  @ApiProperty() createdAt: string;
}

export class SkuStockMovementPageDto extends PageDto(SkuStockMovementDto) {}

export class UploadDto {
  @ApiProperty({ description: 'Content-addressed key' }) key: string;
  @ApiProperty({
    description: 'Where the file is served (cacheable forever)',
    example: '/api/uploads/ab…cd.jpg',
  })
  url: string;
  @ApiProperty() size: number;
  @ApiProperty() contentType: string;
}
