import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn } from '../../../common/money.column';
import type { LineAttribution } from '../orders.ports';

/**
 * One SKU of an order with its prices and the attribution snapshot (who is credited
 * and at which rates), frozen at creation: later changes to rates or bindings never
 * touch it. `afterSaleQty` counts quantity in open or done after-sales (never past `qty`).
 */
@Entity({ name: 'order_line' })
@Index('IDX_order_line_order', ['orderId'])
@Check('CHK_order_line_qty', '"qty" > 0 AND "after_sale_qty" >= 0 AND "after_sale_qty" <= "qty"')
@Check(
  'CHK_order_line_amounts',
  '"amount_fen" = "price_fen" * "qty" AND "paid_fen" >= 0 AND "paid_fen" <= "amount_fen" AND "refunded_fen" >= 0 AND "refunded_fen" <= "paid_fen"',
)
export class OrderLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'sku_id', type: 'uuid' })
  skuId: string;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'jsonb' })
  specs: Record<string, string>;

  @Column({ name: 'image_url', type: 'varchar', length: 500, nullable: true })
  imageUrl: string | null;

  @MoneyColumn({ name: 'price_fen' })
  priceFen: number;

  @Column({ type: 'int' })
  qty: number;

  @Column({ name: 'weight_grams', type: 'int', default: 0 })
  weightGrams: number;

  /** price × qty. */
  @MoneyColumn({ name: 'amount_fen' })
  amountFen: number;

  /** The line's share of what was paid for goods (after discounts, without shipping). */
  @MoneyColumn({ name: 'paid_fen' })
  paidFen: number;

  @Column({ type: 'jsonb' })
  attribution: LineAttribution;

  @Column({ name: 'after_sale_qty', type: 'int', default: 0 })
  afterSaleQty: number;

  @Column({ name: 'refunded_qty', type: 'int', default: 0 })
  refundedQty: number;

  @MoneyColumn({ name: 'refunded_fen', default: 0 })
  refundedFen: number;
}
