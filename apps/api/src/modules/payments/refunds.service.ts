import { refundState } from './refund-state';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { JobsService } from '../../jobs/jobs.service';
import {
  newMerchantNo,
  WechatError,
  WechatPayClient,
  type RefundStatus as WechatRefundStatus,
} from '../../wechat';
import { Payment } from './entities/payment.entity';
import { Refund, refundMachine, type RefundStatus } from './entities/refund.entity';
import { PAYMENT_LISTENER, type PaymentListener } from './payments.ports';
import { PaymentErrors } from './payments.errors';
import { executeRefundJob } from './payments.jobs';

export interface RefundRequest {
  paymentId: string;
  amountFen: number;
  reason: string;
  /** The after-sale id, or `duplicate-payment` / `late-payment`. */
  requestedBy: string;
}

/**
 * Refunds through WeChat Pay v3. A refund is written in the caller's transaction
 * (with the payment row locked, so refunds never add up past what was paid) and sent
 * to WeChat by a job after commit; its result comes back by notification or query.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger('Refunds');

  constructor(
    private readonly tx: TransactionService,
    private readonly wechat: WechatPayClient,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(PAYMENT_LISTENER) private readonly listener?: PaymentListener,
  ) {}

  get notifyUrl(): string {
    return `${this.config.publicBaseUrl}/api/pay/wechat/refund-notify`;
  }

  /** Records a refund of a PAID payment and queues it for WeChat; joins the caller's transaction. */
  async request(ctx: RequestContext, input: RefundRequest): Promise<Refund> {
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
      throw PaymentErrors.REFUND_EXCEEDS_PAID();
    return this.tx.run(ctx, async (c) => {
      const manager = this.tx.manager(c);
      const payment = await manager.findOne(Payment, {
        where: { id: input.paymentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!payment) throw PaymentErrors.PAYMENT_NOT_FOUND();
      if (payment.status !== 'PAID') throw PaymentErrors.PAYMENT_STATE_INVALID({ status: payment.status });
      const { committed } = await manager
        .getRepository(Refund)
        .createQueryBuilder('r')
        .select('COALESCE(SUM(r.amount_fen), 0)', 'committed')
        .where('r.payment_id = :id AND r.status <> :closed', { id: payment.id, closed: 'CLOSED' })
        .getRawOne<{ committed: string }>()
        .then((r) => ({ committed: Number(r?.committed ?? 0) }));
      if (committed + input.amountFen > payment.amountFen) {
        throw PaymentErrors.REFUND_EXCEEDS_PAID({ refundableFen: payment.amountFen - committed });
      }
      const refund = await manager.getRepository(Refund).save(
        manager.getRepository(Refund).create({
          outRefundNo: newMerchantNo('RF'),
          paymentId: payment.id,
          orderId: payment.orderId,
          amountFen: input.amountFen,
          reason: input.reason.slice(0, 80),
          requestedBy: input.requestedBy,
          status: 'REQUESTED',
        }),
      );
      await refundState.created(c, manager, refund.id, refund.status, refund.reason, refund.requestedBy);
      await this.jobs.send(c, executeRefundJob, { refundId: refund.id }, { idempotencyKey: refund.id });
      return refund;
    });
  }

  /** The job: sends the refund to WeChat (same out_refund_no every time) and takes its answer. */
  async execute(ctx: RequestContext, refundId: string): Promise<void> {
    const refund = await this.tx.repo(ctx, Refund).findOneBy({ id: refundId });
    if (!refund || !['REQUESTED', 'PROCESSING'].includes(refund.status)) return;
    const payment = await this.tx.repo(ctx, Payment).findOneByOrFail({ id: refund.paymentId });
    const answer = await this.wechat.refund({
      outTradeNo: payment.outTradeNo,
      outRefundNo: refund.outRefundNo,
      refundFen: refund.amountFen,
      totalFen: payment.amountFen,
      reason: refund.reason,
      notifyUrl: this.notifyUrl,
    });
    await this.applyState(
      ctx,
      refund.outRefundNo,
      answer.status,
      answer.refund_id,
      answer.amount.refund,
      answer.success_time,
    );
  }

  /**
   * Takes WeChat's word on a refund (answer, notification or query) in one transaction
   * with the refund row locked. SUCCESS adds to the payment's refunded sum, never past
   * the paid amount. Repeats change nothing.
   */
  async applyState(
    ctx: RequestContext,
    outRefundNo: string,
    state: WechatRefundStatus,
    wechatRefundId: string,
    amountFen: number,
    successTime?: string,
  ): Promise<'processed' | 'duplicate'> {
    return this.tx.run(ctx, async (c) => {
      const manager = this.tx.manager(c);
      const refund = await manager.findOne(Refund, {
        where: { outRefundNo },
        lock: { mode: 'pessimistic_write' },
      });
      if (!refund) throw PaymentErrors.REFUND_NOT_FOUND({ outRefundNo });
      if (amountFen !== refund.amountFen) {
        throw PaymentErrors.PAYMENT_AMOUNT_MISMATCH({ expected: refund.amountFen, got: amountFen });
      }
      const to: RefundStatus = state;
      if (refund.status === to || !refundMachine.can(refund.status, to)) return 'duplicate';
      await refundState.transition(
        c,
        manager,
        refund,
        to,
        `WeChat refund ${wechatRefundId}: ${state}`,
        {
          wechatRefundId,
          succeededAt: to === 'SUCCESS' ? new Date(successTime ?? Date.now()) : null,
        },
        'wechat',
      );
      if (to === 'SUCCESS') {
        const { affected } = await manager
          .createQueryBuilder()
          .update(Payment)
          .set({ refundedFen: () => `refunded_fen + ${refund.amountFen}` })
          .where('id = :id AND refunded_fen + :amt <= amount_fen', {
            id: refund.paymentId,
            amt: refund.amountFen,
          })
          .execute();
        if (!affected) throw PaymentErrors.REFUND_EXCEEDS_PAID({ paymentId: refund.paymentId });
      }
      if (to !== 'PROCESSING' && this.listener) {
        await this.listener.onRefunded(c, {
          refundId: refund.id,
          paymentId: refund.paymentId,
          orderId: refund.orderId,
          amountFen: refund.amountFen,
          requestedBy: refund.requestedBy,
          status: to,
        });
      }
      return 'processed';
    });
  }

  /** Reconciliation: re-sends refunds stuck before WeChat and asks WeChat about unfinished ones. */
  async reconcile(ctx: RequestContext, minAgeMs: number): Promise<number> {
    const stuck = await this.tx.repo(ctx, Refund).find({
      where: {
        status: In(['REQUESTED', 'PROCESSING', 'ABNORMAL']),
        updatedAt: LessThan(new Date(Date.now() - minAgeMs)),
      },
      take: 200,
      order: { createdAt: 'ASC' },
    });
    for (const r of stuck) {
      try {
        if (r.status === 'REQUESTED') {
          await this.execute(ctx, r.id);
        } else {
          const q = await this.wechat.queryRefund(r.outRefundNo);
          await this.applyState(ctx, r.outRefundNo, q.status, q.refund_id, q.amount.refund, q.success_time);
        }
      } catch (err) {
        if (!(err instanceof WechatError)) throw err;
        this.logger.warn(
          { err, outRefundNo: r.outRefundNo },
          'refund reconciliation failed; next round retries',
        );
      }
    }
    return stuck.length;
  }

  /** Every refund of an order, newest first. */
  list(ctx: RequestContext, orderId: string): Promise<Refund[]> {
    return this.tx.repo(ctx, Refund).find({ where: { orderId }, order: { createdAt: 'DESC' } });
  }
}
