import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';

/**
 * One balanced movement of money (its entries sum to zero, enforced by a deferred
 * constraint trigger). `reference` is unique: posting the same business fact twice
 * (an event delivered twice, a job retried) posts once.
 */
@Entity({ name: 'ledger_posting' })
export class LedgerPosting extends CreatedEntity {
  @Index('uq_ledger_posting_reference', { unique: true })
  @Column({ type: 'varchar', length: 160 })
  reference: string;

  /** accrual | settlement | clawback | withdrawal_request | withdrawal_reject | withdrawal_paid | withdrawal_failed | adjustment */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  memo: string;

  /** The order, order line, withdrawal … this posting is about. */
  @Index('ix_ledger_posting_subject')
  @Column({ name: 'subject_id', type: 'varchar', length: 64, nullable: true })
  subjectId: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128 })
  requestId: string;
}
