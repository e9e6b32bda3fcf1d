import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../../../common/paging';

export class PaymentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ enum: ['PENDING', 'PAID', 'CLOSED'] })
  @IsOptional()
  @IsIn(['PENDING', 'PAID', 'CLOSED'])
  status?: 'PENDING' | 'PAID' | 'CLOSED';
}

export class AdminPaymentDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'our out_trade_no' }) outTradeNo: string;
  @ApiProperty() orderId: string;
  @ApiProperty() amountFen: number;
  @ApiProperty({ enum: ['PENDING', 'PAID', 'CLOSED'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'WeChat’s transaction_id' }) transactionId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
  @ApiProperty() refundedFen: number;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
}
export class AdminPaymentPageDto extends PageDto(AdminPaymentDto) {}

export class RefundQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ enum: ['REQUESTED', 'PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL'] })
  @IsOptional()
  @IsIn(['REQUESTED', 'PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL'])
  status?: string;
}

export class AdminRefundDto {
  @ApiProperty() id: string;
  @ApiProperty() outRefundNo: string;
  @ApiProperty() paymentId: string;
  @ApiProperty() orderId: string;
  @ApiProperty() amountFen: number;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'an after-sale id, or duplicate-payment / late-payment' }) requestedBy: string;
  @ApiProperty({ enum: ['REQUESTED', 'PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) wechatRefundId: string | null;
  @ApiProperty({ nullable: true, type: String }) succeededAt: string | null;
  @ApiProperty() createdAt: string;
}
export class AdminRefundPageDto extends PageDto(AdminRefundDto) {}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['transaction', 'refund', 'transfer'] })
  @IsOptional()
  @IsIn(['transaction', 'refund', 'transfer'])
  channel?: string;
  @ApiPropertyOptional({ description: 'e.g. paid, processed, duplicate, ignored, rejected, failed' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  outcome?: string;
  @ApiPropertyOptional({ description: 'out_trade_no / out_refund_no / out_bill_no' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  reference?: string;
}

export class PaymentNotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['transaction', 'refund', 'transfer'] }) channel: string;
  @ApiProperty({ nullable: true, type: String, description: 'WeChat’s notification id' }) wechatId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) eventType: string | null;
  @ApiProperty({ description: 'the signature checked out' }) verified: boolean;
  @ApiProperty() outcome: string;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'out_trade_no / out_refund_no / out_bill_no' })
  reference: string | null;
  @ApiProperty() receivedAt: string;
}
export class PaymentNotificationPageDto extends PageDto(PaymentNotificationDto) {}

export class PaymentNotificationDetailDto extends PaymentNotificationDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'the Wechatpay-* headers kept',
  })
  headers: Record<string, string>;
  @ApiProperty({ description: 'the raw body as received (its resource stays encrypted)' }) body: string;
}
