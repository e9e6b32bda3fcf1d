import { randomUUID } from 'node:crypto';
import type { DevCredentials } from './credentials';
import { encryptResource, platformHeaders, randomAlnum } from './crypto';
import { cstTime, type DeliveryAttempt, type SimNotification, type StateStore } from './state';

/** WeChat's documented retry intervals after a failed delivery (about 24 h in all). */
export const RETRY_SCHEDULE_SECONDS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
];

export type DeliveryVariant = DeliveryAttempt['variant'];

export interface NotifierOptions {
  /** Multiplies the retry schedule (0.001 turns 15 s into 15 ms). */
  retryScale: number;
  /** An answer slower than this counts as a failure (WeChat: 5 s). */
  timeoutMs: number;
}

/**
 * Encrypts, signs and POSTs notifications to notify_url, retrying on WeChat's schedule until a 2xx.
 * Every attempt is recorded with the exact headers and body sent.
 */
export class Notifier {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly store: StateStore,
    private readonly creds: DevCredentials,
    private readonly opts: NotifierOptions,
  ) {}

  /** Re-arms deliveries that were pending when the simulator stopped. */
  resume(): void {
    for (const n of this.store.state.notifications) {
      if (n.status === 'PENDING') this.schedule(n, Math.max(0, (n.nextAttemptAt ?? 0) - Date.now()));
    }
  }

  enqueue(
    eventType: string,
    summary: string,
    originalType: string,
    resource: object,
    notifyUrl: string,
  ): SimNotification {
    const now = this.store.now();
    const id = `EV-${randomUUID()}`;
    const body = JSON.stringify({
      id,
      create_time: cstTime(now),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: {
        original_type: originalType,
        ...encryptResource(JSON.stringify(resource), this.creds.apiV3Key, originalType),
      },
    });
    const n: SimNotification = {
      id,
      event_type: eventType,
      notify_url: notifyUrl,
      resource,
      body,
      status: 'PENDING',
      retryIndex: 0,
      nextAttemptAt: Date.now(),
      attempts: [],
      created_at: cstTime(now),
    };
    this.store.state.notifications.push(n);
    const holds = this.store.state.notificationHolds;
    const hold = holds.findIndex((h) => h.eventType === eventType && h.remaining > 0);
    if (hold >= 0) {
      n.status = 'HELD';
      n.nextAttemptAt = undefined;
      if (--holds[hold].remaining <= 0) holds.splice(hold, 1);
    }
    this.store.save();
    if (n.status === 'PENDING') this.schedule(n, 0);
    return n;
  }

  /** A manual delivery from the control surface; variants other than `normal` test the receiver's checks. */
  async resend(n: SimNotification, variant: DeliveryVariant): Promise<DeliveryAttempt[]> {
    if (variant === 'duplicate') return [await this.attempt(n, 'normal'), await this.attempt(n, 'duplicate')];
    if (variant === 'replay') {
      const headers = this.sign(n.body);
      return [await this.attempt(n, 'normal', headers), await this.attempt(n, 'replay', headers)];
    }
    return [await this.attempt(n, variant)];
  }

  /** Sends a HELD notification now, then on WeChat's retry schedule like any other. */
  release(n: SimNotification): void {
    if (n.status !== 'HELD') return;
    n.status = 'PENDING';
    n.nextAttemptAt = Date.now();
    this.store.save();
    this.schedule(n, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(n: SimNotification, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(n.id);
      void this.scheduledAttempt(n);
    }, delayMs);
    timer.unref();
    this.timers.set(n.id, timer);
  }

  private async scheduledAttempt(n: SimNotification): Promise<void> {
    if (n.status !== 'PENDING') return;
    const a = await this.attempt(n, 'normal');
    if (this.closed || n.status !== 'PENDING') return;
    if (isSuccess(a)) return;
    if (n.retryIndex >= RETRY_SCHEDULE_SECONDS.length) {
      n.status = 'FAILED';
      n.nextAttemptAt = undefined;
    } else {
      const delay = Math.round(RETRY_SCHEDULE_SECONDS[n.retryIndex] * 1000 * this.opts.retryScale);
      n.retryIndex += 1;
      n.nextAttemptAt = Date.now() + delay;
      this.schedule(n, delay);
    }
    this.store.save();
  }

  private sign(body: string): Record<string, string> {
    const h = platformHeaders(
      body,
      Math.floor(this.store.now() / 1000),
      this.creds.platformPublicKeyId,
      this.creds.platformPrivateKeyPem,
    );
    return {
      ...h,
      'Request-ID': randomUUID(),
      'Content-Type': 'application/json',
      'User-Agent': 'Mozilla/4.0',
    };
  }

  private attempt(
    n: SimNotification,
    variant: DeliveryVariant,
    signed?: Record<string, string>,
  ): Promise<DeliveryAttempt> {
    const p = this.deliver(n, variant, signed);
    this.inFlight.add(p);
    return p.finally(() => this.inFlight.delete(p));
  }

  private async deliver(
    n: SimNotification,
    variant: DeliveryVariant,
    signed?: Record<string, string>,
  ): Promise<DeliveryAttempt> {
    const headers = signed ?? this.sign(n.body);
    let body = n.body;
    if (variant === 'tampered') body = body.replace(`"id":"${n.id}"`, `"id":"${n.id}X"`);
    if (variant === 'probe') {
      headers['Wechatpay-Signature'] =
        `WECHATPAY/SIGNTEST/${Buffer.from(randomAlnum(48)).toString('base64')}`;
    }
    const started = Date.now();
    const attempt: DeliveryAttempt = { at: cstTime(this.store.now()), variant, durationMs: 0, headers, body };
    try {
      const res = await fetch(n.notify_url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      attempt.status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      attempt.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    attempt.durationMs = Date.now() - started;
    n.attempts.push(attempt);
    if (isSuccess(attempt) && variant === 'normal' && n.status !== 'DELIVERED') {
      n.status = 'DELIVERED';
      n.nextAttemptAt = undefined;
      const t = this.timers.get(n.id);
      if (t) clearTimeout(t);
      this.timers.delete(n.id);
    }
    if (!this.closed) this.store.save();
    return attempt;
  }
}

function isSuccess(a: DeliveryAttempt): boolean {
  return a.status !== undefined && a.status >= 200 && a.status < 300;
}
