import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AppError } from '../../common/errors';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { WechatError, WechatPayClient } from '../../wechat';
import { PaymentNotification } from './entities/payment-notification.entity';
import { TRANSFER_LISTENER, type TransferListener } from './payments.ports';
import { PaymentsService } from './payments.service';
import { RefundsService } from './refunds.service';

export type NotifyChannel = 'transaction' | 'refund' | 'transfer';

/** What the notify endpoint answers WeChat: 2xx, or a failure WeChat retries. */
export class NotifyFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const KEPT_HEADERS = [
  'wechatpay-timestamp',
  'wechatpay-nonce',
  'wechatpay-signature',
  'wechatpay-serial',
  'wechatpay-signature-type',
  'request-id',
  'content-type',
];

/**
 * WeChat Pay notifications, in STYLE rule 7's order: verify and decrypt first, keep
 * the raw notification whatever happens, then one transaction keyed on the trade.
 */
@Injectable()
export class PaymentNotificationsService {
  private readonly logger = new Logger('PaymentNotify');

  constructor(
    private readonly tx: TransactionService,
    private readonly wechat: WechatPayClient,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
    @Optional() @Inject(TRANSFER_LISTENER) private readonly transfers?: TransferListener,
  ) {}

  async handle(
    ctx: RequestContext,
    channel: NotifyChannel,
    headers: Record<string, unknown>,
    rawBody: Buffer | string,
  ): Promise<void> {
    const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
    const kept = Object.fromEntries(
      KEPT_HEADERS.filter((h) => headers[h] !== undefined).map((h) => [h, String(headers[h])]),
    );
    // The evidence first, in its own commit: whatever happens next (a failed verification,
    // a rollback, a crash), the raw notification is kept. The outcome is linked afterwards.
    const { id } = await this.store(ctx, channel, kept, body);
    const record = (fields: Partial<PaymentNotification>) =>
      this.tx.repo(ctx, PaymentNotification).update({ id }, fields);

    let notification;
    try {
      notification = await this.wechat.verifyAndDecryptNotification(kept, body);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await record({ outcome: 'rejected', error: message.slice(0, 300) });
      this.logger.warn({ channel, err: message }, 'notification rejected');
      throw new NotifyFailure(401, 'signature verification failed');
    }
    await record({ verified: true, wechatId: notification.id, eventType: notification.eventType });
    try {
      let outcome: string;
      let reference: string;
      if (notification.eventType === 'TRANSACTION.SUCCESS' && channel === 'transaction') {
        reference = notification.resource.out_trade_no;
        await record({ reference });
        outcome = await this.payments.applyTransaction(ctx, notification.resource, 'notify');
      } else if (
        notification.eventType.startsWith('REFUND.') &&
        channel === 'refund' &&
        'out_refund_no' in notification.resource
      ) {
        const r = notification.resource;
        reference = r.out_refund_no;
        await record({ reference });
        outcome = await this.refunds.applyState(
          ctx,
          r.out_refund_no,
          r.refund_status,
          r.refund_id,
          r.amount.refund,
          r.success_time,
        );
      } else if (
        notification.eventType === 'MCHTRANSFER.BILL.FINISHED' &&
        channel === 'transfer' &&
        this.transfers
      ) {
        reference = notification.resource.out_bill_no;
        await record({ reference });
        outcome = await this.transfers.onTransferFinished(ctx, notification.resource);
      } else {
        throw new NotifyFailure(400, `unexpected ${notification.eventType} on the ${channel} endpoint`);
      }
      await record({ outcome, reference });
    } catch (err) {
      const message =
        err instanceof AppError
          ? `${err.code} ${JSON.stringify(err.details ?? {})}`
          : err instanceof Error
            ? err.message
            : String(err);
      await record({ outcome: 'failed', error: message.slice(0, 300) });
      if (err instanceof NotifyFailure) throw err;
      const status =
        err instanceof AppError && err.status < 500 ? 400 : err instanceof WechatError ? 502 : 500;
      this.logger.error({ err, channel }, 'notification not processed; WeChat will retry');
      throw new NotifyFailure(status, message);
    }
  }

  /** Inserts the raw notification outside any transaction (autocommit) before anything else. */
  private store(
    ctx: RequestContext,
    channel: NotifyChannel,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ id: string }> {
    return this.tx
      .repo(new RequestContext(ctx.requestId, ctx.actor), PaymentNotification)
      .save({
        channel,
        headers,
        // PostgreSQL text cannot hold NUL; a body with one is kept escaped, and fails verification anyway.
        body: body.replaceAll('\u0000', '\\u0000'),
        verified: false,
        outcome: 'received',
      })
      .then((row) => ({ id: row.id }));
  }
}
