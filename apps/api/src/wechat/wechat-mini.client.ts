import type { WechatClientOptions, WechatConfig } from './wechat.config';
import { WechatError } from './wechat.errors';

export interface Code2SessionResult {
  openid: string;
  /** Server-side only: never send it to the mini-program. */
  sessionKey: string;
  unionid?: string;
}

export interface PhoneNumber {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface UnlimitedCodeInput {
  /** 1–32 visible characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]. */
  scene: string;
  page?: string;
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  width?: number;
}

export interface SubscribeMessageInput {
  toUser: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';
}

/** 发货信息录入: one payment's shipping information (logistics 1 express, 4 self-collection). */
export interface ShippingInfoInput {
  /** The payment: WeChat's transaction id (order_number_type 2). */
  transactionId: string;
  logisticsType: 1 | 2 | 3 | 4;
  shippingList: {
    /** Express only. */
    trackingNo?: string;
    /** Express only: the delivery id of WeChat's carrier list (SF, ZTO, …). */
    expressCompany?: string;
    /** ≤ 120 characters. */
    itemDesc: string;
    /** Masked phone (138****0000); required by WeChat for SF Express. */
    receiverContact?: string;
  }[];
  uploadTime: Date;
  payerOpenid: string;
}

/** RFC 3339 in China time with milliseconds, as WeChat's examples (2022-12-15T13:29:35.120+08:00). */
function cstMillis(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/Z$/, '+08:00');
}

/** Refresh a little before WeChat's expiry so a token never dies mid-request. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TOKEN_ERRCODES = new Set([40001, 42001, 40014]);

/** Mini-program server APIs (login, access token, phone number, mini-program codes, subscribe messages). */
export class WechatMiniClient {
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private token?: { value: string; expiresAt: number };
  private pendingToken?: Promise<string>;

  constructor(
    private readonly config: WechatConfig,
    options: WechatClientOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private async http(path: string, init: { method: 'GET' | 'POST'; body?: object }): Promise<Response> {
    try {
      return await fetch(this.config.apiBase + path, {
        method: init.method,
        headers: init.body ? { 'Content-Type': 'application/json' } : undefined,
        body: init.body ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new WechatError(
        'transport',
        'NETWORK_ERROR',
        `${init.method} ${path.split('?')[0]}: ${(err as Error).message}`,
      );
    }
  }

  /** WeChat answers errors as HTTP 200 `{errcode, errmsg}`; anything non-zero becomes a WechatError. */
  private async json<T>(res: Response, path: string): Promise<T> {
    const text = await res.text();
    let data: { errcode?: number; errmsg?: string };
    try {
      data = JSON.parse(text) as typeof data;
    } catch {
      throw new WechatError('mini', `HTTP_${res.status}`, `${path}: answer is not JSON`, res.status);
    }
    if (data.errcode !== undefined && data.errcode !== 0) {
      throw new WechatError(
        'mini',
        String(data.errcode),
        data.errmsg ?? 'unknown error',
        res.status,
        data.errcode,
      );
    }
    if (!res.ok)
      throw new WechatError('mini', `HTTP_${res.status}`, `${path}: HTTP ${res.status}`, res.status);
    return data as T;
  }

  private query(params: Record<string, string>): string {
    return new URLSearchParams(params).toString();
  }

  async code2session(jsCode: string): Promise<Code2SessionResult> {
    const path = `/sns/jscode2session?${this.query({ appid: this.config.appId, secret: this.config.appSecret, js_code: jsCode, grant_type: 'authorization_code' })}`;
    const r = await this.json<{ openid: string; session_key: string; unionid?: string }>(
      await this.http(path, { method: 'GET' }),
      '/sns/jscode2session',
    );
    return { openid: r.openid, sessionKey: r.session_key, ...(r.unionid ? { unionid: r.unionid } : {}) };
  }

  /**
   * The stable access token (`/cgi-bin/stable_token`), cached until shortly before it expires.
   * Concurrent callers share one request; `forceRefresh` is for a token WeChat rejected.
   */
  async getAccessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt > this.now()) return this.token.value;
    if (this.pendingToken) return this.pendingToken;
    this.pendingToken = (async () => {
      const res = await this.http('/cgi-bin/stable_token', {
        method: 'POST',
        body: {
          grant_type: 'client_credential',
          appid: this.config.appId,
          secret: this.config.appSecret,
          force_refresh: forceRefresh,
        },
      });
      const r = await this.json<{ access_token: string; expires_in: number }>(res, '/cgi-bin/stable_token');
      this.token = { value: r.access_token, expiresAt: this.now() + r.expires_in * 1000 - TOKEN_MARGIN_MS };
      return r.access_token;
    })().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  /** Calls an access-token API; a token WeChat calls invalid or expired is refreshed once. */
  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(await this.getAccessToken());
    } catch (err) {
      if (!(err instanceof WechatError) || err.errcode === undefined || !TOKEN_ERRCODES.has(err.errcode))
        throw err;
      this.token = undefined;
      return call(await this.getAccessToken(true));
    }
  }

