import { defineJob } from '../../jobs/job';

/** Pays an approved withdrawal through WeChat merchant transfer (same out_bill_no on every retry). */
export const transferJob = defineJob<{ withdrawalId: string }>('withdrawals.transfer', {
  retryLimit: 8,
  retryDelaySeconds: 60,
  retryBackoff: true,
});

/** Asks WeChat about transfers whose notification did not come. */
export const transferSyncJob = defineJob<Record<string, never>>('withdrawals.sync', {
  retryLimit: 0,
  expireInSeconds: 300,
});
