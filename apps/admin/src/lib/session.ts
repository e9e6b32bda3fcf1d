/**
 * The admin session: tokens in localStorage, one refresh in flight at a time, and an
 * "expired" signal the shell turns into the login page.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const KEY = 'cloudshelf.admin.session';
type Listener = () => void;
const listeners = new Set<Listener>();

export function getTokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function setTokens(t: Tokens | null): void {
  if (t)
    localStorage.setItem(KEY, JSON.stringify({ accessToken: t.accessToken, refreshToken: t.refreshToken }));
  else localStorage.removeItem(KEY);
}

/** Called when the session ends without the user asking (refresh refused). */
export function onExpired(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function expire(): void {
  setTokens(null);
  listeners.forEach((fn) => fn());
}

let refreshing: Promise<boolean> | null = null;

/** Swaps the refresh token for a new pair; concurrent callers share one request. */
export function refreshOnce(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  refreshing ??= (async () => {
    const tokens = getTokens();
    if (!tokens) return false;
    try {
      const res = await fetchImpl(`${baseUrl}/api/admin/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: tokens.refreshToken }),
      });
      if (!res.ok) return false;
      setTokens((await res.json()) as Tokens);
      return true;
    } catch {
      return false;
    }
  })().finally(() => (refreshing = null));
  return refreshing;
}

/**
 * A fetch that, on a 401 from anything but the auth endpoints, refreshes the session
 * once and repeats the request with the new token; if that fails the session expires.
 */
export function sessionFetch(baseUrl: string, fetchImpl: typeof fetch = fetch): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const retry = req.clone();
    const res = await fetchImpl(req);
    if (res.status !== 401 || /\/api\/admin\/auth\/(login|refresh)/.test(req.url)) return res;
    if (!(await refreshOnce(baseUrl, fetchImpl))) {
      expire();
      return res;
    }
    retry.headers.set('Authorization', `Bearer ${getTokens()?.accessToken ?? ''}`);
    return fetchImpl(retry);
  }) as typeof fetch;
}
