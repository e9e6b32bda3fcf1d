import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const EVENT_KINDS = ['view', 'cart'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * One product view or add-to-cart sent by the mini-program (POST /api/app/events).
 * Only the user id identifies the person; the sweep job rolls these up by `created_at`
 * (the server's receive time, never the phone's clock).
 */
@Entity({ name: 'analytics_event' })
@Index('IDX_analytics_event_time', ['createdAt'])
export class AnalyticsEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: EventKind;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** The shelf code the product was reached from, when it was (resolved to its store/shelf by the sweep). */
  @Column({ name: 'scan_code_id', type: 'uuid', nullable: true })
  scanCodeId: string | null;

  @Column({ type: 'int', default: 1 })
  qty: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
