import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every change of a store's stock: reason, who, delta and what it left. */
@Entity({ name: 'store_stock_movement' })
@Index('IDX_store_stock_movement_store', ['storeId', 'createdAt'])
export class StoreStockMovement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @Column({ name: 'sku_id', type: 'uuid' })
  skuId: string;

  @Column({ type: 'int' })
  delta: number;

  @Column({ name: 'qty_after', type: 'int' })
  qtyAfter: number;

  @Column({ type: 'varchar', length: 32 })
  reason: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'ref_id', type: 'varchar', length: 64, nullable: true })
  refId: string | null;

  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
