import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimContext } from './context';
import { platformHeaders, requestMessage, rsaVerify } from './crypto';
import { MiniError, PayError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
const WINDOW_SECONDS = 300;

/** Body parsers that keep the exact bytes: the merchant signature covers the raw body. */
export function installBodyParsers(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const raw = body as string;
    req.rawBody = raw;
    if (raw === '') return done(null, undefined);
    try {
      done(null, JSON.parse(raw));
    } catch {
      const v3 = req.url.startsWith('/v3/');
      done(
        v3
          ? new PayError(400, 'PARAM_ERROR', '请求体不是合法的JSON')
          : new MiniError(47001, 'data format error'),
        undefined,
      );
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (req, body, done) => {
    req.rawBody = body as string;
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}

function parseAuthorization(header: string | undefined): Record<string, string> | null {
  if (!header || !header.startsWith(`${AUTH_SCHEME} `)) return null;
  const params: Record<string, string> = {};
  for (const m of header.slice(AUTH_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) params[m[1]] = m[2];
  return params;
}

function signError(message: string): PayError {
  return new PayError(401, 'SIGN_ERROR', message);
}

/** The checks WeChat Pay makes on every v3 request before looking at the business fields. */
export function verifyMerchantRequest(ctx: SimContext, req: FastifyRequest): void {
  const auth = parseAuthorization(req.headers.authorization);
  if (!auth) throw signError('Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》');
  const { mchid, nonce_str, signature, timestamp, serial_no } = auth;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) {
    throw signError('Http头Authorization缺少必要参数');
  }
  if (mchid !== ctx.creds.mchId) throw new PayError(400, 'MCH_NOT_EXISTS', '商户号不存在');
  if (serial_no !== ctx.creds.merchantSerial)
    throw signError('商户证书序列号有误。请使用签名私钥匹配的证书序列号');
  const skew = Math.abs(Number(timestamp) - Math.floor(ctx.store.now() / 1000));
  if (!/^\d+$/.test(timestamp) || skew > WINDOW_SECONDS)
    throw signError('Http头Authorization中的时间戳与当前时间相差超过5分钟');
  const message = requestMessage(req.method, req.url, timestamp, nonce_str, req.rawBody ?? '');
  if (!rsaVerify(message, signature, ctx.creds.merchantPublicKeyPem)) {
    throw signError('签名错误，请检查后再试');
  }
}

export function installPayAuth(app: FastifyInstance, ctx: SimContext): void {
  app.addHook('preHandler', async (req) => {
    if (req.url.startsWith('/v3/')) verifyMerchantRequest(ctx, req);
  });
  // Every v3 answer, errors included, is signed with the platform key.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/v3/')) return payload;
    let body = '';
    if (typeof payload === 'string') body = payload;
    else if (Buffer.isBuffer(payload)) body = payload.toString('utf8');
    const headers = platformHeaders(
      body,
      Math.floor(ctx.store.now() / 1000),
      ctx.creds.platformPublicKeyId,
      ctx.creds.platformPrivateKeyPem,
    );
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.header('Request-ID', req.id);
    return payload;
  });
}

/** Injected faults (`POST /sim/faults`) answer before the handler runs. */
export function installFaults(app: FastifyInstance, ctx: SimContext): void {
  app.addHook('preHandler', async (req) => {
    const path = req.url.split('?')[0];
    const faults = ctx.store.state.faults;
    const i = faults.findIndex((f) => f.path === path && f.remaining > 0);
    if (i < 0) return;
    const f = faults[i];
    f.remaining -= 1;
    if (f.remaining <= 0) faults.splice(i, 1);
    ctx.store.save();
    if (f.delayMs) await new Promise((r) => setTimeout(r, f.delayMs));
    if (f.delayOnly) return;
    if (path.startsWith('/v3/'))
      throw new PayError(f.status ?? 500, f.code ?? 'SYSTEM_ERROR', f.message ?? '系统错误');
    throw new MiniError(f.errcode ?? -1, f.errmsg ?? 'system error');
  });
}
