import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';
export type Schemas = components['schemas'];
export type ErrorCode = Schemas['ErrorCode'];

/** What every failed call rejects with: the API's `{ code, message, details }` plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK_ERROR',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  /** The transport: global fetch in the admin, `requestFetch(Taro.request)` in the mini-program. */
  fetch?: typeof fetch;
  /** Returns the bearer token for each call, if any. */
  getToken?: () => string | undefined | null;
}

export type ApiClient = Client<paths>;

/**
 * A typed client for every path of the API. Calls resolve to `{ data }` and
 * reject with ApiError: the transport never shows toasts or navigates; the page decides.
 */
export function createApiClient(opts: ApiClientOptions): ApiClient {
  const client = createClient<paths>({ baseUrl: opts.baseUrl, fetch: opts.fetch });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = opts.getToken?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ response }) {
      if (response.ok) return response;
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as {
        code?: ErrorCode;
        message?: string;
        details?: Record<string, unknown>;
      } | null;
      throw new ApiError(
        response.status,
        body?.code ?? 'INTERNAL',
        body?.message ?? response.statusText,
        body?.details,
      );
    },
    onError({ error }) {
      return new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
    },
  };
  client.use(auth);
  return client;
}

/** The shape of `wx.request` / `Taro.request`, reduced to what the adapter uses. */
export type MiniRequest = (options: {
  url: string;
  method: string;
  header: Record<string, string>;
  data?: string;
  dataType: 'text' | 'json';
  responseType: 'text';
}) => Promise<{ statusCode: number; header: Record<string, string>; data: unknown }>;

/** Turns a mini-program request function into a `fetch` for openapi-fetch. */
export function requestFetch(request: MiniRequest): typeof fetch {
  return (async (input: Request | string | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const header: Record<string, string> = {};
    req.headers.forEach((v, k) => (header[k] = v));
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.text();
    const res = await request({
      url: req.url,
      method: req.method,
      header,
      data: body || undefined,
      dataType: 'text', // keep the raw text; Response parses it
      responseType: 'text',
    });
    const text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
    const status = res.statusCode;
    return new Response(status === 204 || status === 304 ? null : text, { status, headers: res.header });
  }) as typeof fetch;
}