  getPhoneNumber(code: string): Promise<PhoneNumber> {
    return this.withToken(async (token) => {
      const res = await this.http(
        `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
        { method: 'POST', body: { code } },
      );
      const r = await this.json<{ phone_info: PhoneNumber }>(res, '/wxa/business/getuserphonenumber');
      const { phoneNumber, purePhoneNumber, countryCode } = r.phone_info;
      return { phoneNumber, purePhoneNumber, countryCode };
    });
  }

  /** The image of an unlimited mini-program code. WeChat answers JSON instead of an image on error. */
  getUnlimitedCode(input: UnlimitedCodeInput): Promise<Buffer> {
    return this.withToken(async (token) => {
      const res = await this.http(`/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: {
          scene: input.scene,
          ...(input.page ? { page: input.page } : {}),
          ...(input.checkPath !== undefined ? { check_path: input.checkPath } : {}),
          ...(input.envVersion ? { env_version: input.envVersion } : {}),
          ...(input.width ? { width: input.width } : {}),
        },
      });
      const type = res.headers.get('content-type') ?? '';
      if (type.includes('json') || type.startsWith('text/')) {
        await this.json(res, '/wxa/getwxacodeunlimit');
        throw new WechatError(
          'mini',
          `HTTP_${res.status}`,
          'getwxacodeunlimit answered without an image',
          res.status,
        );
      }
      return Buffer.from(await res.arrayBuffer());
    });
  }

  sendSubscribeMessage(input: SubscribeMessageInput): Promise<void> {
    return this.withToken(async (token) => {
      const data = Object.fromEntries(Object.entries(input.data).map(([k, value]) => [k, { value }]));
      const res = await this.http(
        `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          body: {
            touser: input.toUser,
            template_id: input.templateId,
            ...(input.page ? { page: input.page } : {}),
            data,
            ...(input.miniprogramState ? { miniprogram_state: input.miniprogramState } : {}),
            lang: input.lang ?? 'zh_CN',
          },
        },
      );
      await this.json(res, '/cgi-bin/message/subscribe/send');
    });
  }

  /** Uploads a payment's shipping information (`/wxa/sec/order/upload_shipping_info`), unified delivery. */
  uploadShippingInfo(input: ShippingInfoInput): Promise<void> {
    return this.withToken(async (token) => {
      const res = await this.http(
        `/wxa/sec/order/upload_shipping_info?access_token=${encodeURIComponent(token)}`,
        {
          method: 'POST',
          body: {
            order_key: { order_number_type: 2, transaction_id: input.transactionId },
            logistics_type: input.logisticsType,
            delivery_mode: 1,
            shipping_list: input.shippingList.map((s) => ({
              ...(s.trackingNo ? { tracking_no: s.trackingNo } : {}),
              ...(s.expressCompany ? { express_company: s.expressCompany } : {}),
              item_desc: s.itemDesc,
              ...(s.receiverContact ? { contact: { receiver_contact: s.receiverContact } } : {}),
            })),
            upload_time: cstMillis(input.uploadTime),
            payer: { openid: input.payerOpenid },
          },
        },
      );
      await this.json(res, '/wxa/sec/order/upload_shipping_info');
    });
  }
}
