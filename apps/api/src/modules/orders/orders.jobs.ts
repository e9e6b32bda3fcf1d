import { defineJob } from '../../jobs/job';

/** Sent at creation with startAfter = payTimeoutMinutes: close the WeChat order, then cancel if unpaid. */
export const orderPayTimeoutJob = defineJob<{ orderId: string }>('orders.pay-timeout', {
  retryLimit: 10,
  retryDelaySeconds: 60,
});

/** Sent when an express order ships, startAfter = autoReceiveDays. */
export const orderAutoReceiveJob = defineJob<{ orderId: string }>('orders.auto-receive', {
  retryLimit: 10,
  retryDelaySeconds: 300,
});
