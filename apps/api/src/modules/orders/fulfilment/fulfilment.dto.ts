import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CheckoutItemDto } from '../checkout/checkout.dto';
import { PICKUP_INPUT } from './pickup-code';

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
