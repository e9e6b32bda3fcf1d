import { constants, privateDecrypt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SimContext } from './context';
import { PayError, paramError } from './errors';

/** From 2000 yuan on WeChat requires the receiver's real name, encrypted with the platform public key. */
export const USER_NAME_THRESHOLD_FEN = 200_000;

/**
 * Reads a transfer's `user_name` as WeChat does: the `Wechatpay-Serial` header must name the
 * platform key it was encrypted with (here the `PUB_KEY_ID_…`), and the value must decrypt with
 * that key's private half (RSA-OAEP, SHA-1/MGF1, base64). Returns the plain name, or undefined
 * when none was sent. Missing at or above the threshold → `400 PARAM_ERROR`.
 */
export function readUserName(
  ctx: SimContext,
  req: FastifyRequest,
  cipher: unknown,
  amountFen: number,
): string | undefined {
  if (cipher === undefined || cipher === '') {
    if (amountFen >= USER_NAME_THRESHOLD_FEN)
      throw paramError('user_name', '转账金额>=2000元时，收款用户姓名必填');
    return undefined;
  }
  const serial = req.headers['wechatpay-serial'];
  if (typeof serial !== 'string' || !serial) {
    throw new PayError(400, 'PARAM_ERROR', '请求参数含敏感信息时，HTTP头Wechatpay-Serial必填', {
      field: 'Wechatpay-Serial',
      location: 'header',
      issue: 'missing',
    });
  }
  if (serial !== ctx.creds.platformPublicKeyId) {
    throw new PayError(400, 'PARAM_ERROR', 'Wechatpay-Serial对应的微信支付公钥或平台证书不存在', {
      field: 'Wechatpay-Serial',
      value: serial,
      location: 'header',
    });
  }
  let plain: string;
  try {
    plain = privateDecrypt(
      { key: ctx.creds.platformPrivateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(String(cipher), 'base64'),
    ).toString('utf8');
  } catch {
    throw paramError('user_name', '敏感信息解密失败，请使用Wechatpay-Serial对应的公钥加密');
  }
  if (!plain.trim()) throw paramError('user_name', '收款用户姓名不能为空');
  return plain;
}
