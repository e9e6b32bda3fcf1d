import { Column, Entity } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';

/** A region's own fees (provinces as the address carries them, e.g. `新疆维吾尔自治区`). */
export interface RegionFee {
  provinces: string[];
  firstFeeFen: number;
  extraFeeFen: number;
}

/**
 * Express fee by weight: `firstFeeFen` for the first `firstWeightGrams`, then
 * `extraFeeFen` per started `extraWeightGrams`; a region rule replaces the two fees.
 * Free when the goods (after discounts) reach `freeOverFen`. The `isDefault` template applies.
 */
@Entity({ name: 'shipping_template' })
export class ShippingTemplate extends TimestampedEntity {
  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ name: 'first_weight_grams', type: 'int' })
  firstWeightGrams: number;

  @MoneyColumn({ name: 'first_fee_fen' })
  firstFeeFen: number;

  @Column({ name: 'extra_weight_grams', type: 'int' })
  extraWeightGrams: number;

  @MoneyColumn({ name: 'extra_fee_fen' })
  extraFeeFen: number;

  @MoneyColumn({ name: 'free_over_fen', nullable: true })
  freeOverFen: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  regions: RegionFee[];
}
