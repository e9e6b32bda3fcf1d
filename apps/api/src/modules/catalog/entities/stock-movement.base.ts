import { Column } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';

/** The columns every stock movement log shares (platform stock here, store stock in stores). */
export abstract class StockMovementBase extends CreatedEntity {
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
}
