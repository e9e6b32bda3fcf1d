import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageDto, PageQueryDto } from '../../../common/paging';
import { RESTOCK_STATUSES, type RestockStatus } from '../entities/restock-request.entity';

export class CreateRestockDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() skuId: string;
  @ApiProperty({ minimum: 1, maximum: 9999 }) @IsInt() @Min(1) @Max(9999) qty: number;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(0, 200) note?: string;
}

export class RestockQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RESTOCK_STATUSES })
  @IsOptional()
  @IsIn(RESTOCK_STATUSES)
  status?: RestockStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() storeId?: string;
}

export class HandleRestockDto {
  @ApiProperty({ enum: ['done', 'rejected'] }) @IsIn(['done', 'rejected']) status: 'done' | 'rejected';
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @Length(0, 200) note?: string;
}

export class RestockDto {
  @ApiProperty() id: string;
  @ApiProperty() storeId: string;
  @ApiProperty() storeName: string;
  @ApiProperty() skuId: string;
  @ApiProperty({ description: 'the product’s title' }) title: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) specs: Record<string, string>;
  @ApiProperty() qty: number;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'who asked (nickname)' })
  requestedBy: string | null;
  @ApiProperty({ enum: RESTOCK_STATUSES }) status: RestockStatus;
  @ApiProperty({ nullable: true, type: String }) handleNote: string | null;
  @ApiProperty({ nullable: true, type: String }) handledAt: string | null;
  @ApiProperty() createdAt: string;
}

export class RestockPageDto extends PageDto(RestockDto) {}
