import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const RESELLER_STATUSES = ['pending', 'approved', 'rejected', 'revoked'] as const;
export type ResellerStatus = (typeof RESELLER_STATUSES)[number];

/** A user's reseller (推广员) standing, and their upline (who referred them when they became one). */
@Entity({ name: 'resellers' })
@Index('idx_resellers_status', ['status', 'appliedAt'])
@Index('idx_resellers_upline', ['uplineId'])
export class Reseller {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 12 })
  status: ResellerStatus;

  @Column({ name: 'upline_id', type: 'uuid', nullable: true })
  uplineId: string | null;

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  /** Revoked (清退) by an operator: no longer earns on new orders; see ResellerService.revoke. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 64, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
