import type { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FindManyOptions, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';

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

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/** The one page arithmetic: page 1 and 20 rows by default, never more than MAX_PAGE_SIZE. */
export function pageWindow(q: PageQuery): { skip: number; take: number; page: number; pageSize: number } {
  const page = q.page ?? 1;
  const pageSize = Math.min(q.pageSize ?? 20, MAX_PAGE_SIZE);
  return { skip: (page - 1) * pageSize, take: pageSize, page, pageSize };
}

export function toPage<T>(items: T[], total: number, q: PageQuery): Page<T> {
  const { page, pageSize } = pageWindow(q);
  return { items, total, page, pageSize };
}

/** A page with nothing on it (a store manager with no stores, a filter that cannot match). */
export function emptyPage<T>(q: PageQuery): Page<T> {
  return toPage<T>([], 0, q);
}

type Mapper<E, T> = (rows: E[]) => T[] | Promise<T[]>;
const same = <E, T>(rows: E[]) => rows as unknown as T[];

/** One page of a repository's rows (where and order from `options`), mapped to what the caller answers. */
export async function findPage<E extends ObjectLiteral, T = E>(
  repo: Repository<E>,
  q: PageQuery,
  options: Omit<FindManyOptions<E>, 'skip' | 'take'>,
  map: Mapper<E, T> = same,
): Promise<Page<T>> {
  const { skip, take } = pageWindow(q);
  const [rows, total] = await repo.findAndCount({ ...options, skip, take });
  return toPage(await map(rows), total, q);
}

/** One page of a query builder's rows (filters and order already on it), mapped. */
export async function queryPage<E extends ObjectLiteral, T = E>(
  qb: SelectQueryBuilder<E>,
  q: PageQuery,
  map: Mapper<E, T> = same,
): Promise<Page<T>> {
  const { skip, take } = pageWindow(q);
  const [rows, total] = await qb.skip(skip).take(take).getManyAndCount();
  return toPage(await map(rows), total, q);
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
