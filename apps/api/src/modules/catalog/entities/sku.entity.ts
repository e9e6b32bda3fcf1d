import { Check, Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';

/**
 * A sellable variant of a product. `stock` is platform stock (express draws from
 * it); it changes only through conditional updates in the service, and the check
 * constraint makes "never below zero" hold even against a bug.
 */
@Entity({ name: 'sku' })
@Index('IDX_sku_product', ['productId', 'sortOrder'])
@Index('UQ_sku_code', ['code'], { unique: true })
@Check('CHK_sku_stock', '"stock" >= 0')
@Check('CHK_sku_price', '"price_fen" >= 0 AND ("original_price_fen" IS NULL OR "original_price_fen" >= 0)')
export class Sku extends TimestampedEntity {
  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** Spec values, e.g. `{ "容量": "500ml" }`. */
  @Column({ type: 'jsonb' })
  specs: Record<string, string>;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  barcode: string | null;

  @MoneyColumn({ name: 'price_fen' })
  priceFen: number;

  @MoneyColumn({ name: 'original_price_fen', nullable: true })
  originalPriceFen: number | null;

  @Column({ name: 'weight_grams', type: 'int', default: 0 })
  weightGrams: number;

  @Column({ type: 'int', default: 0 })
  stock: number;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
