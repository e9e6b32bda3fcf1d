import type { RequestContext } from '../../common/request-context';

export interface ScanEvent {
  userId: string;
  storeId: string;
  scanCodeId: string;
  code: string;
}

/**
 * Called by ScanService (outside any transaction; the listener opens its own when it
 * changes something) when a logged-in user resolves an active code (the referral module's
 * store lock 一键锁客 implements it). Throwing fails the scan, so keep it cheap and total.
 */
export interface ScanListener {
  onScan(ctx: RequestContext, event: ScanEvent): Promise<void>;
}

/**
 * A module that wants scans provides and exports `{ provide: SCAN_LISTENER, useExisting: … }`
 * from a global module (the referral module does); without one, scans are only logged.
 */
export const SCAN_LISTENER = Symbol('SCAN_LISTENER');
