import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';

/** One admin (or system) write: who, what entity, before and after, and the request behind it. */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_entity', ['entityType', 'entityId', 'createdAt'])
@Index('idx_audit_log_actor', ['actorId', 'createdAt'])
export class AuditLog extends CreatedEntity {
  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId: string;

  /** What happened, `<entity>.<verb>`: `settings.update`, `admin_user.create`, `store_lock.move`. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;
}
