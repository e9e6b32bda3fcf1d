import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** History of a payment's states: who or what moved it, and why. */
@Entity({ name: 'payment_event' })
export class PaymentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_payment_event_payment')
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: string;

  /** notify | query | reconcile | close | prepay */
  @Column({ type: 'varchar', length: 16 })
  source: string;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
