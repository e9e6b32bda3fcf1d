import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';

/** `a,b,c` or repeated `?x=a&x=b` → a de-duplicated string array. */
const idList = () =>
  Transform(({ value }: { value: unknown }) => {
    const parts = (Array.isArray(value) ? value : [value])
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    return [...new Set(parts)];
  });

export const MAX_NAME_IDS = 200;

export class NamesQueryDto {
  @ApiPropertyOptional({
    description: `user ids (buyers, resellers, agents), comma-separated, at most ${MAX_NAME_IDS}`,
  })
  @IsOptional()
  @idList()
  @IsArray()
  @ArrayMaxSize(MAX_NAME_IDS)
  @IsUUID('all', { each: true })
  userIds?: string[];

  @ApiPropertyOptional({ description: `store ids, comma-separated, at most ${MAX_NAME_IDS}` })
  @IsOptional()
  @idList()
  @IsArray()
  @ArrayMaxSize(MAX_NAME_IDS)
  @IsUUID('all', { each: true })
  storeIds?: string[];

  @ApiPropertyOptional({ description: `order ids, comma-separated, at most ${MAX_NAME_IDS}` })
  @IsOptional()
  @idList()
  @IsArray()
  @ArrayMaxSize(MAX_NAME_IDS)
  @IsUUID('all', { each: true })
  orderIds?: string[];
  @ApiPropertyOptional({
    description: `admin account ids (audit actors), comma-separated, at most ${MAX_NAME_IDS}`,
  })
  @IsOptional()
  @idList()
  @IsArray()
  @ArrayMaxSize(MAX_NAME_IDS)
  @IsUUID('all', { each: true })
  adminIds?: string[];
  @ApiPropertyOptional({ description: `product ids, comma-separated, at most ${MAX_NAME_IDS}` })
  @IsOptional()
  @idList()
  @IsArray()
  @ArrayMaxSize(MAX_NAME_IDS)
  @IsUUID('all', { each: true })
  productIds?: string[];
  @ApiPropertyOptional({ description: `SKU ids, comma-separated, at most ${MAX_NAME_IDS}` })
  @IsOptional()
  @idList()
  @IsArray()
  @ArrayMaxSize(MAX_NAME_IDS)
  @IsUUID('all', { each: true })
  skuIds?: string[];
}

export class OrderNameDto {
  @ApiProperty() id: string;
  @ApiProperty() orderNo: string;
  @ApiProperty() buyerId: string;
  @ApiProperty({ nullable: true, type: String }) buyerNickname: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'masked: 138****5678' }) buyerPhoneMasked:
    string | null;
}

export class ProductNameDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) coverUrl: string | null;
}

export class SkuNameDto {
  @ApiProperty() id: string;
  @ApiProperty() productId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) specs: Record<string, string>;
  @ApiProperty() code: string;
}

export class AdminNameDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
}

export class UserNameDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) nickname: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'masked: 138****5678' }) phoneMasked:
    string | null;
}

export class StoreNameDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class NamesDto {
  @ApiProperty({ type: [UserNameDto] }) users: UserNameDto[];
  @ApiProperty({ type: [StoreNameDto] }) stores: StoreNameDto[];
  @ApiProperty({ type: [OrderNameDto] }) orders: OrderNameDto[];
  @ApiProperty({ type: [ProductNameDto] }) products: ProductNameDto[];
  @ApiProperty({ type: [SkuNameDto] }) skus: SkuNameDto[];
  @ApiProperty({ type: [AdminNameDto] }) admins: AdminNameDto[];
}
