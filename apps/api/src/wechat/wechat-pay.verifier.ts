import { createPublicKey } from 'node:crypto';
import WxPay from 'wechatpay-node-v3';
import { NonceCache } from './nonce-cache';
import { SIGNATURE_WINDOW_SECONDS, type WechatConfig } from './wechat.config';
import { WechatError, WechatVerifyCode } from './wechat.errors';

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const PROBE_PREFIX = 'WECHATPAY/SIGNTEST/';

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

/** wechatpay-node-v3 keeps its verification keys in one static map (serial → public key PEM). */
const libKeys = (WxPay as unknown as { certificates: Record<string, string> }).certificates;

/**
 * Checks the `Wechatpay-*` signature of a WeChat Pay response or notification.
 * Order matters: cheap structural checks first, the RSA check next, and the nonce is remembered only
 * once the signature is good, so forged messages cannot fill the cache or block a real one.
 */
export class WechatPayVerifier {
  private readonly keys = new Map<string, string>();
  private readonly nonces = new NonceCache(2 * SIGNATURE_WINDOW_SECONDS * 1000);

  constructor(
    config: WechatConfig,
    private readonly lib: WxPay,
    private readonly now: () => number,
  ) {
    this.keys.set(config.platformPublicKeyId, config.platformPublicKeyPem);
    for (const [serial, certPem] of Object.entries(config.platformCertificates ?? {})) {
      this.keys.set(serial, createPublicKey(certPem).export({ type: 'spki', format: 'pem' }).toString());
    }
  }

  async verify(headers: HeaderSource, rawBody: string | Buffer): Promise<void> {
    const timestamp = header(headers, 'wechatpay-timestamp');
    const nonce = header(headers, 'wechatpay-nonce');
    const signature = header(headers, 'wechatpay-signature');
    const serial = header(headers, 'wechatpay-serial');
    if (!timestamp || !nonce || !signature || !serial) {
      throw WechatError.verify(
        WechatVerifyCode.MISSING_HEADERS,
        'Wechatpay-Timestamp/Nonce/Signature/Serial required',
      );
    }
    const type = header(headers, 'wechatpay-signature-type');
    if (type && type !== 'WECHATPAY2-SHA256-RSA2048') {
      throw WechatError.verify(WechatVerifyCode.BAD_SIGNATURE, `unsupported signature type ${type}`);
    }
    if (signature.startsWith(PROBE_PREFIX)) {
      throw WechatError.verify(
        WechatVerifyCode.PROBE_SIGNATURE,
        'WeChat probe signature (must fail verification)',
      );
    }
    const key = this.keys.get(serial);
    if (!key) throw WechatError.verify(WechatVerifyCode.UNKNOWN_SERIAL, `unknown Wechatpay-Serial ${serial}`);
    const skew = Math.abs(Math.floor(this.now() / 1000) - Number(timestamp));
    if (!/^\d+$/.test(timestamp) || skew > SIGNATURE_WINDOW_SECONDS) {
      throw WechatError.verify(
        WechatVerifyCode.STALE_TIMESTAMP,
        `timestamp ${timestamp} is ${skew}s away from now`,
      );
    }
    const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
    // Seed the library's map with our key just before use: the serial was checked above, so its
    // fallback (downloading certificates from the hard-coded production host) never runs.
    libKeys[serial] = key;
    let ok: boolean;
    try {
      ok = await this.lib.verifySign({ timestamp, nonce, body, serial, signature });
    } catch {
      ok = false;
    }
    if (!ok) throw WechatError.verify(WechatVerifyCode.BAD_SIGNATURE, 'Wechatpay-Signature does not match');
    if (!this.nonces.add(nonce, this.now())) {
      throw WechatError.verify(WechatVerifyCode.REPLAYED_NONCE, `nonce ${nonce} was already used`);
    }
  }
}
