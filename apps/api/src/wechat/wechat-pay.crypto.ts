import { createDecipheriv, randomInt } from 'node:crypto';
import { WechatError, WechatVerifyCode } from './wechat.errors';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomNonce(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

/**
 * The message a merchant signs: each line ends with "\n", the body is empty for GET.
 * Built here rather than with wechatpay-node-v3's getSignature(), which drops the body line of a
 * POST without a body (e.g. cancelling a transfer) and then fails WeChat's check.
 */
export function requestMessage(
  method: string,
  canonicalUrl: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method}\n${canonicalUrl}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** The message behind `paySign` of wx.requestPayment. */
export function paySignMessage(appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`;
}

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

/**
 * AEAD_AES_256_GCM decryption of a notification resource. Written here because wechatpay-node-v3's
 * decipher_gcm() never calls final(), so the GCM tag is not checked and a forged ciphertext decrypts
 * to garbage instead of failing.
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw WechatError.verify(WechatVerifyCode.DECRYPT_FAILED, `unsupported algorithm ${resource.algorithm}`);
  }
  try {
    const data = Buffer.from(resource.ciphertext, 'base64');
    if (data.length < 17) throw new Error('ciphertext too short');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key, 'ascii'),
      Buffer.from(resource.nonce, 'ascii'),
    );
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'ascii'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch (err) {
    throw WechatError.verify(
      WechatVerifyCode.DECRYPT_FAILED,
      `cannot decrypt resource: ${(err as Error).message}`,
    );
  }
}
