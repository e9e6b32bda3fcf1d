import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
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
} from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';
import { FULFILMENT_MODES, type FulfilmentMode } from '../../catalog/entities/product.entity';
import { UPLOAD_URL } from '../../catalog/image-upload';
import type { AfterSale, AfterSaleStatus, AfterSaleType } from '../entities/after-sale.entity';
import {
  ORDER_CHANNELS,
  ORDER_STATUSES,
  type OrderChannel,
  type OrderStatus,
} from '../entities/order.entity';
import type { ShippingTemplate } from '../entities/shipping-template.entity';
import type { OrderView } from '../order-query.service';
import { PICKUP_INPUT } from '../pickup-code';
import { IsProvince, IsRegionCode } from '../../regions/is-region-code';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

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

export class QuoteDto {
  @ApiProperty({ enum: FULFILMENT_MODES }) mode: FulfilmentMode;
  @ApiProperty({ nullable: true, type: String }) storeId: string | null;
  @ApiProperty({ type: [QuoteLineDto] }) lines: QuoteLineDto[];
  @ApiProperty() goodsFen: number;
  @ApiProperty() discountFen: number;
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

export class OrderLineDto extends QuoteLineDto {
  @ApiProperty() id: string;
  @ApiProperty() refundedQty: number;
  @ApiProperty() refundedFen: number;
  @ApiProperty({ description: 'quantity in open or finished after-sales' }) afterSaleQty: number;
}

export class OrderEventDto {
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty() actorKind: string;
  @ApiProperty() actorId: string;
  @ApiProperty() reason: string;
  @ApiProperty() createdAt: string;
}

export class OrderDto {
  @ApiProperty() id: string;
  @ApiProperty() orderNo: string;
  @ApiProperty() buyerId: string;
  @ApiProperty({ enum: ORDER_CHANNELS }) channel: OrderChannel;
  @ApiProperty({ enum: FULFILMENT_MODES }) mode: FulfilmentMode;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ nullable: true, type: String }) storeId: string | null;
  @ApiProperty({ nullable: true, type: String }) resellerId: string | null;
  @ApiProperty() goodsFen: number;
  @ApiProperty() discountFen: number;
  @ApiProperty() shippingFen: number;
  @ApiProperty() payableFen: number;
  @ApiProperty({ type: AddressDto, nullable: true }) address: AddressDto | null;
  @ApiProperty({ nullable: true, type: String }) carrier: string | null;
  @ApiProperty({ nullable: true, type: String }) trackingNo: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: '6 digits, shown (and as a QR) while awaiting pickup',
  })
  pickupCode: string | null;
  @ApiProperty({ nullable: true, type: String }) payDeadline: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String }) shippedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [OrderLineDto] }) lines: OrderLineDto[];
  @ApiPropertyOptional({ type: [OrderEventDto] }) history?: OrderEventDto[];

  static of(v: OrderView): OrderDto {
    const o = v.order;
    return {
      id: o.id,
      orderNo: o.orderNo,
      buyerId: o.buyerId,
      channel: o.channel,
      mode: o.mode,
      status: o.status,
      storeId: o.storeId,
      resellerId: o.resellerId,
      goodsFen: o.goodsFen,
      discountFen: o.discountFen,
      shippingFen: o.shippingFen,
      payableFen: o.payableFen,
      address: o.address,
      carrier: o.carrier,
      trackingNo: o.trackingNo,
      pickupCode: o.status === 'AWAITING_PICKUP' ? o.pickupCode : null,
      payDeadline: iso(o.payDeadline),
      paidAt: iso(o.paidAt),
      shippedAt: iso(o.shippedAt),
      completedAt: iso(o.completedAt),
      cancelledAt: iso(o.cancelledAt),
      createdAt: iso(o.createdAt)!,
      lines: v.lines.map((l) => ({
        id: l.id,
        productId: l.productId,
        skuId: l.skuId,
        title: l.title,
        specs: l.specs,
        imageUrl: l.imageUrl,
        priceFen: l.priceFen,
        qty: l.qty,
        amountFen: l.amountFen,
        paidFen: l.paidFen,
        refundedQty: l.refundedQty,
        refundedFen: l.refundedFen,
        afterSaleQty: l.afterSaleQty,
      })),
      history: v.history?.map((h) => ({
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        actorKind: h.actorKind,
        actorId: h.actorId,
        reason: h.reason,
        createdAt: iso(h.createdAt)!,
      })),
    };
  }
}

export class OrderPageDto extends PageDto(OrderDto) {}

export class MyOrdersQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES }) @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
}

