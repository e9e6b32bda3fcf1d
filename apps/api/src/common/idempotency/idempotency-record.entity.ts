import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first result of a write that a client may repeat (`Idempotency-Key`).
 * `scope` names the use case and the caller, so two users' keys never meet.
 */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key: string;

  /** sha256 of the canonical request body: the same key with another body is a client bug. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  /** Null while the first call is still running. */
  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
