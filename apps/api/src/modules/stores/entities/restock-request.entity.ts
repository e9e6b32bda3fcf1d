import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';

export const RESTOCK_STATUSES = ['open', 'done', 'rejected'] as const;
export type RestockStatus = (typeof RESTOCK_STATUSES)[number];

/** A store's request to the operators to restock one SKU (补货), handled once by an operator. */
@Entity({ name: 'restock_request' })
@Index('IDX_restock_request_status', ['status', 'createdAt'])
@Index('IDX_restock_request_store', ['storeId', 'createdAt'])
export class RestockRequest extends TimestampedEntity {
  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @Column({ name: 'sku_id', type: 'uuid' })
  skuId: string;

  @Column({ type: 'int' })
  qty: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'requested_by_user_id', type: 'uuid' })
  requestedByUserId: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: RestockStatus;

  @Column({ name: 'handled_by', type: 'varchar', length: 64, nullable: true })
  handledBy: string | null;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Column({ name: 'handle_note', type: 'varchar', length: 200, nullable: true })
  handleNote: string | null;
}
