import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every change of a SKU's platform stock: who, why, by how much, and what it left. */
@Entity({ name: 'sku_stock_movement' })
@Index('IDX_sku_stock_movement_sku', ['skuId', 'createdAt'])
export class SkuStockMovement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'sku_id', type: 'uuid' })
  skuId: string;

  @Column({ type: 'int' })
  delta: number;

  @Column({ name: 'qty_after', type: 'int' })
  qtyAfter: number;

  /** `initial`, `adjust`, `order_reserve`, `order_release`, … */
  @Column({ type: 'varchar', length: 32 })
  reason: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  /** e.g. the order id behind a reservation. */
  @Column({ name: 'ref_id', type: 'varchar', length: 64, nullable: true })
  refId: string | null;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
