import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  IsISO8601,
} from 'class-validator';
import { FULFILMENT_MODES, type FulfilmentMode } from '../../catalog/entities/product.entity';
import { IsProvince, IsRegionCode } from '../../regions/is-region-code';

export class CheckoutItemDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') skuId: string;
  @ApiProperty({ minimum: 1, maximum: 999 }) @IsInt() @Min(1) @Max(999) qty: number;

  @ApiPropertyOptional({
    enum: FULFILMENT_MODES,
    description:
      'this line’s fulfilment mode (default: the checkout’s); mixed modes go through /checkout/split-*',
  })
  @IsOptional()
  @IsIn(FULFILMENT_MODES)
  mode?: FulfilmentMode;
}

export class AddressDto {
  @ApiProperty() @IsString() @Length(1, 40) name: string;
  @ApiProperty() @IsString() @Matches(/^[0-9+\- ]{5,20}$/) phone: string;
  @ApiProperty({ example: '浙江省' }) @IsString() @Length(1, 20) province: string;
  @ApiProperty() @IsString() @Length(1, 20) city: string;
  @ApiProperty() @IsString() @Length(0, 20) district: string;
  @ApiProperty() @IsString() @Length(1, 120) detail: string;
  @ApiPropertyOptional({
    example: '650102',
    description:
      'district code (GB/T 2260; wx.chooseAddress nationalCode); when given, express fees go by it',
  })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}

export class CheckoutDto {
  @ApiProperty({ enum: FULFILMENT_MODES }) @IsIn(FULFILMENT_MODES) mode: FulfilmentMode;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the scanned store (required for pickup and take_away)',
  })
  @IsOptional()
  @IsUUID('4')
  storeId?: string;

  @ApiPropertyOptional({
    pattern: '^[0-9A-Za-z]{1,32}$',
    description:
      'the shelf/slot code scanned in this session: its store becomes the order’s store and is credited (storeId, if given, must agree)',
  })
  @IsOptional()
  @Matches(/^[0-9A-Za-z]{1,32}$/)
  scanCode?: string;

  @ApiPropertyOptional({ description: 'a share code opened in this checkout' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z]{1,16}$/)
  shareCode?: string;

  @ApiProperty({ type: [CheckoutItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CheckoutItemDto)
  items: CheckoutItemDto[];

  @ApiPropertyOptional({ type: AddressDto, description: 'required to place an express order' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(0, 200) remark?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one of my coupons to use (GET /app/coupons)' })
  @IsOptional()
  @IsUUID('4')
  couponId?: string;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'points to spend (1 point = 1 fen), at most my balance and the cap share of the payable',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  points?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'buy through this limited-time offer (flash sale): refused outside its window, sold out or over the limit; without it the best open offer applies by itself',
  })
  @IsOptional()
  @IsUUID('4')
  offerId?: string;
}

export class QuoteLineDto {
  @ApiProperty() productId: string;
  @ApiProperty() skuId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) specs: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty() priceFen: number;
  @ApiProperty() qty: number;
  @ApiProperty() amountFen: number;
  @ApiProperty({ description: 'after discounts, without shipping' }) paidFen: number;
}

export class StockShortageDto {
  @ApiProperty() skuId: string;
  @ApiProperty() requestedQty: number;
  @ApiProperty({ description: 'what the stock source (platform for express, the store otherwise) holds now' })
  availableQty: number;
}

export class DiscountPartDto {
  @ApiProperty({ description: 'offer | level | coupon | points' }) kind: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ description: 'why, for the buyer' }) label: string;
}

export class QuoteDto {
  @ApiProperty({ enum: FULFILMENT_MODES }) mode: FulfilmentMode;
  @ApiProperty({ nullable: true, type: String }) storeId: string | null;
  @ApiProperty({ type: [QuoteLineDto] }) lines: QuoteLineDto[];
  @ApiProperty({
    type: [StockShortageDto],
    description: 'lines asking for more than is in stock now; empty when the order can be placed',
  })
  shortages: StockShortageDto[];
  @ApiProperty() goodsFen: number;
  @ApiProperty() discountFen: number;
  @ApiProperty({ type: [DiscountPartDto] }) discounts: DiscountPartDto[];
  @ApiProperty() shippingFen: number;
  @ApiProperty() payableFen: number;
}

