import type { RequestContext } from '../../common/request-context';

/**
 * What a poster shows of a product. The catalog module provides it at merge
 * (bind PRODUCT_SUMMARY_SOURCE); without it, posters show a generic title.
 */
export const PRODUCT_SUMMARY_SOURCE = Symbol('PRODUCT_SUMMARY_SOURCE');

export interface ProductSummary {
  title: string;
  priceFen: number;
  /** http(s) URL, data URL or bytes of the main image. */
  image?: string | Buffer | null;
}

export interface ProductSummarySource {
  getProductSummary(ctx: RequestContext, productId: string): Promise<ProductSummary | null>;
}
