import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What a store holds of a SKU (on its shelves). Changed only by conditional updates in StoreStockService. */
@Entity({ name: 'store_stock' })
@Index('IDX_store_stock_sku', ['skuId'])
@Check('CHK_store_stock_qty', '"qty" >= 0')
export class StoreStock {
  @PrimaryColumn({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @PrimaryColumn({ name: 'sku_id', type: 'uuid' })
  skuId: string;

  /** Denormalised from the SKU so a store's stock list needs no cross-module join. */
  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'int', default: 0 })
  qty: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
