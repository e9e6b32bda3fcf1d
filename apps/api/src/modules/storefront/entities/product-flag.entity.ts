import { CreateDateColumn, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PRODUCT_FLAGS = ['hot', 'new', 'recommended'] as const;
export type ProductFlagName = (typeof PRODUCT_FLAGS)[number];

/** An operator's mark on a product for a home-page list (热卖 / 新品 / 推荐), in their order. */
@Entity({ name: 'product_flag' })
@Index('IDX_product_flag_list', ['flag', 'sortOrder'])
export class ProductFlag {
  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  flag: ProductFlagName;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
