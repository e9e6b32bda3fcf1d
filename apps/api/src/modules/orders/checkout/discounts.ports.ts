import type { RequestContext } from '../../../common/request-context';
import type { FulfilmentMode } from '../../catalog/entities/product.entity';

export interface DiscountContext {
  buyerId: string;
  mode: FulfilmentMode;
  storeId: string | null;
  goodsFen: number;
  lines: { skuId: string; productId: string; qty: number; amountFen: number }[];
}

/**
 * How coupons, points and promotions plug into the quote (the marketing issue
 * provides them under ORDER_DISCOUNTS). Each answers an order-level amount; the
 * quote caps the sum at the goods total and spreads it over lines by largest remainder.
 */
export interface DiscountProvider {
  readonly name: string;
  discount(ctx: RequestContext, input: DiscountContext): Promise<number>;
}

export const ORDER_DISCOUNTS = Symbol('ORDER_DISCOUNTS');
