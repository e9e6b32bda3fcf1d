import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every notification WeChat Pay sent us, raw, stored (own commit) before it is verified
 * or processed, then linked to what became of it.
 */
@Entity({ name: 'payment_notification' })
export class PaymentNotification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** transaction | refund | transfer */
  @Column({ type: 'varchar', length: 16 })
  channel: string;

  /** WeChat's notification id (EV-…), when the body could be read. */
  @Index('ix_payment_notification_wechat_id')
  @Column({ name: 'wechat_id', type: 'varchar', length: 64, nullable: true })
  wechatId: string | null;

  @Column({ name: 'event_type', type: 'varchar', length: 40, nullable: true })
  eventType: string | null;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean' })
  verified: boolean;

  /** received (stored, not finished: a crash mid-way leaves it so) | processed | duplicate | rejected | failed */
  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Index('ix_payment_notification_reference')
  @Column({ type: 'varchar', length: 64, nullable: true })
  reference: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
