/** Where an error came from: a mini-program API, a WeChat Pay API, our own verification, or the network. */
export type WechatErrorSource = 'mini' | 'pay' | 'verify' | 'transport';

/** Codes of failures found by our own checks of WeChat's signatures and payloads. */
export enum WechatVerifyCode {
  MISSING_HEADERS = 'WECHAT_SIGNATURE_HEADERS_MISSING',
  UNKNOWN_SERIAL = 'WECHAT_UNKNOWN_SERIAL',
  STALE_TIMESTAMP = 'WECHAT_STALE_TIMESTAMP',
  REPLAYED_NONCE = 'WECHAT_REPLAYED_NONCE',
  PROBE_SIGNATURE = 'WECHAT_PROBE_SIGNATURE',
  BAD_SIGNATURE = 'WECHAT_BAD_SIGNATURE',
  DECRYPT_FAILED = 'WECHAT_DECRYPT_FAILED',
  BAD_PAYLOAD = 'WECHAT_BAD_PAYLOAD',
  BILL_HASH_MISMATCH = 'WECHAT_BILL_HASH_MISMATCH',
}

/**
 * Every failure of a WeChat call. `code` is WeChat's own (`ORDER_NOT_EXIST`, `SIGN_ERROR`; for mini-program
 * APIs the errcode as a string, e.g. `"40029"`) or one of {@link WechatVerifyCode}, so callers can switch on it.
 */
export class WechatError extends Error {
  override readonly name = 'WechatError';

  constructor(
    readonly source: WechatErrorSource,
    readonly code: string,
    message: string,
    readonly status?: number,
    /** Mini-program APIs only: WeChat's numeric errcode. */
    readonly errcode?: number,
    /** WeChat Pay's `detail`, or extra context. */
    readonly detail?: unknown,
    /** Pay errors: whether the error answer itself carried a valid WeChat signature. */
    readonly verified?: boolean,
  ) {
    super(`${code}: ${message}`);
  }

  static verify(code: WechatVerifyCode, message: string): WechatError {
    return new WechatError('verify', code, message);
  }
}
