import { Injectable, OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { JobsService } from '../../jobs/jobs.service';
import { FulfilmentService } from './fulfilment/fulfilment.service';
import { orderAutoReceiveJob, orderPayTimeoutJob } from './orders.jobs';
import { shippingInfoJob } from './shipping-info/shipping-info.job';
import { ShippingInfoService } from './shipping-info/shipping-info.service';

/** Works the per-order jobs: payment timeout, automatic receipt, shipping information upload. */
@Injectable()
export class OrdersWorker implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly fulfilment: FulfilmentService,
    private readonly shippingInfo: ShippingInfoService,
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
    // Registered here, one after another: pg-boss can deadlock creating queues in parallel.
    await this.jobs.register(shippingInfoJob, async (data, meta) => {
      await this.shippingInfo.upload(RequestContext.system('shipping-info', meta.id), data.orderId);
    });
  }
}
