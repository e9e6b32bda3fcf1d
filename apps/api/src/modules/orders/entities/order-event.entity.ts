import { Column, Entity, Index } from 'typeorm';
import { StatusHistoryEntity } from '../../../common/status-history.entity';

/** The order's history: every status change with who (actor) and why. */
@Entity({ name: 'order_event' })
@Index('IDX_order_event_order', ['orderId', 'createdAt'])
export class OrderEvent extends StatusHistoryEntity {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;
}
