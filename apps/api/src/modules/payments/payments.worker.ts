import { Injectable, OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../../common/request-context';
import { JobsService } from '../../jobs/jobs.service';
import { executeRefundJob, reconcileJob } from './payments.jobs';
import { PaymentsService } from './payments.service';
import { RefundsService } from './refunds.service';

const STALE_MS = 2 * 60_000;

/** Runs refunds after commit and reconciles open payments every five minutes. */
@Injectable()
export class PaymentsWorker implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(executeRefundJob, (data, meta) =>
      this.refunds.execute(RequestContext.system('refund', meta.id), data.refundId),
    );
    await this.jobs.register(reconcileJob, async (_data, meta) => {
      await this.reconcile(RequestContext.system('reconcile', meta.id));
    });
    if (this.jobs.works) await this.jobs.schedule(reconcileJob, '*/5 * * * *', {});
  }

  /** One reconciliation round; safe to run twice (every step is idempotent). */
  async reconcile(ctx: RequestContext): Promise<{ payments: number; refunds: number }> {
    const open = await this.payments.stalePending(ctx, STALE_MS);
    for (const p of open) await this.payments.sync(ctx, p.id).catch(() => undefined);
    const refunds = await this.refunds.reconcile(ctx, STALE_MS);
    return { payments: open.length, refunds };
  }
}
