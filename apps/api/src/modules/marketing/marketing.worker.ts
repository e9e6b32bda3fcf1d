import { Injectable, OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { defineJob } from '../../jobs/job';
import { JobsService } from '../../jobs/jobs.service';
import { PointsService } from './points.service';

export const pointsExpiryJob = defineJob<Record<string, never>>('marketing.points-expiry', { retryLimit: 5 });

/** Points expiry at the turn of the year (China time); idempotent, so a re-run posts nothing. */
@Injectable()
export class MarketingWorker implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly points: PointsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(pointsExpiryJob, async () => {
      await this.points.expire(RequestContext.system('points-expiry'));
    });
    if (this.jobs.works) await this.jobs.schedule(pointsExpiryJob, '5 0 1 1 *', {});
  }
}
