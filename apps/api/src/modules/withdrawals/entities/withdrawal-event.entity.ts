import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every step of a withdrawal: who, from what, to what, why. */
@Entity({ name: 'withdrawal_event' })
export class WithdrawalEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_withdrawal_event_withdrawal')
  @Column({ name: 'withdrawal_id', type: 'uuid' })
  withdrawalId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: string;

  /** `admin:<id>`, `user:<id>` or `system:<reason>`. */
  @Column({ type: 'varchar', length: 80 })
  actor: string;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
