import { randomBytes } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { CategoryService } from '../../src/modules/catalog/category.service';
import type { CreateProductDto, ProductDto, SkuInputDto } from '../../src/modules/catalog/dto/product.dto';
import { ProductService } from '../../src/modules/catalog/product.service';
import type { TestApp } from '../app';

const ctx = () => RequestContext.system('test-factory');

export async function newCategory(t: TestApp, name = '白酒', parentId?: string): Promise<string> {
  return (await t.app.get(CategoryService).create(ctx(), { name, parentId })).id;
}

export function skuInput(overrides: Partial<SkuInputDto> = {}): SkuInputDto {
  return { code: `T-${randomBytes(4).toString('hex')}`, priceFen: 9900, stock: 10, ...overrides };
}

/** A product with one SKU (unless `skus` says otherwise), on sale unless `onSale: false`. */
export async function newProduct(
  t: TestApp,
  overrides: Partial<CreateProductDto> & { onSale?: boolean } = {},
): Promise<ProductDto> {
  const { onSale = true, ...dto } = overrides;
  const products = t.app.get(ProductService);
  const categoryId = dto.categoryId ?? (await newCategory(t, `分类${randomBytes(2).toString('hex')}`));
  const p = await products.create(ctx(), {
    title: '测试商品',
    fulfilmentModes: ['express', 'pickup', 'take_away'],
    skus: [skuInput()],
    ...dto,
    categoryId,
  });
  return onSale ? products.setStatus(ctx(), p.id, 'on_sale') : p;
}
