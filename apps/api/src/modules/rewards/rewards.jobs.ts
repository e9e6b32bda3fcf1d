import { defineJob } from '../../jobs/job';

/**
 * Hourly catch-up: rewards whose order completed `settleDaysAfterComplete` days ago become
 * available (each order's own settlement job normally did it at the due minute).
 */
export const settleJob = defineJob<Record<string, never>>('rewards.settle', {
  retryLimit: 3,
  expireInSeconds: 600,
});

/** One order's rewards, sent when the order completes to start at their due time (to the minute). */
export const settleOrderJob = defineJob<{ orderId: string }>('rewards.settle-order', {
  retryLimit: 10,
  retryDelaySeconds: 60,
});
