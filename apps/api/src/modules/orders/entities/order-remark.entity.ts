import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';

/** An operator's note on an order (备注): internal, never shown to the buyer; append-only. */
@Entity({ name: 'order_remark' })
@Index('IDX_order_remark_order', ['orderId', 'createdAt'])
export class OrderRemark extends CreatedEntity {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  /** The admin user who wrote it. */
  @Column({ name: 'admin_id', type: 'varchar', length: 64 })
  adminId: string;

  @Column({ type: 'varchar', length: 500 })
  text: string;
}
