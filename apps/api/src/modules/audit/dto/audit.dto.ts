import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actorId?: string;
  @ApiPropertyOptional({ example: 'settings' }) @IsOptional() @IsString() @MaxLength(40) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ example: 'settings.update' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
  @ApiPropertyOptional({ description: 'ISO time, inclusive' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'ISO time, exclusive' }) @IsOptional() @IsISO8601() to?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['user', 'admin', 'system'] }) actorKind: string;
  @ApiProperty() actorId: string;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() requestId: string;
  @ApiProperty() createdAt: string;
}

export class AuditPageDto extends PageDto(AuditEntryDto) {}
