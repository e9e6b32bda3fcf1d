import { createHash } from 'node:crypto';
import WxPay from 'wechatpay-node-v3';
import type { WechatClientOptions, WechatConfig } from './wechat.config';
import { WechatError, WechatVerifyCode } from './wechat.errors';
import {
  decryptResource,
  paySignMessage,
  randomNonce,
  requestMessage,
  type EncryptedResource,
} from './wechat-pay.crypto';
import type {
  JsapiPrepayInput,
  RefundInput,
  RequestPaymentParams,
  TradeBill,
  TransferInput,
  WechatNotification,
  WechatRefund,
  WechatTransaction,
  WechatTransferBill,
} from './wechat-pay.types';
import { WechatPayVerifier, type HeaderSource } from './wechat-pay.verifier';

const NOTIFICATION_EVENTS = new Set([
  'TRANSACTION.SUCCESS',
  'REFUND.SUCCESS',
  'REFUND.ABNORMAL',
  'REFUND.CLOSED',
  'MCHTRANSFER.BILL.FINISHED',
]);

/** RFC 3339 in China time, the only time format WeChat Pay accepts. */
function cstTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/**
 * WeChat Pay API v3 client (direct merchant, JSAPI).
 *
 * wechatpay-node-v3 supplies the RSA pieces (sha256WithRsa for request signatures and paySign,
 * verifySign, publicEncrypt). Its call wrappers are not used: they hard-code
 * https://api.mch.weixin.qq.com (so they cannot reach the simulator), know only the old batch
 * transfer API and no "WeChat Pay public key id". The transport below is ours: configurable base
 * URL, global fetch, every answer verified before it is read.
 */
export class WechatPayClient {
  private readonly lib: WxPay;
  private readonly verifier: WechatPayVerifier;
  private readonly now: () => number;
  private readonly timeoutMs: number;

  constructor(
    private readonly config: WechatConfig,
    options: WechatClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.lib = new WxPay({
      appid: config.appId,
      mchid: config.mchId,
      serial_no: config.merchantSerial,
      privateKey: Buffer.from(config.merchantPrivateKeyPem),
      publicKey: Buffer.from(config.platformPublicKeyPem),
      key: config.apiV3Key,
    });
    this.verifier = new WechatPayVerifier(config, this.lib, this.now);
  }

  /** SHA256withRSA with the merchant key, base64 (wechatpay-node-v3's sha256WithRsa). */
  signWithMerchantKey(message: string): string {
    return this.lib.sha256WithRsa(message);
  }

  /** The Authorization header value for one request (exposed for tests and the bill download). */
  authorization(method: string, canonicalUrl: string, body: string): string {
    const timestamp = String(Math.floor(this.now() / 1000));
    const nonce = randomNonce();
    const signature = this.signWithMerchantKey(requestMessage(method, canonicalUrl, timestamp, nonce, body));
    return this.lib.getAuthorization(nonce, timestamp, signature);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    payload?: object,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; text: string; headers: Headers }> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    let res: Response;
    try {
      res = await fetch(this.config.payApiBase + path, {
        method,
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'User-Agent': 'CloudShelf/1.0 (node)',
          Authorization: this.authorization(method, path, body),
          ...extraHeaders,
        },
        body: method === 'GET' ? undefined : body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new WechatError('transport', 'NETWORK_ERROR', `${method} ${path}: ${(err as Error).message}`);
    }
    return { status: res.status, text: await res.text(), headers: res.headers };
  }

