import { isStale } from '../../common/optimistic';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { type Page, findPage } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { CatalogErrors } from './catalog.errors';
import type {
  CategoryDto,
  CategoryListQueryDto,
  CategoryTreeDto,
  CreateCategoryDto,
  UpdateCategoryDto,
} from './dto/category.dto';
import { Category } from './entities/category.entity';
import { Product } from './entities/product.entity';
import { refreshSearchText } from './search-text';
import { toCategoryDto } from './dto/mappers';

/** Two-level categories: a root may have children, a child may not. */
@Injectable()
export class CategoryService {
  constructor(private readonly tx: TransactionService) {}

  async get(ctx: RequestContext, id: string): Promise<Category> {
    const c = await this.tx.repo(ctx, Category).findOneBy({ id });
    if (!c) throw CatalogErrors.CATEGORY_NOT_FOUND({ id });
    return c;
  }

  /** The parent must be a root: a third level is refused. */
  private async assertParent(ctx: RequestContext, parentId: string, selfId?: string): Promise<void> {
    if (parentId === selfId) throw CatalogErrors.CATEGORY_TOO_DEEP({ parentId });
    const parent = await this.tx.repo(ctx, Category).findOneBy({ id: parentId });
    if (!parent) throw CatalogErrors.CATEGORY_NOT_FOUND({ id: parentId });
    if (parent.parentId) throw CatalogErrors.CATEGORY_TOO_DEEP({ parentId });
    if (selfId && (await this.tx.repo(ctx, Category).existsBy({ parentId: selfId }))) {
      throw CatalogErrors.CATEGORY_TOO_DEEP({ parentId, reason: 'has children' });
    }
  }

  async create(ctx: RequestContext, dto: CreateCategoryDto): Promise<CategoryDto> {
    return this.tx.run(ctx, async (ctx) => {
      if (dto.parentId) await this.assertParent(ctx, dto.parentId);
      const repo = this.tx.repo(ctx, Category);
      const saved = await repo.save(
        repo.create({
          name: dto.name.trim(),
          parentId: dto.parentId ?? null,
          iconUrl: dto.iconUrl ?? null,
          sortOrder: dto.sortOrder ?? 0,
        }),
      );
      return toCategoryDto(saved);
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    return this.tx.run(ctx, async (ctx) => {
      const c = await this.tx
        .repo(ctx, Category)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw CatalogErrors.CATEGORY_NOT_FOUND({ id });
      if (isStale(dto.expectedUpdatedAt, c.updatedAt))
        throw CatalogErrors.CATEGORY_STALE({ updatedAt: c.updatedAt.toISOString() });
      if (dto.parentId !== undefined && dto.parentId !== c.parentId) {
        if (dto.parentId) await this.assertParent(ctx, dto.parentId, id);
        c.parentId = dto.parentId ?? null;
      }
      if (dto.name !== undefined) c.name = dto.name.trim();
      if (dto.iconUrl !== undefined) c.iconUrl = dto.iconUrl || null;
      if (dto.sortOrder !== undefined) c.sortOrder = dto.sortOrder;
      const saved = await this.tx.repo(ctx, Category).save(c);
      // Category names are part of what keyword search matches.
      await refreshSearchText(this.tx.manager(ctx), { categoryId: id });
      return toCategoryDto(saved);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.run(ctx, async (ctx) => {
      await this.get(ctx, id);
      const children = await this.tx.repo(ctx, Category).countBy({ parentId: id });
      const products = await this.tx.repo(ctx, Product).countBy({ categoryId: id });
      if (children || products) throw CatalogErrors.CATEGORY_NOT_EMPTY({ children, products });
      await this.tx.repo(ctx, Category).delete({ id });
    });
  }

  async list(ctx: RequestContext, q: CategoryListQueryDto): Promise<Page<CategoryDto>> {
    return findPage(
      this.tx.repo(ctx, Category),
      q,
      { where: { parentId: q.parentId ?? IsNull() }, order: { sortOrder: 'ASC', createdAt: 'ASC' } },
      (rows) => rows.map(toCategoryDto),
    );
  }

  /** The whole two-level tree, ordered (small: a shop has tens of categories). */
  async tree(ctx: RequestContext): Promise<CategoryTreeDto[]> {
    const all = await this.tx.repo(ctx, Category).find({ order: { sortOrder: 'ASC', createdAt: 'ASC' } });
    return all
      .filter((c) => !c.parentId)
      .map((root) => ({
        ...toCategoryDto(root),
        children: all.filter((c) => c.parentId === root.id).map(toCategoryDto),
      }));
  }
}
