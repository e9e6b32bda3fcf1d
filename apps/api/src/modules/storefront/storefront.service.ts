import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { CommonErrors } from '../../common/errors';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AuditService } from '../audit/audit.service';
import { ProductService } from '../catalog/product.service';
import type { HomeContentInputDto, HomeContentPatchDto, HomeDto } from './dto/storefront.dto';
import { HomeContent } from './entities/home-content.entity';
import { ProductFlag, type ProductFlagName } from './entities/product-flag.entity';
import { StorefrontErrors } from './storefront.errors';

const LIST_SIZE = 6;

/**
 * The home page operators curate (有赞's 店铺装修, reduced): banners and notices with optional
 * time windows, and products flagged hot / new / recommended. A list nobody curated falls back to
 * best sellers / newest, so a fresh shop never shows an empty home.
 */
@Injectable()
export class StorefrontService {
  constructor(
    private readonly tx: TransactionService,
    private readonly products: ProductService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async home(ctx: RequestContext): Promise<HomeDto> {
    const now = this.clock.now();
    const live: HomeContent[] = await this.tx
      .repo(ctx, HomeContent)
      .createQueryBuilder('c')
      .where('c.active')
      .andWhere('(c.starts_at IS NULL OR c.starts_at <= :now)', { now })
      .andWhere('(c.ends_at IS NULL OR c.ends_at > :now)', { now })
      .orderBy('c.sort_order', 'ASC')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
    const flagged = async (flag: ProductFlagName) => {
      const rows = await this.tx
        .repo(ctx, ProductFlag)
        .find({ where: { flag }, order: { sortOrder: 'ASC', createdAt: 'DESC' }, take: 40 });
      return this.products.onSaleSummaries(
        ctx,
        rows.map((r) => r.productId),
      );
    };
    const [hot, fresh, recommended] = await Promise.all([
      flagged('hot'),
      flagged('new'),
      flagged('recommended'),
    ]);
    const fallback = (sort: 'sales' | 'newest', size: number) =>
      this.products.appSearch(ctx, { sort, page: 1, pageSize: size }).then((p) => p.items);
    return {
      banners: live
        .filter((c) => c.kind === 'banner' && c.imageUrl)
        .slice(0, 6)
        .map((c) => ({ id: c.id, title: c.title, imageUrl: c.imageUrl!, link: c.link })),
      notices: live
        .filter((c) => c.kind === 'notice')
        .slice(0, 5)
        .map((c) => ({ id: c.id, title: c.title, link: c.link })),
      hot: hot.length ? hot.slice(0, LIST_SIZE) : await fallback('sales', LIST_SIZE),
      fresh: fresh.length ? fresh.slice(0, LIST_SIZE) : await fallback('newest', LIST_SIZE),
      recommended: recommended.length ? recommended : await fallback('sales', 20),
    };
  }

  list(ctx: RequestContext): Promise<HomeContent[]> {
    return this.tx
      .repo(ctx, HomeContent)
      .find({ order: { kind: 'ASC', sortOrder: 'ASC', createdAt: 'DESC' } });
  }

  private check(c: Pick<HomeContent, 'kind' | 'imageUrl' | 'startsAt' | 'endsAt'>): void {
    if (c.kind === 'banner' && !c.imageUrl) throw StorefrontErrors.HOME_BANNER_IMAGE_REQUIRED();
    if (c.startsAt && c.endsAt && new Date(c.endsAt) <= new Date(c.startsAt)) {
      throw StorefrontErrors.HOME_CONTENT_TIME_INVALID();
    }
  }

  create(ctx: RequestContext, input: HomeContentInputDto): Promise<HomeContent> {
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, HomeContent);
      const c = repo.create({
        kind: input.kind,
        title: input.title.trim(),
        imageUrl: input.imageUrl ?? null,
        link: input.link ?? null,
        sortOrder: input.sortOrder ?? 0,
        active: input.active ?? true,
        startsAt: input.startsAt ? new Date(input.startsAt) : null,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
      });
      this.check(c);
      const saved = await repo.save(c);
      await this.audit.record(ctx, {
        action: 'home_content.create',
        entityType: 'home_content',
        entityId: saved.id,
        after: saved,
      });
      return saved;
    });
  }

  update(ctx: RequestContext, id: string, input: HomeContentPatchDto): Promise<HomeContent> {
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, HomeContent);
      const c = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw StorefrontErrors.HOME_CONTENT_NOT_FOUND();
      const before = { ...c };
      if (input.title !== undefined) c.title = input.title.trim();
      if (input.imageUrl !== undefined) c.imageUrl = input.imageUrl;
      if (input.link !== undefined) c.link = input.link;
      if (input.sortOrder !== undefined) c.sortOrder = input.sortOrder;
      if (input.active !== undefined) c.active = input.active;
      if (input.startsAt !== undefined) c.startsAt = input.startsAt ? new Date(input.startsAt) : null;
      if (input.endsAt !== undefined) c.endsAt = input.endsAt ? new Date(input.endsAt) : null;
      this.check(c);
      const saved = await repo.save(c);
      await this.audit.record(ctx, {
        action: 'home_content.update',
        entityType: 'home_content',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  remove(ctx: RequestContext, id: string): Promise<void> {
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, HomeContent);
      const c = await repo.findOne({ where: { id } });
      if (!c) throw StorefrontErrors.HOME_CONTENT_NOT_FOUND();
      await repo.delete({ id });
      await this.audit.record(ctx, {
        action: 'home_content.delete',
        entityType: 'home_content',
        entityId: id,
        before: c,
      });
    });
  }

  listFlags(ctx: RequestContext, productId?: string): Promise<ProductFlag[]> {
    return this.tx
      .repo(ctx, ProductFlag)
      .find({ where: productId ? { productId } : {}, order: { flag: 'ASC', sortOrder: 'ASC' } });
  }

  /** Replaces a product's flags (an empty list clears them). */
  setFlags(
    ctx: RequestContext,
    productId: string,
    flags: ProductFlagName[],
    sortOrder = 0,
  ): Promise<ProductFlag[]> {
    return this.tx.run(ctx, async (ctx) => {
      const exists: unknown[] = await this.tx
        .manager(ctx)
        .query('SELECT 1 FROM product WHERE id = $1', [productId]);
      if (!exists.length) throw CommonErrors.NOT_FOUND({ productId });
      const repo = this.tx.repo(ctx, ProductFlag);
      const before = await repo.find({ where: { productId } });
      await repo.delete({ productId });
      const after = await repo.save(
        [...new Set(flags)].map((flag) => repo.create({ productId, flag, sortOrder })),
      );
      await this.audit.record(ctx, {
        action: 'product.flags',
        entityType: 'product',
        entityId: productId,
        before: { flags: before.map((f) => f.flag) },
        after: { flags: after.map((f) => f.flag), sortOrder },
      });
      return after;
    });
  }
}
