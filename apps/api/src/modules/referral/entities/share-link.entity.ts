import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A share code (also the `scene` of its poster's mini-program code): a reseller's, or — with
 * `storeId` — a store staff member's guide link (导购), made as staff of that store.
 */
@Entity({ name: 'share_links' })
@Index('idx_share_links_reseller', ['resellerId', 'productId'])
export class ShareLink {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ name: 'reseller_id', type: 'uuid' })
  resellerId: string;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;

  /** Set on a guide link: the store whose staff member shared it. */
  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
