import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';

export const BINDING_SOURCES = ['scan_code', 'share_link', 'poster', 'admin'] as const;
export type BindingSource = (typeof BINDING_SOURCES)[number];
export type BindingKind = 'store' | 'referrer';

/** One change of a customer's store lock or referrer: the binding history the admin sees. */
@Entity({ name: 'binding_events' })
@Index('idx_binding_events_user', ['userId', 'createdAt'])
export class BindingEvent extends CreatedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: BindingKind;

  @Column({ type: 'varchar', length: 16 })
  source: BindingSource;

  /** Store or reseller id before the change (null: none, or an expired one is named). */
  @Column({ name: 'before_id', type: 'uuid', nullable: true })
  beforeId: string | null;

  @Column({ name: 'after_id', type: 'uuid', nullable: true })
  afterId: string | null;

  @Column({ name: 'after_expires_at', type: 'timestamptz', nullable: true })
  afterExpiresAt: Date | null;

  /** The scan code or share code that caused it. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ref: string | null;

  @Column({ name: 'actor_id', type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;
}
