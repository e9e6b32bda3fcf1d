import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Public } from '../../common/auth/auth.decorators';
import { regionChildren } from './regions';

export class RegionQueryDto {
  @ApiPropertyOptional({ description: 'a province (2 digits) or city (4 digits) code; omit for provinces' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4})$/)
  parentCode?: string;
}

export class RegionDto {
  @ApiProperty({ example: '65' }) code: string;
  @ApiProperty({ example: '新疆维吾尔自治区' }) name: string;
}

@ApiTags('app: regions')
@Controller('app/regions')
export class RegionsController {
  @Get()
  @Public()
  @ApiOperation({
    summary: 'Provinces, or the cities / districts under a code (GB/T 2260, the address picker)',
  })
  @ApiOkResponse({ type: [RegionDto] })
  list(@Query() q: RegionQueryDto): RegionDto[] {
    return regionChildren(q.parentCode);
  }
}
