import type { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** `?page=1&pageSize=20` (max 100), the one paging contract of API.md. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageWindow(q: { page?: number; pageSize?: number }): { skip: number; take: number } {
  const page = q.page ?? 1;
  const pageSize = Math.min(q.pageSize ?? 20, MAX_PAGE_SIZE);
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, q: { page?: number; pageSize?: number }): Page<T> {
  return { items, total, page: q.page ?? 1, pageSize: Math.min(q.pageSize ?? 20, MAX_PAGE_SIZE) };
}

/**
 * The response class of a paged list, for the OpenAPI document:
 * `export class OrderPageDto extends PageDto(OrderDto) {}`.
 */
export function PageDto<T>(item: ClassType<T>) {
  abstract class PageOf implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty() total: number;
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
  }
  return PageOf;
}
