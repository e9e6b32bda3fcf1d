import type { DevCredentials } from './credentials';
import type { StateStore } from './state';
import type { Notifier } from './notifier';

export interface SimContext {
  store: StateStore;
  creds: DevCredentials;
  notifier: Notifier;
  /** Public base URL, used in bill download links. */
  baseUrl(): string;
  /** Delay before a PROCESSING refund succeeds by itself; null = only via /sim/refunds/{no}/complete. */
  refundDelayMs: number | null;
  /** Set by close(): timers that fire later must not touch the store. */
  closed: boolean;
}

export function nowSeconds(ctx: SimContext): number {
  return Math.floor(ctx.store.now() / 1000);
}
