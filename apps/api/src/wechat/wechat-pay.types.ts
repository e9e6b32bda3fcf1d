/** WeChat Pay v3 shapes, field names as on the wire. Amounts are integer fen. */

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface WechatTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: TradeState;
  trade_state_desc: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount: { total: number; payer_total?: number; currency: string; payer_currency?: string };
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface WechatRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel: string;
  user_received_account: string;
  success_time?: string;
  create_time: string;
  status: RefundStatus;
  amount: {
    total: number;
    refund: number;
    payer_total: number;
    payer_refund: number;
    settlement_refund?: number;
    settlement_total?: number;
    discount_refund?: number;
    currency: string;
  };
}

export type TransferState =
  | 'ACCEPTED'
  | 'PROCESSING'
  | 'WAIT_USER_CONFIRM'
  | 'TRANSFERING'
  | 'SUCCESS'
  | 'FAIL'
  | 'CANCELING'
  | 'CANCELLED';

export interface WechatTransferBill {
  out_bill_no: string;
  transfer_bill_no: string;
  create_time?: string;
  update_time?: string;
  state: TransferState;
  package_info?: string;
  fail_reason?: string;
  transfer_amount?: number;
  openid?: string;
}

export interface JsapiPrepayInput {
  outTradeNo: string;
  description: string;
  totalFen: number;
  openid: string;
  notifyUrl: string;
  attach?: string;
  /** Order deadline; sent as RFC 3339 in China time. */
  timeExpire?: Date;
}

/** The object the mini-program passes to wx.requestPayment (all strings). */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface RefundInput {
  outTradeNo?: string;
  transactionId?: string;
  outRefundNo: string;
  refundFen: number;
  totalFen: number;
  reason?: string;
  notifyUrl?: string;
}

export interface TransferInput {
  outBillNo: string;
  /** e.g. "1005" (佣金报酬); must be enabled for the merchant. */
  transferSceneId: string;
  openid: string;
  amountFen: number;
  remark: string;
  notifyUrl?: string;
  /** Real name; required by WeChat from 2000 yuan up. Encrypted with the platform key before sending. */
  userName?: string;
  userRecvPerception?: string;
  reportInfos: { infoType: string; infoContent: string }[];
}

export interface TradeBill {
  hashType: string;
  hashValue: string;
  downloadUrl: string;
}

export interface TransferNotificationResource {
  out_bill_no: string;
  transfer_bill_no: string;
  state: TransferState;
  fail_reason?: string;
  transfer_amount: number;
  openid: string;
  create_time: string;
  update_time: string;
  mch_id?: string;
}

export interface RefundNotificationResource {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  out_refund_no: string;
  refund_id: string;
  refund_status: RefundStatus;
  success_time?: string;
  user_received_account: string;
  amount: { total: number; refund: number; payer_total: number; payer_refund: number };
}

interface NotificationBase {
  id: string;
  create_time: string;
  summary: string;
}

/** A verified, decrypted notification, discriminated by `eventType`. */
export type WechatNotification =
  | (NotificationBase & { eventType: 'TRANSACTION.SUCCESS'; resource: WechatTransaction })
  | (NotificationBase & {
      eventType: 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED';
      resource: RefundNotificationResource;
    })
  | (NotificationBase & { eventType: 'MCHTRANSFER.BILL.FINISHED'; resource: TransferNotificationResource });
