import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';

export const SCAN_RESULTS = ['resolved', 'disabled', 'not_found'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** Every resolution of a scan code, for the funnel (scans → views → orders → paid). */
@Entity({ name: 'scan_log' })
@Index('IDX_scan_log_store_time', ['storeId', 'createdAt'])
@Index('IDX_scan_log_user_time', ['userId', 'createdAt'])
@Index('IDX_scan_log_time', ['createdAt'])
export class ScanLog extends CreatedEntity {
  /** As scanned (cut to 64 characters), also for codes that do not exist. */
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'scan_code_id', type: 'uuid', nullable: true })
  scanCodeId: string | null;

  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId: string | null;

  @Column({ name: 'shelf_id', type: 'uuid', nullable: true })
  shelfId: string | null;

  /** The consumer when the request carried a valid user token. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 16 })
  result: ScanResult;
}
