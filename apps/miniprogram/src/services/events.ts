import Taro from '@tarojs/taro';
import { api, sessionToken } from './api';

type EventKind = 'view' | 'cart';
interface Pending {
  kind: EventKind;
  productId: string;
  scanCodeId?: string;
  qty?: number;
}

/** The API takes at most 50 events a batch; a phone that cannot send keeps no more than this. */
const MAX_BATCH = 50;
const FLUSH_AFTER_MS = 5_000;

let queue: Pending[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let lastScanCodeId: string | undefined;

/**
 * Product views and add-to-carts for the analytics funnel, batched (POST /api/app/events):
 * sent 5 s after the first event, at 50 events, or when the app goes to the background.
 * Only a logged-in user's events are sent (the API keeps the user id and nothing else);
 * a failed batch is dropped, never retried in a loop, and never blocks the page.
 */
export function track(kind: EventKind, productId: string, qty?: number): void {
  if (!sessionToken()) return;
  queue.push({ kind, productId, scanCodeId: lastScanCodeId, ...(qty ? { qty } : {}) });
  if (queue.length >= MAX_BATCH) void flush();
  else timer ??= setTimeout(() => void flush(), FLUSH_AFTER_MS);
}

/** The shelf code the shopper scanned last: later views and add-to-carts count for it. */
export function rememberScan(scanCodeId: string): void {
  lastScanCodeId = scanCodeId;
}

export async function flush(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const events = queue.splice(0, MAX_BATCH);
  if (!events.length) return;
  try {
    await api.POST('/api/app/events', { body: { events } });
  } catch {
    // Analytics is best effort: a lost batch costs a figure, never the shopper's time.
  }
  if (queue.length) timer = setTimeout(() => void flush(), FLUSH_AFTER_MS);
}

try {
  Taro.onAppHide?.(() => void flush());
} catch {
  // not available (unit tests, some H5 hosts)
}

/** For tests: forget queued events and the remembered scan. */
export function resetEvents(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  queue = [];
  lastScanCodeId = undefined;
}
