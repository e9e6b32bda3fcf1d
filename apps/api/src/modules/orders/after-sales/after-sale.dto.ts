import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { UPLOAD_URL } from '../../catalog/image-upload';
import type { AfterSaleStatus, AfterSaleType } from './after-sale.entity';

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
