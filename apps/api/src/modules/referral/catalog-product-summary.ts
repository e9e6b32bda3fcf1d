import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { FILE_STORAGE, type FileStorage } from '../catalog/file-storage';
import { ProductService } from '../catalog/product.service';
import type { ProductSummary, ProductSummarySource } from './referral.ports';

const UPLOAD = /^\/api\/uploads\/([0-9a-f]{64}\.[a-z]+)$/;

/** Posters read products from the catalog: title, lowest SKU price, first image (local uploads as bytes). */
@Injectable()
export class CatalogProductSummary implements ProductSummarySource {
  constructor(
    private readonly products: ProductService,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  async getProductSummary(ctx: RequestContext, productId: string): Promise<ProductSummary | null> {
    const p = await this.products.getOnSale(ctx, productId).catch(() => null);
    if (!p) return null;
    const prices = p.skus.map((s) => s.priceFen).filter((x) => x > 0);
    const first = p.images[0];
    const upload = first ? UPLOAD.exec(first) : null;
    const image = upload ? ((await this.files.get(upload[1]))?.data ?? null) : (first ?? null);
    return { title: p.title, priceFen: prices.length ? Math.min(...prices) : 0, image };
  }
}
