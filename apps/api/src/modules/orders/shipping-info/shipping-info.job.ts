import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { defineJob } from '../../../jobs/job';
import { JobsService } from '../../../jobs/jobs.service';

/** Sent after each fulfilment (express shipped, take-away or pickup handed over); retried on failure. */
export const shippingInfoJob = defineJob<{ orderId: string }>('orders.shipping-info', {
  retryLimit: 10,
  retryDelaySeconds: 60,
});

/**
 * Queues the upload inside the caller's transaction (it exists exactly when the fulfilment commits).
 * Apart from ShippingInfoService so the payment listener can use it without depending on payments.
 */
@Injectable()
export class ShippingInfoQueue {
  constructor(private readonly jobs: JobsService) {}

  async queue(ctx: RequestContext, orderId: string): Promise<void> {
    await this.jobs.send(ctx, shippingInfoJob, { orderId }, { idempotencyKey: `shipping:${orderId}` });
  }
}
