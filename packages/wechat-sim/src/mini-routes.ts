import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import type { SimContext } from './context';
import { randomAlnum } from './crypto';
import { MiniError } from './errors';
import { takeConsent } from './mini-subscribe';
import { cstTime, type OneTimeCode } from './state';

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;
/** An access token replaced by a new one stays valid this long (WeChat's overlap window). */
const TOKEN_OVERLAP_MS = 5 * 60_000;
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

export function issueCode(ctx: SimContext, kind: 'loginCodes' | 'phoneCodes', openid: string): string {
  const code = randomAlnum(32);
  ctx.store.state[kind][code] = { openid, expiresAt: ctx.store.now() + CODE_TTL_MS };
  ctx.store.save();
  return code;
}

function useCode(ctx: SimContext, kind: 'loginCodes' | 'phoneCodes', code: unknown): OneTimeCode {
  const entry = typeof code === 'string' ? ctx.store.state[kind][code] : undefined;
  if (!entry || entry.expiresAt < ctx.store.now()) throw new MiniError(40029, 'invalid code');
  if (entry.usedAt) throw new MiniError(40163, 'code been used');
  entry.usedAt = ctx.store.now();
  ctx.store.save();
  return entry;
}

function checkApp(ctx: SimContext, appid: unknown, secret: unknown): void {
  if (appid !== ctx.creds.appId) throw new MiniError(40013, 'invalid appid');
  if (secret !== ctx.creds.appSecret) throw new MiniError(40125, 'invalid appsecret');
}

export function checkToken(ctx: SimContext, token: unknown): void {
  const expiresAt = typeof token === 'string' ? ctx.store.state.accessTokens[token] : undefined;
  if (expiresAt === undefined)
    throw new MiniError(40001, 'invalid credential, access_token is invalid or not latest');
  if (expiresAt < ctx.store.now()) throw new MiniError(42001, 'access_token expired');
}

function newToken(ctx: SimContext): { access_token: string; expires_in: number } {
  const { state } = ctx.store;
  const now = ctx.store.now();
  for (const [t, exp] of Object.entries(state.accessTokens)) {
    if (exp < now - 24 * 3600_000) delete state.accessTokens[t];
    else state.accessTokens[t] = Math.min(exp, now + TOKEN_OVERLAP_MS);
  }
  const token = `${randomAlnum(24)}_${randomAlnum(48)}`;
  state.accessTokens[token] = now + TOKEN_TTL_S * 1000;
  state.stableToken = { token, expiresAt: now + TOKEN_TTL_S * 1000 };
  ctx.store.save();
  return { access_token: token, expires_in: TOKEN_TTL_S };
}

export function registerMiniRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { state } = ctx.store;

  app.get('/sns/jscode2session', async (req) => {
    const q = req.query as Record<string, string | undefined>;
    checkApp(ctx, q.appid, q.secret);
    if (q.grant_type !== 'authorization_code') throw new MiniError(40002, 'invalid grant_type');
    const entry = useCode(ctx, 'loginCodes', q.js_code);
    const user = state.users[entry.openid];
    if (user.risky) throw new MiniError(40226, 'code blocked');
    return {
      openid: user.openid,
      session_key: Buffer.from(randomAlnum(16)).toString('base64'),
      unionid: user.unionid,
    };
  });

  app.get('/cgi-bin/token', async (req) => {
    const q = req.query as Record<string, string | undefined>;
    if (q.grant_type !== 'client_credential') throw new MiniError(40002, 'invalid grant_type');
    checkApp(ctx, q.appid, q.secret);
    return newToken(ctx);
  });

  app.post('/cgi-bin/stable_token', async (req) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (b.grant_type !== 'client_credential') throw new MiniError(40002, 'invalid grant_type');
    checkApp(ctx, b.appid, b.secret);
    const s = state.stableToken;
    if (!b.force_refresh && s && s.expiresAt > ctx.store.now() + 60_000 && state.accessTokens[s.token]) {
      return { access_token: s.token, expires_in: Math.floor((s.expiresAt - ctx.store.now()) / 1000) };
    }
    return newToken(ctx);
  });

  app.post('/wxa/business/getuserphonenumber', async (req) => {
    checkToken(ctx, (req.query as Record<string, string>).access_token);
    const entry = useCode(ctx, 'phoneCodes', ((req.body ?? {}) as { code?: string }).code);
    const user = state.users[entry.openid];
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: user.phoneNumber,
        purePhoneNumber: user.phoneNumber,
        countryCode: '86',
        watermark: { timestamp: Math.floor(ctx.store.now() / 1000), appid: ctx.creds.appId },
      },
    };
  });

  app.post('/wxa/getwxacodeunlimit', async (req, reply) => {
    checkToken(ctx, (req.query as Record<string, string>).access_token);
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (typeof b.scene !== 'string' || !SCENE.test(b.scene)) {
      throw new MiniError(40169, 'invalid length for scene, or the data is not json');
    }
    const page = b.page === undefined ? 'pages/index/index' : b.page;
    if (typeof page !== 'string' || !PAGE.test(page)) throw new MiniError(41030, 'invalid page');
    const env = b.env_version ?? 'release';
    if (!['release', 'trial', 'develop'].includes(env as string))
      throw new MiniError(40097, 'invalid args: env_version');
    const width = b.width === undefined ? 430 : Number(b.width);
    if (!Number.isInteger(width) || width < 280 || width > 1280)
      throw new MiniError(40097, 'invalid args: width');
    // What the phone would open: the page with the scene URI-encoded, as WeChat passes it to onLoad.
    const content = `${page}?scene=${encodeURIComponent(b.scene)}`;
    const png = await QRCode.toBuffer(content, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' });
    return reply.type('image/png').send(png);
  });

  app.post('/cgi-bin/message/subscribe/send', async (req) => {
    checkToken(ctx, (req.query as Record<string, string>).access_token);
    const b = (req.body ?? {}) as Record<string, unknown>;
    const user = typeof b.touser === 'string' ? state.users[b.touser] : undefined;
    if (!user) throw new MiniError(40003, 'invalid openid');
    if (typeof b.template_id !== 'string' || !b.template_id)
      throw new MiniError(40037, 'invalid template_id');
    const data = b.data as Record<string, { value?: unknown }> | undefined;
    if (!data || typeof data !== 'object' || Object.keys(data).length === 0)
      throw new MiniError(47003, 'argument invalid! data is empty');
    for (const [key, v] of Object.entries(data)) {
      if (!v || typeof v.value !== 'string' || v.value.length === 0 || v.value.length > 32 * 5) {
        throw new MiniError(47003, `argument invalid! data.${key}.value invalid`);
      }
    }
    if (user.refuseSubscribe) throw new MiniError(43101, 'user refuse to accept the msg');
    takeConsent(ctx, user.openid, b.template_id);
    state.messages.push({
      at: cstTime(ctx.store.now()),
      touser: user.openid,
      template_id: b.template_id,
      page: typeof b.page === 'string' ? b.page : undefined,
      data,
      miniprogram_state: typeof b.miniprogram_state === 'string' ? b.miniprogram_state : undefined,
    });
    ctx.store.save();
    return { errcode: 0, errmsg: 'ok' };
  });
}
