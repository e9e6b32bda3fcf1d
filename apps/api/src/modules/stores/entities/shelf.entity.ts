import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';

/** A shelf (货架) in a store; shows its slots in order. */
@Entity({ name: 'shelf' })
@Index('IDX_shelf_store', ['storeId', 'sortOrder'])
export class Shelf extends TimestampedEntity {
  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;
}
