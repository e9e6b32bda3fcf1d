import { prorate } from '@cloudshelf/money';

/**
 * What each line was really paid for goods: its amount less its share of the order's
 * discount, spread by largest remainder so the parts sum exactly (shipping excluded).
 */
export function linePaidAmounts(lineAmountsFen: number[], orderDiscountFen: number): number[] {
  const total = lineAmountsFen.reduce((s, x) => s + x, 0);
  if (orderDiscountFen < 0 || orderDiscountFen > total)
    throw new RangeError('discount must be between 0 and the goods total');
  const discounts = prorate(orderDiscountFen, lineAmountsFen);
  return lineAmountsFen.map((x, i) => x - discounts[i]);
}
