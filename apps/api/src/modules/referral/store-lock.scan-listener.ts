import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { StoreLockService } from './store-lock.service';

/**
 * The stores module calls its SCAN_LISTENER after recording a scan by a
 * logged-in customer; bind SCAN_LISTENER to this class (useExisting).
 */
@Injectable()
export class StoreLockScanListener {
  constructor(private readonly locks: StoreLockService) {}

  async onScan(
    ctx: RequestContext,
    scan: { userId: string; storeId: string; scanCodeId: string; code: string },
  ): Promise<void> {
    await this.locks.lockOnScan(ctx, scan.userId, scan.storeId, { source: 'scan_code', ref: scan.code });
  }
}
