import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, IsISO8601 } from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';

export class CreateCategoryDto {
  @ApiProperty({ example: '白酒', maxLength: 40 })
  @IsString()
  @Length(1, 40)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A root category; omit for a root' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  iconUrl?: string;

  @ApiPropertyOptional({ description: 'Smaller first', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(-100000)
  @Max(100000)
  sortOrder?: number;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {
  @ApiPropertyOptional({
    description:
      'The `updatedAt` the editor loaded: when the record has been saved since, the change is refused (409 …_STALE) instead of overwriting it',
  })
  @IsOptional()
  @IsISO8601()
  expectedUpdatedAt?: string;
}

export class CategoryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Children of this category; omit for roots' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) iconUrl: string | null;
  @ApiProperty() sortOrder: number;
  @ApiProperty({ description: 'the version an edit sends back as expectedUpdatedAt' }) updatedAt: string;
}

export class CategoryTreeDto extends CategoryDto {
  @ApiProperty({ type: [CategoryDto] }) children: CategoryDto[];
}

export class CategoryPageDto extends PageDto(CategoryDto) {}

export class CategoryTreeListDto {
  @ApiProperty({ type: [CategoryTreeDto] }) items: CategoryTreeDto[];
}
