import { Injectable, OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { JobsService } from '../../jobs/jobs.service';
import { FulfilmentService } from './fulfilment/fulfilment.service';
import { orderAutoReceiveJob, orderPayTimeoutJob } from './orders.jobs';

/** Works the per-order delayed jobs: payment timeout and automatic receipt. */
@Injectable()
export class OrdersWorker implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly fulfilment: FulfilmentService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(orderPayTimeoutJob, async (data, meta) => {
      await this.fulfilment.payTimeout(RequestContext.system('pay-timeout', meta.id), data.orderId);
    });
    await this.jobs.register(orderAutoReceiveJob, async (data, meta) => {
      await this.fulfilment.receive(
        RequestContext.system('auto-receive', meta.id),
        data.orderId,
        null,
        'received automatically after autoReceiveDays',
      );
    });
  }
}
