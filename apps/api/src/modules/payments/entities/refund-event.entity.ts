import { Column, Entity, Index } from 'typeorm';
import { StatusHistoryEntity } from '../../../common/status-history.entity';

/** History of a refund's states (requested, WeChat's answers). */
@Entity({ name: 'refund_event' })
@Index('ix_refund_event_refund', ['refundId'])
export class RefundEvent extends StatusHistoryEntity {
  @Column({ name: 'refund_id', type: 'uuid' })
  refundId: string;
}
