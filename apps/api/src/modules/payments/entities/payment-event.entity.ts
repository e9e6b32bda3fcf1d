import { Column, Entity, Index } from 'typeorm';
import { StatusHistoryEntity } from '../../../common/status-history.entity';

/** History of a payment's states: who or what moved it (notify, query, close…), and why. */
@Entity({ name: 'payment_event' })
@Index('ix_payment_event_payment', ['paymentId'])
export class PaymentEvent extends StatusHistoryEntity {
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;
}
