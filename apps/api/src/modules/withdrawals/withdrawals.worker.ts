import { Injectable, OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { JobsService } from '../../jobs/jobs.service';
import { TransfersService } from './transfers.service';
import { transferJob, transferSyncJob } from './withdrawals.jobs';

@Injectable()
export class WithdrawalsWorker implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly transfers: TransfersService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(transferJob, (data, meta) =>
      this.transfers.execute(RequestContext.system('transfer', meta.id), data.withdrawalId),
    );
    await this.jobs.register(transferSyncJob, async (_d, meta) => {
      await this.transfers.sync(RequestContext.system('transfer-sync', meta.id), 5 * 60_000);
    });
    if (this.jobs.works) await this.jobs.schedule(transferSyncJob, '*/10 * * * *', {});
  }
}
