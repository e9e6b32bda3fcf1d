import { Injectable, OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { defineJob } from '../../jobs/job';
import { JobsService } from '../../jobs/jobs.service';
import { orderFactJob } from '../orders/orders.ports';
import { RollupService } from './rollup.service';

/** Every minute: scans, views, add-to-carts, orders placed and new members since the last run. */
export const sweepJob = defineJob<Record<string, never>>('analytics.sweep', {
  retryLimit: 3,
  expireInSeconds: 600,
});

/** Works the orders module's sales facts and the minute sweep into the rollups. */
@Injectable()
export class AnalyticsWorker implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly rollups: RollupService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(orderFactJob, async (d, m) => {
      const ctx = RequestContext.system(`analytics-${d.kind}`, m.id);
      if (d.kind === 'refund') await this.rollups.refunded(ctx, d.afterSaleId);
      else await this.rollups.paid(ctx, d.orderId);
    });
    await this.jobs.register(sweepJob, async (_d, m) => {
      await this.rollups.sweep(RequestContext.system('analytics-sweep', m.id));
    });
    if (this.jobs.works) await this.jobs.schedule(sweepJob, '* * * * *', {});
  }
}
