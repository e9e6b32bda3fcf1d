import type { RequestContext } from '../../../common/request-context';
import type { FulfilmentMode } from '../../catalog/entities/product.entity';

/** What the buyer chose at checkout for discounts that need a choice (a coupon, points to spend). */
export interface DiscountChoice {
  couponId?: string;
  points?: number;
  /** A limited-time offer bought through its own button: strict (window, quantity, limit). */
  offerId?: string;
}

export interface DiscountContext {
  buyerId: string;
  mode: FulfilmentMode;
  storeId: string | null;
  goodsFen: number;
  lines: { skuId: string; productId: string; qty: number; amountFen: number; categoryId?: string }[];
  choice?: DiscountChoice;
}

/** One discount of a quote as the checkout page shows it (a level discount, a coupon, points). */
export interface DiscountPart {
  kind: string;
  amountFen: number;
  /** Simplified Chinese, for the buyer: why this discount applies. */
  label: string;
}

export interface DiscountResult {
  amountFen: number;
  parts: DiscountPart[];
  /**
   * Called by order placement inside its transaction with the new order's id: takes what the
   * discount uses (marks the coupon used, debits the points). A failed checkout rolls it back.
   */
  reserve?: (ctx: RequestContext, orderId: string) => Promise<void>;
}

/**
 * How coupons, points and promotions plug into the quote (the marketing module provides
 * them under ORDER_DISCOUNTS). Each answers an order-level amount; the quote caps the sum
 * at the goods total and spreads it over lines by largest remainder. The order hooks run
 * inside the order's transaction: a cancelled order gives back what it reserved, a
 * completed one earns, a refund returns and claws back in proportion.
 */
export interface DiscountProvider {
  readonly name: string;
  discount(ctx: RequestContext, input: DiscountContext): Promise<number | DiscountResult>;
  onOrderCancelled?(ctx: RequestContext, orderId: string): Promise<void>;
  onOrderCompleted?(ctx: RequestContext, orderId: string): Promise<void>;
  onOrderRefunded?(ctx: RequestContext, orderId: string): Promise<void>;
}

export const ORDER_DISCOUNTS = Symbol('ORDER_DISCOUNTS');
