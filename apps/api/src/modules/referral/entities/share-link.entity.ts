import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A reseller's share code (also the `scene` of their poster's mini-program code). */
@Entity({ name: 'share_links' })
@Index('idx_share_links_reseller', ['resellerId', 'productId'])
export class ShareLink {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ name: 'reseller_id', type: 'uuid' })
  resellerId: string;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
