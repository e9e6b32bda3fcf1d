import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { pageWindow, toPage, type Page } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { CatalogErrors } from './catalog.errors';
import { CatalogStockService } from './catalog-stock.service';
import { CategoryService } from './category.service';
import type {
  AdminProductQueryDto,
  AppProductDto,
  CreateProductDto,
  ProductDto,
  ProductSearchQueryDto,
  ProductSummaryDto,
  SkuDto,
  SkuInputDto,
  UpdateProductDto,
  UpdateSkuDto,
} from './dto/product.dto';
import { Product, type ProductStatus } from './entities/product.entity';
import { Sku } from './entities/sku.entity';
import { sanitizeProductHtml } from './rich-text';
import { bigramQuery, bigrams, likePattern, refreshSearchText, searchTerms } from './search-text';
import { toSkuDto, toSummary, toProductDto } from './dto/mappers';

/** The shopper's view of a product (no rates, no SKU codes). */
export function toAppProductDto(p: Product, skus: Sku[]): AppProductDto {
  const prices = skus.map((s) => s.priceFen);
  return {
    ...toSummary(p, prices.length ? Math.min(...prices) : null),
    images: p.images,
    descriptionHtml: p.descriptionHtml,
    skus: skus.map((s) => ({
      id: s.id,
      specs: s.specs,
      priceFen: s.priceFen,
      originalPriceFen: s.originalPriceFen,
      stock: s.stock,
    })),
    updatedAt: p.updatedAt.toISOString(),
  };
}

interface SearchRow {
  id: string;
  min_price_fen: string | null;
  total: string;
}

/** Products and SKUs: admin maintenance, consumer search and detail. */
@Injectable()
export class ProductService {
  constructor(
    private readonly tx: TransactionService,
    private readonly categories: CategoryService,
    private readonly stock: CatalogStockService,
  ) {}

  private async load(ctx: RequestContext, id: string): Promise<Product> {
    const p = await this.tx.repo(ctx, Product).findOneBy({ id });
    if (!p) throw CatalogErrors.PRODUCT_NOT_FOUND({ id });
    return p;
  }

  private skusOf(ctx: RequestContext, productIds: string[]): Promise<Sku[]> {
    if (!productIds.length) return Promise.resolve([]);
    return this.tx
      .repo(ctx, Sku)
      .find({ where: { productId: In(productIds) }, order: { sortOrder: 'ASC', createdAt: 'ASC' } });
  }

  async get(ctx: RequestContext, id: string): Promise<ProductDto> {
    const p = await this.load(ctx, id);
    return toProductDto(p, await this.skusOf(ctx, [id]));
  }

  async getSku(ctx: RequestContext, skuId: string): Promise<SkuDto> {
    const sku = await this.tx.repo(ctx, Sku).findOneBy({ id: skuId });
    if (!sku) throw CatalogErrors.SKU_NOT_FOUND({ skuId });
    return toSkuDto(sku);
  }

  /** For consumers: only products on sale exist; anything else is 404. */
  async getOnSale(ctx: RequestContext, id: string): Promise<AppProductDto> {
    const p = await this.tx.repo(ctx, Product).findOneBy({ id, status: 'on_sale' });
    if (!p) throw CatalogErrors.PRODUCT_NOT_FOUND({ id });
    return toAppProductDto(p, await this.skusOf(ctx, [id]));
  }

  /**
   * Products with their SKUs by id, in the order asked, for other modules (the
   * scan page, checkout). Missing ids are left out; `onSaleOnly` drops the rest.
   */
  async findMany(
    ctx: RequestContext,
    ids: string[],
    opts: { onSaleOnly?: boolean } = {},
  ): Promise<ProductDto[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows = await this.tx
      .repo(ctx, Product)
      .findBy(opts.onSaleOnly ? { id: In(unique), status: 'on_sale' } : { id: In(unique) });
    const skus = await this.skusOf(
      ctx,
      rows.map((r) => r.id),
    );
    const byId = new Map(
      rows.map((p) => [
        p.id,
        toProductDto(
          p,
          skus.filter((s) => s.productId === p.id),
        ),
      ]),
    );
    return unique.map((id) => byId.get(id)).filter((p): p is ProductDto => Boolean(p));
  }