  /** Sends, verifies the answer's signature, and maps WeChat errors to {@link WechatError}. */
  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    payload?: object,
    extraHeaders?: Record<string, string>,
  ): Promise<T> {
    const { status, text, headers } = await this.send(method, path, payload, extraHeaders);
    if (status >= 200 && status < 300) {
      await this.verifier.verify(headers, text);
      if (text === '') return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw WechatError.verify(WechatVerifyCode.BAD_PAYLOAD, `${method} ${path}: answer is not JSON`);
      }
    }
    let verified = true;
    try {
      await this.verifier.verify(headers, text);
    } catch {
      verified = false;
    }
    let err: { code?: string; message?: string; detail?: unknown } = {};
    try {
      err = JSON.parse(text) as typeof err;
    } catch {
      // a gateway error page; keep the status only
    }
    throw new WechatError(
      'pay',
      err.code ?? `HTTP_${status}`,
      err.message ?? text.slice(0, 200),
      status,
      undefined,
      err.detail,
      verified,
    );
  }

  /** Creates (or re-issues) the prepay id and the signed parameters for wx.requestPayment. */
  async jsapiPrepay(
    input: JsapiPrepayInput,
  ): Promise<{ prepayId: string; requestPaymentParams: RequestPaymentParams }> {
    const { prepay_id } = await this.call<{ prepay_id: string }>('POST', '/v3/pay/transactions/jsapi', {
      appid: this.config.appId,
      mchid: this.config.mchId,
      description: input.description,
      out_trade_no: input.outTradeNo,
      ...(input.timeExpire ? { time_expire: cstTime(input.timeExpire) } : {}),
      ...(input.attach !== undefined ? { attach: input.attach } : {}),
      notify_url: input.notifyUrl,
      amount: { total: input.totalFen, currency: 'CNY' },
      payer: { openid: input.openid },
    });
    return { prepayId: prepay_id, requestPaymentParams: this.requestPaymentParams(prepay_id) };
  }

  /** paySign = SHA256withRSA(merchant key) over appId, timeStamp, nonceStr, package — each followed by "\n". */
  requestPaymentParams(prepayId: string): RequestPaymentParams {
    const timeStamp = String(Math.floor(this.now() / 1000));
    const nonceStr = randomNonce();
    const pkg = `prepay_id=${prepayId}`;
    const paySign = this.signWithMerchantKey(paySignMessage(this.config.appId, timeStamp, nonceStr, pkg));
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  queryByOutTradeNo(outTradeNo: string): Promise<WechatTransaction> {
    return this.call(
      'GET',
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${this.config.mchId}`,
    );
  }

  queryByTransactionId(transactionId: string): Promise<WechatTransaction> {
    return this.call(
      'GET',
      `/v3/pay/transactions/id/${encodeURIComponent(transactionId)}?mchid=${this.config.mchId}`,
    );
  }

  async close(outTradeNo: string): Promise<void> {
    await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
      mchid: this.config.mchId,
    });
  }

  refund(input: RefundInput): Promise<WechatRefund> {
    return this.call('POST', '/v3/refund/domestic/refunds', {
      ...(input.transactionId ? { transaction_id: input.transactionId } : { out_trade_no: input.outTradeNo }),
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
  }

  queryRefund(outRefundNo: string): Promise<WechatRefund> {
    return this.call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
  }

  /** Merchant transfer to the user's balance (the API current since 2025). */
  createTransfer(input: TransferInput): Promise<WechatTransferBill> {
    const extra: Record<string, string> = {};
    let userName: string | undefined;
    if (input.userName) {
      userName = this.lib.publicEncrypt(input.userName, Buffer.from(this.config.platformPublicKeyPem));
      extra['Wechatpay-Serial'] = this.config.platformPublicKeyId;
    }
    return this.call(
      'POST',
      '/v3/fund-app/mch-transfer/transfer-bills',
      {
        appid: this.config.appId,
        out_bill_no: input.outBillNo,
        transfer_scene_id: input.transferSceneId,
        openid: input.openid,
        ...(userName ? { user_name: userName } : {}),
        transfer_amount: input.amountFen,
        transfer_remark: input.remark,
        ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
        ...(input.userRecvPerception ? { user_recv_perception: input.userRecvPerception } : {}),
        transfer_scene_report_infos: input.reportInfos.map((i) => ({
          info_type: i.infoType,
          info_content: i.infoContent,
        })),
      },
      extra,
    );
  }

  queryTransfer(outBillNo: string): Promise<WechatTransferBill> {
    return this.call(
      'GET',
      `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}`,
    );
  }

  cancelTransfer(outBillNo: string): Promise<WechatTransferBill> {
    return this.call(
      'POST',
      `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}/cancel`,
    );
  }

  async tradeBill(billDate: string, billType: 'ALL' | 'SUCCESS' | 'REFUND' = 'ALL'): Promise<TradeBill> {
    const r = await this.call<{ hash_type: string; hash_value: string; download_url: string }>(
      'GET',
      `/v3/bill/tradebill?bill_date=${encodeURIComponent(billDate)}&bill_type=${billType}`,
    );
    return { hashType: r.hash_type, hashValue: r.hash_value, downloadUrl: r.download_url };
  }

  /**
   * Downloads a bill. WeChat does not sign the file itself; its integrity is the SHA1 from tradeBill().
   * The request is signed with the download URL's path and query.
   */
  async downloadBill(bill: TradeBill): Promise<string> {
    const url = new URL(bill.downloadUrl);
    const canonical = url.pathname + url.search;
    let res: Response;
    try {
      res = await fetch(bill.downloadUrl, {
        headers: {
          Accept: '*/*',
          'User-Agent': 'CloudShelf/1.0 (node)',
          Authorization: this.authorization('GET', canonical, ''),
        },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new WechatError('transport', 'NETWORK_ERROR', `bill download: ${(err as Error).message}`);
    }
    const buf = Buffer.from(await res.arrayBuffer());
    if (!res.ok)
      throw new WechatError('pay', `HTTP_${res.status}`, buf.toString('utf8').slice(0, 200), res.status);
    const hash = createHash(bill.hashType.toLowerCase() === 'sha1' ? 'sha1' : bill.hashType.toLowerCase())
      .update(buf)
      .digest('hex');
    if (hash !== bill.hashValue.toLowerCase())
      throw WechatError.verify(WechatVerifyCode.BILL_HASH_MISMATCH, 'bill file hash mismatch');
    return buf.toString('utf8');
  }

  /**
   * Verifies a notification (signature, serial, 5-minute window, nonce not seen before, probe
   * signatures rejected) and decrypts its resource. Pass the raw body exactly as received.
   */
  async verifyAndDecryptNotification(
    headers: HeaderSource,
    rawBody: string | Buffer,
  ): Promise<WechatNotification> {
    await this.verifier.verify(headers, rawBody);
    let envelope: {
      id?: string;
      create_time?: string;
      event_type?: string;
      summary?: string;
      resource?: EncryptedResource;
    };
    try {
      envelope = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
    } catch {
      throw WechatError.verify(WechatVerifyCode.BAD_PAYLOAD, 'notification body is not JSON');
    }
    if (
      !envelope.event_type ||
      !NOTIFICATION_EVENTS.has(envelope.event_type) ||
      !envelope.resource ||
      !envelope.id
    ) {
      throw WechatError.verify(
        WechatVerifyCode.BAD_PAYLOAD,
        `unexpected notification ${envelope.event_type ?? '(no event_type)'}`,
      );
    }
    const plaintext = decryptResource(envelope.resource, this.config.apiV3Key);
    let resource: unknown;
    try {
      resource = JSON.parse(plaintext);
    } catch {
      throw WechatError.verify(WechatVerifyCode.BAD_PAYLOAD, 'decrypted resource is not JSON');
    }
    return {
      id: envelope.id,
      create_time: envelope.create_time ?? '',
      summary: envelope.summary ?? '',
      eventType: envelope.event_type,
      resource,
    } as WechatNotification;
  }
}
