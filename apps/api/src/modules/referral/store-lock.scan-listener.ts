import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import type { ScanEvent, ScanListener } from '../stores/stores.ports';
import { StoreLockService } from './store-lock.service';

/**
 * The stores module calls its SCAN_LISTENER after recording a scan by a logged-in
 * customer; the referral module binds SCAN_LISTENER to this class (referral.module.ts).
 */
@Injectable()
export class StoreLockScanListener implements ScanListener {
  constructor(private readonly locks: StoreLockService) {}

  async onScan(ctx: RequestContext, scan: ScanEvent): Promise<void> {
    await this.locks.lockOnScan(ctx, scan.userId, scan.storeId, { source: 'scan_code', ref: scan.code });
  }
}
