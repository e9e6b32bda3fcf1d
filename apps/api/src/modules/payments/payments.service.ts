import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import {
  WECHAT_CONFIG,
  newMerchantNo,
  WechatError,
  WechatPayClient,
  type RequestPaymentParams,
  type WechatConfig,
  type WechatTransaction,
} from '../../wechat';
import { Payment } from './entities/payment.entity';
import { paymentState } from './payment-state';
import { PAYMENT_LISTENER, type PaymentListener } from './payments.ports';
import { PaymentErrors } from './payments.errors';
import { RefundsService } from './refunds.service';

export interface PrepayInput {
  orderId: string;
  amountFen: number;
  openid: string;
  description: string;
  /** The order's payment deadline (payTimeoutMinutes after creation). */
  expiresAt: Date;
}

export interface PrepayResult {
  paymentId: string;
  outTradeNo: string;
  requestPayment: RequestPaymentParams;
}

/**
 * WeChat Pay for orders: prepay, the one code path that takes a payment (from a
 * notification, an order-page query or the reconciliation job), and closing.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger('Payments');

  constructor(
    private readonly tx: TransactionService,
    private readonly wechat: WechatPayClient,
    private readonly refunds: RefundsService,
    @Inject(WECHAT_CONFIG) private readonly wechatConfig: WechatConfig,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(PAYMENT_LISTENER) private readonly listener?: PaymentListener,
  ) {}

  get notifyUrl(): string {
    return `${this.config.publicBaseUrl}/api/pay/wechat/notify`;
  }

  /**
   * The wx.requestPayment parameters for an order. A repeat (double tap, coming back
   * to the page) re-issues the same out_trade_no with identical parameters, so WeChat
   * can never take two payments for one order through this path.
   */
  async prepay(ctx: RequestContext, input: PrepayInput): Promise<PrepayResult> {
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
      throw PaymentErrors.PAYMENT_AMOUNT_MISMATCH();
    const payment = await this.openPayment(ctx, input);
    let answer: Awaited<ReturnType<WechatPayClient['jsapiPrepay']>>;
    try {
      answer = await this.wechat.jsapiPrepay({
        outTradeNo: payment.outTradeNo,
        description: payment.description,
        totalFen: payment.amountFen,
        openid: payment.payerOpenid,
        notifyUrl: this.notifyUrl,
        timeExpire: payment.expiresAt,
      });
    } catch (err) {
      if (err instanceof WechatError && err.code === 'ORDERPAID') {
        await this.sync(ctx, payment.id);
        throw PaymentErrors.PAYMENT_ALREADY_PAID();
      }
      if (err instanceof WechatError && err.code === 'ORDER_CLOSED')
        throw PaymentErrors.PAYMENT_STATE_INVALID();
      throw this.channelError(err);
    }
    // Outside the WeChat try: a database failure here is not a payment-channel error.
    if (payment.prepayId !== answer.prepayId)
      await this.tx.repo(ctx, Payment).update({ id: payment.id }, { prepayId: answer.prepayId });
    return {
      paymentId: payment.id,
      outTradeNo: payment.outTradeNo,
      requestPayment: answer.requestPaymentParams,
    };
  }

  /** The order's PENDING payment, made if there is none; refuses once the order is paid. */
  private async openPayment(ctx: RequestContext, input: PrepayInput): Promise<Payment> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = await this.tx.run(ctx, async (c) => {
        const repo = this.tx.repo(c, Payment);
        const payments = await repo.find({
          where: { orderId: input.orderId, status: In(['PENDING', 'PAID']) },
        });
        if (payments.some((p) => p.status === 'PAID')) throw PaymentErrors.PAYMENT_ALREADY_PAID();
        const pending = payments.find((p) => p.status === 'PENDING');
        if (pending) {
          if (pending.amountFen !== input.amountFen || pending.payerOpenid !== input.openid) {
            throw PaymentErrors.PAYMENT_STATE_INVALID({ reason: 'order changed after prepay' });
          }
          return pending;
        }
        const inserted = await repo
          .createQueryBuilder()
          .insert()
          .values({
            outTradeNo: newMerchantNo('CS'),
            orderId: input.orderId,
            payerOpenid: input.openid,
            amountFen: input.amountFen,
            description: input.description.slice(0, 127),
            status: 'PENDING',
            expiresAt: input.expiresAt,
          })
          .orIgnore() // a concurrent prepay made it first (partial unique index on the PENDING order)
          .returning('*')
          .execute();
        return inserted.raw.length ? repo.findOneByOrFail({ id: inserted.raw[0].id }) : null;
      });
      if (found) return found;
    }
    throw PaymentErrors.PAYMENT_STATE_INVALID({ reason: 'concurrent prepay' });
  }

  /**
   * Takes a successful WeChat transaction: checks merchant, app and amount, moves the
   * payment to PAID and tells the order side — all in one transaction keyed on
   * out_trade_no (row lock), so repeats and concurrent deliveries change nothing.
   */
  async applyTransaction(
    ctx: RequestContext,
    trx: WechatTransaction,
    source: string,
  ): Promise<'processed' | 'duplicate' | 'ignored'> {
    if (trx.trade_state !== 'SUCCESS') return 'ignored';
    if (trx.mchid !== this.wechatConfig.mchId || trx.appid !== this.wechatConfig.appId) {
      throw PaymentErrors.PAYMENT_AMOUNT_MISMATCH({
        reason: 'merchant or app differs',
        outTradeNo: trx.out_trade_no,
      });
    }
    return this.tx.run(ctx, async (c) => {
      const manager = this.tx.manager(c);
      const payment = await manager.findOne(Payment, {
        where: { outTradeNo: trx.out_trade_no },
        lock: { mode: 'pessimistic_write' },
      });
      if (!payment) throw PaymentErrors.PAYMENT_NOT_FOUND({ outTradeNo: trx.out_trade_no });
      if (trx.amount.total !== payment.amountFen) {
        throw PaymentErrors.PAYMENT_AMOUNT_MISMATCH({ expected: payment.amountFen, got: trx.amount.total });
      }
      if (payment.status === 'PAID') return 'duplicate';
      const otherPaid = await manager
        .getRepository(Payment)
        .count({ where: { orderId: payment.orderId, status: 'PAID' } });
      const paidAt = trx.success_time ? new Date(trx.success_time) : new Date();
      await paymentState.transition(
        c,
        manager,
        payment,
        'PAID',
        `WeChat ${trx.transaction_id}`,
        {
          transactionId: trx.transaction_id ?? null,
          paidAt,
        },
        source,
      );
      const decision = this.listener
        ? await this.listener.onPaid(c, {
            paymentId: payment.id,
            orderId: payment.orderId,
            outTradeNo: payment.outTradeNo,
            amountFen: payment.amountFen,
            transactionId: trx.transaction_id ?? '',
            paidAt,
            duplicate: otherPaid > 0,
          })
        : 'accept';
      if (decision === 'refund') {
        await this.refunds.request(c, {
          paymentId: payment.id,
          amountFen: payment.amountFen,
          reason: otherPaid > 0 ? '重复支付自动退款' : '订单已取消，自动退款',
          requestedBy: otherPaid > 0 ? 'duplicate-payment' : 'late-payment',
        });
      }
      return 'processed';
    });
  }

  /** Asks WeChat about a payment (order page, reconciliation) and takes it if it succeeded. */
  async sync(ctx: RequestContext, paymentId: string): Promise<Payment> {
    const payment = await this.tx.repo(ctx, Payment).findOneBy({ id: paymentId });
    if (!payment) throw PaymentErrors.PAYMENT_NOT_FOUND();
    if (payment.status === 'PAID') return payment;
    let trx: WechatTransaction;
    try {
      trx = await this.wechat.queryByOutTradeNo(payment.outTradeNo);
    } catch (err) {
      if (err instanceof WechatError && err.code === 'ORDER_NOT_EXIST') return payment;
      throw this.channelError(err);
    }
    await this.applyTransaction(ctx, trx, 'query');
    return this.tx.repo(ctx, Payment).findOneByOrFail({ id: paymentId });
  }

  /** Syncs every open payment of an order: what the order page calls when no notification came. */
  async syncOrder(ctx: RequestContext, orderId: string): Promise<Payment[]> {
    const open = await this.tx.repo(ctx, Payment).findBy({ orderId, status: 'PENDING' });
    for (const p of open) await this.sync(ctx, p.id);
    return this.tx.repo(ctx, Payment).findBy({ orderId });
  }

  /**
   * Closes an order's open payments at WeChat before the order is cancelled. If WeChat
   * says one was paid meanwhile, the payment is taken instead and 'paid' is returned.
   */
  async closeOpen(ctx: RequestContext, orderId: string, reason: string): Promise<'closed' | 'paid'> {
    const open = await this.tx.repo(ctx, Payment).findBy({ orderId, status: 'PENDING' });
    for (const p of open) {
      try {
        await this.wechat.close(p.outTradeNo);
      } catch (err) {
        if (!(err instanceof WechatError)) throw this.channelError(err);
        if (err.code === 'ORDERPAID' || err.code === 'ORDER_PAID') {
          if ((await this.sync(ctx, p.id)).status === 'PAID') return 'paid';
        } else if (err.code !== 'ORDER_NOT_EXIST' && err.code !== 'ORDER_CLOSED') {
          throw this.channelError(err);
        }
      }
      await this.tx.run(ctx, async (c) => {
        const manager = this.tx.manager(c);
        const locked = await manager.findOneOrFail(Payment, {
          where: { id: p.id },
          lock: { mode: 'pessimistic_write' },
        });
        if (locked.status === 'PENDING')
          await paymentState.transition(c, manager, locked, 'CLOSED', reason, {}, 'close');
      });
    }
    const paid = await this.tx.repo(ctx, Payment).countBy({ orderId, status: 'PAID' });
    return paid > 0 ? 'paid' : 'closed';
  }

  /** The order's successful WeChat payment (the first, when a late duplicate also succeeded), or null. */
  async paidOf(ctx: RequestContext, orderId: string): Promise<Payment | null> {
    return this.tx.repo(ctx, Payment).findOne({
      where: { orderId, status: 'PAID' },
      order: { paidAt: 'ASC' },
    });
  }

  /** Open payments older than `minAgeMs`, oldest first: the reconciliation job's work list. */
  async stalePending(ctx: RequestContext, minAgeMs: number, limit = 200): Promise<Payment[]> {
    return this.tx.repo(ctx, Payment).find({
      where: { status: 'PENDING', createdAt: LessThan(new Date(Date.now() - minAgeMs)) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  private channelError(err: unknown) {
    this.logger.warn({ err }, 'WeChat Pay call failed');
    return PaymentErrors.PAYMENT_CHANNEL_ERROR({
      wechatCode: err instanceof WechatError ? err.code : 'NETWORK',
    });
  }
}
