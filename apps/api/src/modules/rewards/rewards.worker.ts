import { Injectable, OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { JobsService } from '../../jobs/jobs.service';
import { orderCompletedJob, orderLineRefundedJob, orderPaidJob } from '../orders/orders.ports';
import { settleJob } from './rewards.jobs';
import { RewardsService } from './rewards.service';

/** Works the orders module's after-commit events and the hourly settlement. */
@Injectable()
export class RewardsWorker implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly rewards: RewardsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const ctx = (reason: string, id: string) => RequestContext.system(reason, id);
    await this.jobs.register(orderPaidJob, async (d, m) => {
      await this.rewards.accrue(ctx('accrue', m.id), d.orderId);
    });
    await this.jobs.register(orderCompletedJob, (d, m) =>
      this.rewards.completed(ctx('completed', m.id), d.orderId, new Date(d.completedAt)),
    );
    await this.jobs.register(orderLineRefundedJob, async (d, m) => {
      await this.rewards.clawback(ctx('clawback', m.id), d);
    });
    await this.jobs.register(settleJob, async (_d, m) => {
      await this.rewards.settleDue(ctx('settle', m.id));
    });
    if (this.jobs.works) await this.jobs.schedule(settleJob, '7 * * * *', {});
  }
}
