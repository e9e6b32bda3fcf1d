import { defineJob } from '../../jobs/job';

/** Sends a REQUESTED refund to WeChat (same out_refund_no on every retry, so WeChat refunds once). */
export const executeRefundJob = defineJob<{ refundId: string }>('payments.refund', {
  retryLimit: 10,
  retryDelaySeconds: 30,
  retryBackoff: true,
});

/** Every few minutes: asks WeChat about open payments and refunds whose notification did not come. */
export const reconcileJob = defineJob<Record<string, never>>('payments.reconcile', {
  retryLimit: 0,
  expireInSeconds: 240,
});