export class AdminOrdersQuery extends MyOrdersQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4') storeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4') resellerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4') buyerId?: string;
  @ApiPropertyOptional({ enum: FULFILMENT_MODES })
  @IsOptional()
  @IsIn(FULFILMENT_MODES)
  mode?: FulfilmentMode;
  @ApiPropertyOptional({ enum: ORDER_CHANNELS }) @IsOptional() @IsIn(ORDER_CHANNELS) channel?: OrderChannel;
  @ApiPropertyOptional({ description: 'created at or after (ISO 8601)' })
  @IsOptional()
  @IsDateString()
  from?: string;
  @ApiPropertyOptional({ description: 'created before (ISO 8601)' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

export class RequestPaymentDto {
  @ApiProperty() timeStamp: string;
  @ApiProperty() nonceStr: string;
  @ApiProperty() package: string;
  @ApiProperty() signType: string;
  @ApiProperty() paySign: string;
}

export class PayResultDto {
  @ApiProperty() paymentId: string;
  @ApiProperty() outTradeNo: string;
  @ApiProperty({ type: RequestPaymentDto, description: 'pass to wx.requestPayment as is' })
  requestPayment: RequestPaymentDto;
}

export class CancelOrderResultDto {
  @ApiProperty({
    enum: ['cancelled', 'paid', 'noop'],
    description: '`paid`: WeChat had taken the payment; the order is paid',
  })
  outcome: 'cancelled' | 'paid' | 'noop';
  @ApiProperty({ type: OrderDto }) order: OrderDto;
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

export class ShipDto {
  @ApiProperty({ example: '顺丰速运' }) @IsString() @Length(1, 40) carrier: string;
  @ApiProperty() @IsString() @Matches(/^[0-9A-Za-z-]{4,64}$/) trackingNo: string;
}

export class BulkShipResultDto {
  @ApiProperty({ type: [String] }) shipped: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'orderNo → error code',
  })
  failed: Record<string, string>;
}

export class VerifyPickupDto {
  @ApiProperty({
    example: '123456',
    pattern: PICKUP_INPUT.source,
    description: 'the 6-digit pickup code, or the payload scanned from the buyer’s pickup QR',
  })
  @Matches(PICKUP_INPUT)
  code: string;
}

export class AfterSaleInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') orderId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') lineId: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(999) qty: number;
  @ApiProperty({ enum: ['refund_only', 'return_refund'] })
  @IsIn(['refund_only', 'return_refund'])
  type: AfterSaleType;
  @ApiProperty() @IsString() @Length(1, 200) reason: string;
  @ApiPropertyOptional({
    type: [String],
    maxItems: 9,
    description: 'at most 9 URLs answered by POST /api/app/uploads (`/api/uploads/<64 hex>.<ext>`)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Matches(UPLOAD_URL, { each: true })
  photos?: string[];
}

export class AfterSaleDto {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() lineId: string;
  @ApiProperty({ enum: ['refund_only', 'return_refund'] }) type: AfterSaleType;
  @ApiProperty() qty: number;
  @ApiProperty() amountFen: number;
  @ApiProperty({ description: 'shipping refunded with it (the last unshipped goods of an express order)' })
  shippingRefundFen: number;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [String] }) photos: string[];
  @ApiProperty({ enum: ['PENDING_APPROVAL', 'REFUNDING', 'REFUNDED', 'REJECTED', 'REFUND_FAILED'] })
  status: AfterSaleStatus;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
  @ApiProperty() createdAt: string;

  static of(a: AfterSale): AfterSaleDto {
    return {
      id: a.id,
      orderId: a.orderId,
      lineId: a.lineId,
      type: a.type,
      qty: a.qty,
      amountFen: a.amountFen,
      shippingRefundFen: a.shippingRefundFen,
      reason: a.reason,
      photos: a.photos,
      status: a.status,
      rejectReason: a.rejectReason,
      createdAt: iso(a.createdAt)!,
    };
  }
}

export class AfterSaleQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4') orderId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsIn(['PENDING_APPROVAL', 'REFUNDING', 'REFUNDED', 'REJECTED', 'REFUND_FAILED'])
  status?: AfterSaleStatus;
}

export class RejectAfterSaleDto {
  @ApiProperty() @IsString() @Length(1, 200) reason: string;
}

export class MemberCodeDto {
  @ApiProperty({ description: '18 digits; show as a barcode/QR, refresh before it expires' }) code: string;
  @ApiProperty() expiresAt: string;
}

export class OfflineSaleDto {
  @ApiProperty() @Matches(/^\d{18}$/) memberCode: string;
  @ApiProperty({ type: [CheckoutItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CheckoutItemDto)
  items: CheckoutItemDto[];
  @ApiProperty({ description: 'what the member paid at the till, fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen: number;
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

  static of(t: ShippingTemplate): ShippingTemplateDto {
    return {
      id: t.id,
      name: t.name,
      isDefault: t.isDefault,
      firstWeightGrams: t.firstWeightGrams,
      firstFeeFen: t.firstFeeFen,
      extraWeightGrams: t.extraWeightGrams,
      extraFeeFen: t.extraFeeFen,
      freeOverFen: t.freeOverFen,
      regions: t.regions,
    };
  }
}
