import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';
import { FULFILMENT_MODES, type FulfilmentMode } from '../../catalog/entities/product.entity';
import {
  ORDER_CHANNELS,
  ORDER_STATUSES,
  type OrderChannel,
  type OrderStatus,
} from '../entities/order.entity';
import { AddressDto, QuoteLineDto } from '../checkout/checkout.dto';
import type { OrderView } from '../order-query.service';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

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
