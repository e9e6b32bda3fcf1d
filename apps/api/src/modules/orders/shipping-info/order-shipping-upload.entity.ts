import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An order whose shipping information WeChat accepted (发货信息录入): the upload job's done-marker. */
@Entity({ name: 'order_shipping_upload' })
export class OrderShippingUpload {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  /** WeChat's logistics_type: 1 express, 4 self-collection (take-away and pickup). */
  @Column({ name: 'logistics_type', type: 'smallint' })
  logisticsType: number;

  @Column({ name: 'transaction_id', type: 'varchar', length: 64 })
  transactionId: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
