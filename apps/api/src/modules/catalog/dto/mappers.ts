import type { CategoryDto } from './category.dto';
import type { Category } from '../entities/category.entity';
import type { Product } from '../entities/product.entity';
import type { ProductDto, ProductSummaryDto, SkuDto } from './product.dto';
import type { Sku } from '../entities/sku.entity';

export function toCategoryDto(c: Category): CategoryDto {
  return {
    id: c.id,
    parentId: c.parentId,
    name: c.name,
    iconUrl: c.iconUrl,
    sortOrder: c.sortOrder,
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toSkuDto(s: Sku): SkuDto {
  return {
    id: s.id,
    productId: s.productId,
    specs: s.specs,
    code: s.code,
    barcode: s.barcode,
    priceFen: s.priceFen,
    originalPriceFen: s.originalPriceFen,
    weightGrams: s.weightGrams,
    stock: s.stock,
    sortOrder: s.sortOrder,
  };
}

export function toSummary(p: Product, minPriceFen: number | null): ProductSummaryDto {
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    coverUrl: p.images[0] ?? null,
    status: p.status,
    fulfilmentModes: p.fulfilmentModes,
    minPriceFen,
    salesCount: p.salesCount,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toProductDto(p: Product, skus: Sku[]): ProductDto {
  const prices = skus.map((s) => s.priceFen);
  return {
    ...toSummary(p, prices.length ? Math.min(...prices) : null),
    images: p.images,
    descriptionHtml: p.descriptionHtml,
    rewardRateBp: p.rewardRateBp,
    commissionRateBp: p.commissionRateBp,
    skus: skus.map(toSkuDto),
    updatedAt: p.updatedAt.toISOString(),
  };
}
