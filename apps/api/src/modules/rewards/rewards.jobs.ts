import { defineJob } from '../../jobs/job';

/** Hourly: rewards whose order completed `settleDaysAfterComplete` days ago become available. */
export const settleJob = defineJob<Record<string, never>>('rewards.settle', {
  retryLimit: 3,
  expireInSeconds: 600,
});
