import { ApiError, createApiClient, type Schemas } from '@cloudshelf/api-client';
import { getTokens, sessionFetch } from './session';

export { ApiError };
export type { Schemas };

export const baseUrl = typeof window === 'undefined' ? '' : window.location.origin;

/** The one client every screen uses (typed by the committed OpenAPI document). */
export const api = createApiClient({
  baseUrl,
  fetch: sessionFetch(baseUrl, (...args) => fetch(...args)),
  getToken: () => getTokens()?.accessToken,
});

/** Unwraps `{ data }` (the client already rejects with ApiError on a failure). */
export async function call<T>(p: Promise<{ data?: T }>): Promise<T> {
  const { data } = await p;
  return data as T;
}

/**
 * Downloads a file the API serves behind the bearer token (CSV exports, code sheets, PNGs)
 * through the same session-aware fetch, and saves it under `filename`.
 */
export async function download(path: string, filename: string): Promise<void> {
  const res = await sessionFetch(baseUrl)(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${getTokens()?.accessToken ?? ''}` },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    throw new ApiError(res.status, (body?.code ?? 'INTERNAL') as never, body?.message ?? res.statusText);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A query string from defined, non-empty values. */
export function qs(params: Record<string, unknown>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** A multipart body with one `file` field, for the upload endpoints (images, bulk-shipping CSV). */
export function fileBody(file: Blob) {
  return {
    body: { file } as never,
    // The document types the binary field as a string; the browser sends the Blob.
    bodySerializer: ((b: { file: Blob }) => {
      const form = new FormData();
      form.append('file', b.file);
      return form;
    }) as never,
  };
}
