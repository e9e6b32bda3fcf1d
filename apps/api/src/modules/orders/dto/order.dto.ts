import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';
import { FULFILMENT_MODES, type FulfilmentMode } from '../../catalog/entities/product.entity';
import {
  ORDER_CHANNELS,
  ORDER_STATUSES,
  type OrderChannel,
  type OrderStatus,
} from '../entities/order.entity';
import { AddressDto, QuoteLineDto } from '../checkout/checkout.dto';

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
  @ApiProperty({ description: 'what the buyer paid (payableFen once paid, else 0)' }) paidFen: number;
  @ApiProperty({ description: 'what refunds gave back so far, goods and shipping' }) refundedFen: number;
  @ApiProperty({
    enum: ['none', 'partial', 'full'],
    description: 'full: everything refunded (status REFUNDED); partial: some lines or units',
  })
  refundState: 'none' | 'partial' | 'full';
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
  @ApiPropertyOptional({
    description: 'part of the buyer’s nickname or phone number (the order number matches too)',
    maxLength: 40,
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  keyword?: string;
}

export class OrderRemarkDto {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty({ description: 'the admin user who wrote it' }) adminId: string;
  @ApiProperty() text: string;
  @ApiProperty() createdAt: string;
}

export class OrderRemarkListDto {
  @ApiProperty({ type: [OrderRemarkDto] }) items: OrderRemarkDto[];
}

export class OrderRemarkInputDto {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @Length(1, 500)
  text: string;
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

export class AdminCancelOrderDto {
  @ApiProperty({ description: 'why the operator cancels (kept in the order history)' })
  @IsString()
  @Length(2, 200)
  reason: string;
}