  /** Throws unless the product exists and, when given, the SKU belongs to it. */
  async assertProductSku(ctx: RequestContext, productId: string, skuId?: string | null): Promise<void> {
    await this.load(ctx, productId);
    if (skuId && !(await this.tx.repo(ctx, Sku).existsBy({ id: skuId, productId }))) {
      throw CatalogErrors.SKU_NOT_FOUND({ skuId, productId });
    }
  }

  async create(ctx: RequestContext, dto: CreateProductDto): Promise<ProductDto> {
    return this.tx.run(ctx, async (ctx) => {
      await this.categories.get(ctx, dto.categoryId);
      const repo = this.tx.repo(ctx, Product);
      const p = await repo.save(
        repo.create({
          title: dto.title.trim(),
          subtitle: dto.subtitle?.trim() || null,
          categoryId: dto.categoryId,
          images: dto.images ?? [],
          descriptionHtml: sanitizeProductHtml(dto.descriptionHtml ?? ''),
          status: 'draft',
          fulfilmentModes: dto.fulfilmentModes ?? ['express'],
          rewardRateBp: dto.rewardRateBp ?? null,
          commissionRateBp: dto.commissionRateBp ?? null,
        }),
      );
      for (const [i, s] of (dto.skus ?? []).entries()) await this.insertSku(ctx, p.id, s, i);
      await refreshSearchText(this.tx.manager(ctx), { productIds: [p.id] });
      return this.get(ctx, p.id);
    });
  }

  async update(ctx: RequestContext, id: string, dto: UpdateProductDto): Promise<ProductDto> {
    return this.tx.run(ctx, async (ctx) => {
      const p = await this.tx
        .repo(ctx, Product)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw CatalogErrors.PRODUCT_NOT_FOUND({ id });
      // Optimistic check: an editor that loaded an older version must reload, not overwrite.
      if (dto.expectedUpdatedAt && new Date(dto.expectedUpdatedAt).getTime() !== p.updatedAt.getTime()) {
        throw CatalogErrors.PRODUCT_STALE({ updatedAt: p.updatedAt.toISOString() });
      }
      if (dto.categoryId !== undefined && dto.categoryId !== p.categoryId) {
        await this.categories.get(ctx, dto.categoryId);
        p.categoryId = dto.categoryId;
      }
      if (dto.title !== undefined) p.title = dto.title.trim();
      if (dto.subtitle !== undefined) p.subtitle = dto.subtitle?.trim() || null;
      if (dto.images !== undefined) p.images = dto.images;
      if (dto.descriptionHtml !== undefined) p.descriptionHtml = sanitizeProductHtml(dto.descriptionHtml);
      if (dto.fulfilmentModes !== undefined) p.fulfilmentModes = dto.fulfilmentModes;
      if (dto.rewardRateBp !== undefined) p.rewardRateBp = dto.rewardRateBp;
      if (dto.commissionRateBp !== undefined) p.commissionRateBp = dto.commissionRateBp;
      await this.tx.repo(ctx, Product).save(p);
      // Every accepted edit is a new version, even one that changed nothing stored here.
      await this.tx
        .manager(ctx)
        .query(`UPDATE product SET updated_at = clock_timestamp() WHERE id = $1`, [id]);
      await refreshSearchText(this.tx.manager(ctx), { productIds: [id] });
      return this.get(ctx, id);
    });
  }

  /**
   * draft → on_sale → off_sale → on_sale …; going on sale needs a SKU with a price
   * above zero (a 0-fen product is never put on sale by accident).
   */
  async setStatus(ctx: RequestContext, id: string, status: ProductStatus): Promise<ProductDto> {
    return this.tx.run(ctx, async (ctx) => {
      const p = await this.load(ctx, id);
      if (status === 'on_sale') await this.assertSellable(ctx, id);
      if (status === 'draft' && p.status !== 'draft') {
        throw CatalogErrors.PRODUCT_NOT_SELLABLE({
          reason: 'a product that was on sale cannot go back to draft',
        });
      }
      p.status = status;
      await this.tx.repo(ctx, Product).save(p);
      return this.get(ctx, id);
    });
  }

  private async assertSellable(ctx: RequestContext, productId: string): Promise<void> {
    const priced = await this.tx
      .repo(ctx, Sku)
      .createQueryBuilder('s')
      .where('s.productId = :productId AND s.priceFen > 0', { productId })
      .getExists();
    if (!priced) throw CatalogErrors.PRODUCT_NOT_SELLABLE({ productId });
  }

