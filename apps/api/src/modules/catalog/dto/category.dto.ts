import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
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

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}

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
}

export class CategoryTreeDto extends CategoryDto {
  @ApiProperty({ type: [CategoryDto] }) children: CategoryDto[];
}

export class CategoryPageDto extends PageDto(CategoryDto) {}

export class CategoryTreeListDto {
  @ApiProperty({ type: [CategoryTreeDto] }) items: CategoryTreeDto[];
}