/** A checkout whose lines have different fulfilment modes: one group (one future order) per mode. */
export class SplitQuoteDto {
  @ApiProperty({ type: [QuoteDto] }) groups: QuoteDto[];
  @ApiProperty() goodsFen: number;
  @ApiProperty() discountFen: number;
  @ApiProperty() shippingFen: number;
  @ApiProperty() payableFen: number;
}

export class CartItemInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') skuId: string;
  @ApiProperty({ minimum: 1, maximum: 999 }) @IsInt() @Min(1) @Max(999) qty: number;
  @ApiProperty({ enum: FULFILMENT_MODES }) @IsIn(FULFILMENT_MODES) mode: FulfilmentMode;
  @ApiPropertyOptional({ format: 'uuid', description: 'the store of the scan the item came from' })
  @IsOptional()
  @IsUUID('4')
  storeId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9A-Za-z]{1,32}$/) scanCode?: string;
}

export class CartQtyDto {
  @ApiProperty({ minimum: 1, maximum: 999 }) @IsInt() @Min(1) @Max(999) qty: number;
}

export class CartItemDto {
  @ApiProperty() id: string;
  @ApiProperty() skuId: string;
  @ApiProperty({ nullable: true, type: String }) productId: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) specs: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty({ nullable: true, type: Number }) priceFen: number | null;
  @ApiProperty({ description: 'on sale and the mode allowed' }) available: boolean;
  @ApiProperty() qty: number;
  @ApiProperty({ enum: FULFILMENT_MODES }) mode: FulfilmentMode;
  @ApiProperty({ nullable: true, type: String }) storeId: string | null;
  @ApiProperty({ nullable: true, type: String }) scanCode: string | null;
}

export class CartDto {
  @ApiProperty({ type: [CartItemDto] }) items: CartItemDto[];
}

export class RegionFeeDto {
  @ApiProperty({
    type: [String],
    description: 'provinces by name (新疆 or 新疆维吾尔自治区) or 2-digit code (65); matched by code',
  })
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @IsProvince({ each: true })
  provinces: string[];
  @ApiProperty() @IsInt() @Min(0) firstFeeFen: number;
  @ApiProperty() @IsInt() @Min(0) extraFeeFen: number;
}

export class ShippingTemplateInputDto {
  @ApiProperty() @IsString() @Length(1, 60) name: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isDefault?: boolean;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) firstWeightGrams: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) firstFeeFen: number;
  @ApiProperty() @IsInt() @Min(1) @Max(1_000_000) extraWeightGrams: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1_000_000) extraFeeFen: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(0) freeOverFen?:
    number | null;
  @ApiPropertyOptional({ type: [RegionFeeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => RegionFeeDto)
  regions?: RegionFeeDto[];
  @ApiPropertyOptional({
    description:
      'Edits only: the `updatedAt` the editor loaded; a template saved since refuses the change (409 SHIPPING_TEMPLATE_STALE)',
  })
  @IsOptional()
  @IsISO8601()
  expectedUpdatedAt?: string;
}

export class ShippingTemplateDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() isDefault: boolean;
  @ApiProperty() firstWeightGrams: number;
  @ApiProperty() firstFeeFen: number;
  @ApiProperty() extraWeightGrams: number;
  @ApiProperty() extraFeeFen: number;
  @ApiProperty({ nullable: true, type: Number }) freeOverFen: number | null;
  @ApiProperty({ type: [RegionFeeDto] }) regions: RegionFeeDto[];
  @ApiProperty({ description: 'the version an edit sends back as expectedUpdatedAt' }) updatedAt: string;
}