  private async insertSku(
    ctx: RequestContext,
    productId: string,
    s: SkuInputDto,
    index: number,
  ): Promise<Sku> {
    const repo = this.tx.repo(ctx, Sku);
    if (await repo.existsBy({ code: s.code })) throw CatalogErrors.SKU_CODE_TAKEN({ code: s.code });
    const sku = await repo.save(
      repo.create({
        productId,
        specs: s.specs ?? {},
        code: s.code,
        barcode: s.barcode ?? null,
        priceFen: s.priceFen,
        originalPriceFen: s.originalPriceFen ?? null,
        weightGrams: s.weightGrams ?? 0,
        stock: 0,
        sortOrder: s.sortOrder ?? index,
      }),
    );
    if (s.stock) await this.stock.adjustSkuStock(ctx, sku.id, s.stock, { reason: 'initial' });
    return repo.findOneByOrFail({ id: sku.id });
  }

  async addSku(ctx: RequestContext, productId: string, dto: SkuInputDto): Promise<SkuDto> {
    return this.tx.run(ctx, async (ctx) => {
      await this.load(ctx, productId);
      const count = await this.tx.repo(ctx, Sku).countBy({ productId });
      const sku = await this.insertSku(ctx, productId, dto, count);
      await refreshSearchText(this.tx.manager(ctx), { productIds: [productId] });
      return toSkuDto(sku);
    });
  }

