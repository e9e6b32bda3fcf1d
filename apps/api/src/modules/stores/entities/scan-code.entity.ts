import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';

export const SCAN_CODE_STATUSES = ['active', 'disabled'] as const;
export type ScanCodeStatus = (typeof SCAN_CODE_STATUSES)[number];

/**
 * The opaque id printed as a mini-program code's `scene`. A row is never
 * deleted and a code never changes, so a disabled code can never come back
 * pointing somewhere else. At most one active code per shelf or slot.
 */
@Entity({ name: 'scan_code' })
@Index('UQ_scan_code_code', ['code'], { unique: true })
@Index('IDX_scan_code_store', ['storeId', 'createdAt'])
@Index('IDX_scan_code_shelf', ['shelfId'])
// Partial unique indexes (one active code per shelf, one per slot) are made by the
// migration; TypeORM would misread their predicates, so it is told to leave them alone.
@Index('UQ_scan_code_active_shelf', { synchronize: false })
@Index('UQ_scan_code_active_slot', { synchronize: false })
export class ScanCode extends CreatedEntity {
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @Column({ name: 'shelf_id', type: 'uuid' })
  shelfId: string;

  /** Set for a slot's own code; null for the shelf's code. */
  @Column({ name: 'slot_id', type: 'uuid', nullable: true })
  slotId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: ScanCodeStatus;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** The code issued in place of this one, if it was re-issued. */
  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true })
  replacedById: string | null;
}
