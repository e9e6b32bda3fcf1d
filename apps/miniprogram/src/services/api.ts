import Taro from '@tarojs/taro';
import './web-globals';
import {
  ApiError,
  createApiClient,
  requestFetch,
  type MiniRequest,
  type Schemas,
} from '@cloudshelf/api-client';
import { getLoginCode } from './platform';
import { load, remove, save } from './storage';

export { ApiError };
export type { Schemas };

interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
}

const SESSION_KEY = 'cs.session';
let session: Session | undefined = load<Session>(SESSION_KEY);

/** weapp: the configured API host; h5: the page's own origin (the API serves /h5/). */
export function apiBase(): string {
  if (API_BASE) return API_BASE;
  return typeof window !== 'undefined' && window.location ? window.location.origin : '';
}

export const api = createApiClient({
  baseUrl: apiBase(),
  fetch: requestFetch(Taro.request as unknown as MiniRequest),
  getToken: () => session?.accessToken,
});

function setSession(s: Session | undefined): void {
  session = s;
  if (s) save(SESSION_KEY, s);
  else remove(SESSION_KEY);
}

export function sessionToken(): string | undefined {
  return session?.accessToken;
}

export function currentUserId(): string | undefined {
  return session?.userId;
}

let pendingLogin: Promise<void> | undefined;

/** Silent login on first need: wx.login (or the simulator's web authorisation on H5) → wechat-login. */
export function ensureLogin(): Promise<void> {
  if (session) return Promise.resolve();
  pendingLogin ??= (async () => {
    const code = await getLoginCode();
    const { data } = await api.POST('/api/app/auth/wechat-login', { body: { code } });
    setSession({ accessToken: data!.accessToken, refreshToken: data!.refreshToken, userId: data!.userId });
  })().finally(() => {
    pendingLogin = undefined;
  });
  return pendingLogin;
}

let pendingRefresh: Promise<void> | undefined;

/** An expired access token: swap the refresh token once; if that fails too, log in again. */
function renew(): Promise<void> {
  pendingRefresh ??= (async () => {
    const old = session;
    setSession(undefined);
    if (old?.refreshToken) {
      try {
        const { data } = await api.POST('/api/app/auth/refresh', {
          body: { refreshToken: old.refreshToken },
        });
        setSession({ accessToken: data!.accessToken, refreshToken: data!.refreshToken, userId: old.userId });
        return;
      } catch {
        // the refresh token is gone too: fall through to a fresh login
      }
    }
    await ensureLogin();
  })().finally(() => {
    pendingRefresh = undefined;
  });
  return pendingRefresh;
}

/**
 * Runs a call that needs the user: logs in silently first, and on a 401 renews the session and
 * tries once more. Rejects with ApiError; the page decides what to show.
 */
export async function authed<T>(call: () => Promise<{ data?: T }>): Promise<T> {
  await ensureLogin();
  try {
    return (await call()).data as T;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      await renew();
      return (await call()).data as T;
    }
    throw e;
  }
}

/** A call that works without a user (browsing); sends the token when there is one. */
export async function open<T>(call: () => Promise<{ data?: T }>): Promise<T> {
  try {
    return (await call()).data as T;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && session) {
      setSession(undefined);
      return (await call()).data as T;
    }
    throw e;
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** One Idempotency-Key per tap: a retry of the same tap sends the same key. */
export function newIdempotencyKey(): string {
  let s = '';
  for (let i = 0; i < 24; i++) s += ALNUM[Math.floor(Math.random() * ALNUM.length)];
  return s;
}

/** The Chinese message to show for a failed call; logs the code for support. */
export function errorText(e: unknown, fallback = '操作失败，请稍后重试'): string {
  if (e instanceof ApiError) {
    console.warn('[api]', e.status, e.code, e.message);
    if (e.code === 'NETWORK_ERROR') return '网络不太好，请稍后重试';
    return e.message || fallback;
  }
  console.warn('[api]', e);
  return fallback;
}