  async updateSku(ctx: RequestContext, skuId: string, dto: UpdateSkuDto): Promise<SkuDto> {
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, Sku);
      const sku = await repo.findOneBy({ id: skuId });
      if (!sku) throw CatalogErrors.SKU_NOT_FOUND({ skuId });
      if (dto.code !== undefined && dto.code !== sku.code) {
        if (await repo.existsBy({ code: dto.code })) throw CatalogErrors.SKU_CODE_TAKEN({ code: dto.code });
        sku.code = dto.code;
      }
      if (dto.specs !== undefined) sku.specs = dto.specs;
      if (dto.barcode !== undefined) sku.barcode = dto.barcode || null;
      if (dto.priceFen !== undefined) sku.priceFen = dto.priceFen;
      if (dto.originalPriceFen !== undefined) sku.originalPriceFen = dto.originalPriceFen ?? null;
      if (dto.weightGrams !== undefined) sku.weightGrams = dto.weightGrams;
      if (dto.sortOrder !== undefined) sku.sortOrder = dto.sortOrder;
      // `stock` is not written here: save() would overwrite concurrent reservations.
      await repo.update(
        { id: skuId },
        {
          code: sku.code,
          specs: sku.specs,
          barcode: sku.barcode,
          priceFen: sku.priceFen,
          originalPriceFen: sku.originalPriceFen,
          weightGrams: sku.weightGrams,
          sortOrder: sku.sortOrder,
        },
      );
      const product = await this.load(ctx, sku.productId);
      if (product.status === 'on_sale') await this.assertSellable(ctx, product.id);
      await refreshSearchText(this.tx.manager(ctx), { productIds: [sku.productId] });
      return toSkuDto(await repo.findOneByOrFail({ id: skuId }));
    });
  }

  async removeSku(ctx: RequestContext, skuId: string): Promise<void> {
    await this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, Sku);
      const sku = await repo.findOneBy({ id: skuId });
      if (!sku) throw CatalogErrors.SKU_NOT_FOUND({ skuId });
      await repo.delete({ id: skuId });
      const product = await this.load(ctx, sku.productId);
      if (product.status === 'on_sale') {
        await this.assertSellable(ctx, product.id).catch(() => {
          throw CatalogErrors.SKU_LAST_ON_SALE({ productId: product.id });
        });
      }
      await refreshSearchText(this.tx.manager(ctx), { productIds: [sku.productId] });
    });
  }

  async adminList(ctx: RequestContext, q: AdminProductQueryDto): Promise<Page<ProductSummaryDto>> {
    return this.search(ctx, { ...q, sort: 'newest' }, { status: q.status });
  }

  /** On-sale products by id, in the order given (unknown or off-sale ids are skipped). */
  async onSaleSummaries(ctx: RequestContext, ids: string[]): Promise<ProductSummaryDto[]> {
    if (!ids.length) return [];
    const rows: { id: string; min_price_fen: string | null }[] = await this.tx.manager(ctx).query(
      `SELECT p.id, (SELECT min(s.price_fen) FROM sku s WHERE s.product_id = p.id) AS min_price_fen
         FROM product p WHERE p.id = ANY($1::uuid[]) AND p.status = 'on_sale'`,
      [ids],
    );
    const products = await this.tx.repo(ctx, Product).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(products.map((x) => [x.id, x]));
    const price = new Map(rows.map((r) => [r.id, r.min_price_fen === null ? null : Number(r.min_price_fen)]));
    return ids.filter((id) => byId.has(id)).map((id) => toSummary(byId.get(id)!, price.get(id) ?? null));
  }

  /** Consumer list and search: on-sale products only. */
  async appSearch(ctx: RequestContext, q: ProductSearchQueryDto): Promise<Page<ProductSummaryDto>> {
    return this.search(ctx, q, { status: 'on_sale' });
  }

  /**
   * Keyword search: every whitespace-separated term must match. Terms of two or more characters
   * match the bigram tsvector (GIN) and rank by ts_rank, title hits first; single characters are
   * a substring match on `search_text` (pg_trgm GIN). Without a keyword: sales, price or newest.
   */
  private async search(
    ctx: RequestContext,
    q: ProductSearchQueryDto,
    filter: { status?: ProductStatus },
  ): Promise<Page<ProductSummaryDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.status) where.push(`p.status = ${p(filter.status)}`);
    // Terms of two or more characters go through the bigram index (and rank); a single character
    // cannot be a bigram and stays a substring match.
    const grams: string[] = [];
    for (const term of searchTerms(q.keyword)) {
      if ([...term].length >= 2) grams.push(...bigrams(term));
      else where.push(`p.search_text LIKE ${p(likePattern(term))}`);
    }
    let rank: string | undefined;
    if (grams.length) {
      const tsq = p(bigramQuery([...new Set(grams)]));
      where.push(`p.search_bigrams @@ ${tsq}::tsquery`);
      rank = `ts_rank(p.search_bigrams, ${tsq}::tsquery)`;
    }
    if (q.categoryId) {
      const c = p(q.categoryId);
      where.push(`p.category_id IN (SELECT id FROM category WHERE id = ${c} OR parent_id = ${c})`);
    }
    const sort = q.sort ?? (rank ? 'relevance' : 'sales');
    const order =
      sort === 'relevance' && rank
        ? `${rank} DESC, p.sales_count DESC, p.created_at DESC, p.id`
        : q.sort === 'price'
          ? `min_price_fen ${q.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, p.created_at DESC, p.id`
          : sort === 'newest'
            ? 'p.created_at DESC, p.id'
            : 'p.sales_count DESC, p.created_at DESC, p.id';
    const { skip, take } = pageWindow(q);
    const filtered = `FROM product p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const minPrice = (id: string) => `(SELECT min(s.price_fen) FROM sku s WHERE s.product_id = ${id})`;
    // Unless the order is by price, the lowest price is looked up for the page's rows only
    // (not for every matching product before the sort).
    const rows: SearchRow[] = await this.tx.manager(ctx).query(
      q.sort === 'price'
        ? `SELECT p.id, ${minPrice('p.id')} AS min_price_fen, count(*) OVER () AS total ${filtered}
            ORDER BY ${order} LIMIT ${p(take)} OFFSET ${p(skip)}`
        : `SELECT w.id, ${minPrice('w.id')} AS min_price_fen, w.total
             FROM (SELECT p.id, count(*) OVER () AS total, row_number() OVER (ORDER BY ${order}) AS n ${filtered}
                   ORDER BY ${order} LIMIT ${p(take)} OFFSET ${p(skip)}) w
            ORDER BY w.n`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : await this.countOnly(ctx, where, params.slice(0, -2));
    const products = await this.tx.repo(ctx, Product).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(products.map((x) => [x.id, x]));
    const items = rows.map((r) =>
      toSummary(byId.get(r.id)!, r.min_price_fen === null ? null : Number(r.min_price_fen)),
    );
    return toPage(items, total, q);
  }

  private async countOnly(ctx: RequestContext, where: string[], params: unknown[]): Promise<number> {
    if (!params.length && !where.length) return this.tx.repo(ctx, Product).count();
    const r: { n: number }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT count(*)::int AS n FROM product p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
        params,
      );
    return r[0].n;
  }

  /** Paid quantity, for `sort=sales`; the orders module calls it when an order is paid. */
  async addSales(ctx: RequestContext, productId: string, qty: number): Promise<void> {
    await this.tx.repo(ctx, Product).increment({ id: productId }, 'salesCount', qty);
  }
}
