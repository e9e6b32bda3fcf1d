import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WechatPayClient } from './wechat-pay.client';
import { decryptResource, paySignMessage, requestMessage } from './wechat-pay.crypto';
import { WechatVerifyCode } from './wechat.errors';
import type { WechatConfig } from './wechat.config';

/** Expected values were produced by openssl and Python (fixtures/generate.sh), not by Node. */
const dir = join(__dirname, 'fixtures');
const ka = JSON.parse(readFileSync(join(dir, 'known-answers.json'), 'utf8'));
const pem = (name: string) => readFileSync(join(dir, name), 'utf8');
const ts = Number(ka.timestamp);

const config: WechatConfig = {
  apiBase: 'http://127.0.0.1:1',
  appId: 'wx0123456789abcdef',
  appSecret: 'unused',
  payApiBase: 'http://127.0.0.1:1',
  mchId: '1900000001',
  merchantSerial: ka.merchantSerial,
  merchantPrivateKeyPem: pem('merchant-key.pem'),
  apiV3Key: ka.apiV3Key,
  platformPublicKeyPem: pem('platform-pub.pem'),
  platformPublicKeyId: ka.platformPublicKeyId,
  platformCertificates: { [ka.platformCertSerial]: pem('platform-cert.pem') },
};

function client(nowSeconds = ts) {
  return new WechatPayClient(config, { now: () => nowSeconds * 1000 });
}

function responseHeaders(overrides: Record<string, string> = {}) {
  return {
    'wechatpay-timestamp': ka.timestamp,
    'wechatpay-nonce': ka.response.nonce,
    'wechatpay-signature': ka.response.signature,
    'wechatpay-serial': ka.platformPublicKeyId,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    ...overrides,
  };
}

describe('known answers: request signatures', () => {
  it('builds the POST and GET messages byte for byte and signs them as openssl does', () => {
    const c = client();
    const post = requestMessage('POST', ka.request.url, ka.timestamp, ka.request.nonce, ka.request.body);
    expect(post).toBe(ka.request.message);
    expect(c.signWithMerchantKey(post)).toBe(ka.request.signature);
    const get = requestMessage('GET', ka.getRequest.url, ka.timestamp, ka.getRequest.nonce, '');
    expect(get).toBe(ka.getRequest.message);
    expect(c.signWithMerchantKey(get)).toBe(ka.getRequest.signature);
  });

  it('computes paySign as openssl does', () => {
    const p = ka.paySign;
    expect(client().signWithMerchantKey(paySignMessage(p.appId, p.timeStamp, p.nonceStr, p.package))).toBe(
      p.signature,
    );
  });

  it('puts every field in the Authorization header', () => {
    const auth = client().authorization('GET', '/v3/x', '');
    expect(auth).toMatch(/^WECHATPAY2-SHA256-RSA2048 /);
    expect(auth).toContain(`mchid="1900000001"`);
    expect(auth).toContain(`serial_no="${ka.merchantSerial}"`);
    expect(auth).toContain(`timestamp="${ka.timestamp}"`);
    expect(auth).toMatch(/nonce_str="[A-Za-z0-9]{32}"/);
  });
});

describe('known answers: response and notification verification', () => {
  const body = ka.response.body;
  const verify = (c: WechatPayClient, headers: Record<string, string>, raw = body) =>
    (c as unknown as { verifier: { verify(h: unknown, b: string): Promise<void> } }).verifier.verify(
      headers,
      raw,
    );

  it('accepts the openssl signature under the public key id and under the certificate serial', async () => {
    await expect(verify(client(), responseHeaders())).resolves.toBeUndefined();
    await expect(
      verify(client(), responseHeaders({ 'wechatpay-serial': ka.platformCertSerial })),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['a tampered body', {}, body.replace('0000', '0001'), WechatVerifyCode.BAD_SIGNATURE],
    [
      'an unknown serial',
      { 'wechatpay-serial': 'PUB_KEY_ID_UNKNOWN' },
      body,
      WechatVerifyCode.UNKNOWN_SERIAL,
    ],
    [
      'a probe signature',
      { 'wechatpay-signature': 'WECHATPAY/SIGNTEST/AAAA' },
      body,
      WechatVerifyCode.PROBE_SIGNATURE,
    ],
    ['missing headers', { 'wechatpay-nonce': '' }, body, WechatVerifyCode.MISSING_HEADERS],
  ])('rejects %s', async (_name, headers, raw, code) => {
    await expect(
      verify(client(), responseHeaders(headers as Record<string, string>), raw),
    ).rejects.toMatchObject({ code });
  });

  it('rejects a timestamp more than 5 minutes away, either side, and accepts 5 minutes exactly', async () => {
    await expect(verify(client(ts + 301), responseHeaders())).rejects.toMatchObject({
      code: WechatVerifyCode.STALE_TIMESTAMP,
    });
    await expect(verify(client(ts - 301), responseHeaders())).rejects.toMatchObject({
      code: WechatVerifyCode.STALE_TIMESTAMP,
    });
    await expect(verify(client(ts + 300), responseHeaders())).resolves.toBeUndefined();
  });

  it('rejects a replayed nonce', async () => {
    const c = client();
    await verify(c, responseHeaders());
    await expect(verify(c, responseHeaders())).rejects.toMatchObject({
      code: WechatVerifyCode.REPLAYED_NONCE,
    });
  });
});

describe('known answers: AEAD_AES_256_GCM', () => {
  it('decrypts the Python-made ciphertext', () => {
    expect(decryptResource({ algorithm: 'AEAD_AES_256_GCM', ...ka.gcm }, ka.apiV3Key)).toBe(ka.gcm.plaintext);
  });

  it('fails on a flipped ciphertext bit, a wrong AAD or a wrong key (the tag is checked)', () => {
    const bytes = Buffer.from(ka.gcm.ciphertext, 'base64');
    bytes[0] ^= 1;
    const flipped = { algorithm: 'AEAD_AES_256_GCM', ...ka.gcm, ciphertext: bytes.toString('base64') };
    expect(() => decryptResource(flipped, ka.apiV3Key)).toThrow(
      expect.objectContaining({ code: WechatVerifyCode.DECRYPT_FAILED }),
    );
    const aad = { algorithm: 'AEAD_AES_256_GCM', ...ka.gcm, associated_data: 'refund' };
    expect(() => decryptResource(aad, ka.apiV3Key)).toThrow(
      expect.objectContaining({ code: WechatVerifyCode.DECRYPT_FAILED }),
    );
    expect(() => decryptResource({ algorithm: 'AEAD_AES_256_GCM', ...ka.gcm }, 'X'.repeat(32))).toThrow(
      expect.objectContaining({ code: WechatVerifyCode.DECRYPT_FAILED }),
    );
  });
});
