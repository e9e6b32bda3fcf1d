/**
 * Everything the WeChat clients need. Production points `apiBase` at https://api.weixin.qq.com and
 * `payApiBase` at https://api.mch.weixin.qq.com; development and tests point both at the simulator.
 */
export interface WechatConfig {
  /** Mini-program server API host, no trailing slash. */
  apiBase: string;
  appId: string;
  appSecret: string;
  /** WeChat Pay API v3 host, no trailing slash. */
  payApiBase: string;
  mchId: string;
  /** Serial number of the merchant API certificate (hex, upper case). */
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  /** APIv3 key: 32 ASCII characters, the AES-256-GCM key of notifications. */
  apiV3Key: string;
  /** "WeChat Pay public key" mode (merchants since 2024): the key and its id `PUB_KEY_ID_…`. */
  platformPublicKeyPem: string;
  platformPublicKeyId: string;
  /** Older "platform certificate" mode: certificate serial → certificate PEM. Both modes may be active. */
  platformCertificates?: Record<string, string>;
}

export interface WechatClientOptions {
  /** Milliseconds since the epoch; injected in tests. */
  now?: () => number;
  /** Per-request timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
}

/** Five minutes: the largest clock skew accepted on a signed message. */
export const SIGNATURE_WINDOW_SECONDS = 300;
