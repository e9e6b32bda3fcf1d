import { randomInt } from 'node:crypto';

/**
 * A merchant-side number for WeChat Pay (out_trade_no, out_refund_no, out_bill_no):
 * a 2-letter prefix, yyyyMMddHHmmss in China time, and 12 random digits — 28 chars of
 * [0-9A-Z], unique in practice and sortable by time.
 */
export function newMerchantNo(prefix: 'CS' | 'RF' | 'WD', now = new Date()): string {
  const cst = new Date(now.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  const random = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
  return `${prefix}${cst}${random()}${random()}`;
}
