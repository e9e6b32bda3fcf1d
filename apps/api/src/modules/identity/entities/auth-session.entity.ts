import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A login session: every access token carries its id (`sid`), and the one live
 * refresh token is stored as a hash. Revoking the session ends every token of it.
 */
@Entity({ name: 'auth_sessions' })
@Index('idx_auth_sessions_subject', ['subjectKind', 'subjectId'])
export class AuthSession {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 8 })
  subjectKind: 'user' | 'admin';

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** sha256 (hex) of the current refresh token's secret; rotated by every refresh. */
  @Column({ name: 'refresh_hash', type: 'char', length: 64 })
  refreshHash: string;

  @Column({ name: 'refresh_expires_at', type: 'timestamptz' })
  refreshExpiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 40, nullable: true })
  revokedReason: string | null;

  @Column({ name: 'last_refreshed_at', type: 'timestamptz', nullable: true })
  lastRefreshedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
