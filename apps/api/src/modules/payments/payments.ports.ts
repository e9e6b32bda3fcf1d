import type { RequestContext } from '../../common/request-context';
import type { TransferNotificationResource } from '../../wechat';

/** What the payments module tells the order side, inside its own transaction. */
export interface PaidEvent {
  paymentId: string;
  orderId: string;
  outTradeNo: string;
  amountFen: number;
  transactionId: string;
  paidAt: Date;
  /** Another payment of this order was already PAID. */
  duplicate: boolean;
}

export interface RefundedEvent {
  refundId: string;
  paymentId: string;
  orderId: string;
  amountFen: number;
  requestedBy: string;
  status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
}

/**
 * Implemented by the orders module and provided under PAYMENT_LISTENER. `onPaid`
 * runs in the payment's transaction: answering 'refund' (the order was cancelled,
 * or this is a second payment) makes the payments module refund it in full.
 */
export interface PaymentListener {
  onPaid(ctx: RequestContext, event: PaidEvent): Promise<'accept' | 'refund'>;
  onRefunded(ctx: RequestContext, event: RefundedEvent): Promise<void>;
}

export const PAYMENT_LISTENER = Symbol('PAYMENT_LISTENER');

/**
 * Implemented by the withdrawals module and provided under TRANSFER_LISTENER: hears
 * merchant-transfer results (MCHTRANSFER.BILL.FINISHED) after the notification is verified.
 */
export interface TransferListener {
  onTransferFinished(
    ctx: RequestContext,
    resource: TransferNotificationResource,
  ): Promise<'processed' | 'duplicate'>;
}

export const TRANSFER_LISTENER = Symbol('TRANSFER_LISTENER');
