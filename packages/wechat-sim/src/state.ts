import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SimUser {
  openid: string;
  unionid: string;
  nickname: string;
  phoneNumber: string;
  /** jscode2session answers 40226 for this user. */
  risky: boolean;
  /** subscribe/send answers 43101 for this user. */
  refuseSubscribe: boolean;
  /** The name on the user's WeChat real-name identity, checked against a transfer's `user_name`. */
  realName?: string;
  createdAt: string;
}

export interface OneTimeCode {
  openid: string;
  expiresAt: number;
  usedAt?: number;
}

export interface SimOrder {
  appid: string;
  mchid: string;
  out_trade_no: string;
  description: string;
  attach: string;
  notify_url: string;
  time_expire?: string;
  total: number;
  currency: string;
  openid: string;
  /** JSON of the fields that must match on a repeated prepay. */
  fingerprint: string;
  prepay_id: string;
  prepay_expires_at: number;
  trade_state: 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED' | 'PAYERROR' | 'USERPAYING' | 'REVOKED';
  trade_state_desc: string;
  transaction_id?: string;
  success_time?: string;
  created_at: string;
}

export interface SimRefund {
  refund_id: string;
  out_refund_no: string;
  out_trade_no: string;
  transaction_id: string;
  reason: string;
  notify_url: string;
  refund: number;
  total: number;
  currency: string;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  create_time: string;
  success_time?: string;
}

export interface SimTransfer {
  appid: string;
  out_bill_no: string;
  transfer_bill_no: string;
  transfer_scene_id: string;
  openid: string;
  transfer_amount: number;
  transfer_remark: string;
  notify_url: string;
  fingerprint: string;
  package_info: string;
  state:
    | 'ACCEPTED'
    | 'PROCESSING'
    | 'WAIT_USER_CONFIRM'
    | 'TRANSFERING'
    | 'SUCCESS'
    | 'FAIL'
    | 'CANCELING'
    | 'CANCELLED';
  fail_reason?: string;
  /** The receiver's name as decrypted from `user_name` (control surface only; WeChat never returns it). */
  user_name_plain?: string;
  create_time: string;
  update_time: string;
}

export interface DeliveryAttempt {
  at: string;
  variant: 'normal' | 'duplicate' | 'replay' | 'tampered' | 'probe';
  status?: number;
  error?: string;
  durationMs: number;
  headers: Record<string, string>;
  body: string;
}

export interface SimNotification {
  id: string;
  event_type: string;
  notify_url: string;
  /** Plain resource, kept for the console and the tests. */
  resource: unknown;
  /** The exact JSON body sent (encrypted resource inside). */
  body: string;
  /** HELD: recorded but not sent until released (`/sim/notification-holds`). */
  status: 'PENDING' | 'HELD' | 'DELIVERED' | 'FAILED';
  /** Index into the retry schedule of the next scheduled attempt. */
  retryIndex: number;
  nextAttemptAt?: number;
  attempts: DeliveryAttempt[];
  created_at: string;
}

export interface SubscribeRecord {
  at: string;
  touser: string;
  template_id: string;
  page?: string;
  data: unknown;
  miniprogram_state?: string;
}

/** Shipping information uploaded for one payment (发货信息录入), every accepted upload in order. */
export interface SimShippingInfo {
  out_trade_no: string;
  transaction_id: string;
  uploads: { at: string; body: Record<string, unknown> }[];
}

export interface Fault {
  path: string;
  remaining: number;
  errcode?: number;
  errmsg?: string;
  status?: number;
  code?: string;
  message?: string;
  /** Answer only after this many milliseconds (a caller with a shorter timeout sees a timeout). */
  delayMs?: number;
  /** With delayMs: only slow, then answer normally (the call takes effect). */
  delayOnly?: boolean;
}

/** The next `remaining` notifications of `eventType` are recorded but held back. */
export interface NotificationHold {
  eventType: string;
  remaining: number;
}

export interface SimState {
  version: 1;
  clockOffsetSeconds: number;
  users: Record<string, SimUser>;
  loginCodes: Record<string, OneTimeCode>;
  phoneCodes: Record<string, OneTimeCode>;
  accessTokens: Record<string, number>;
  stableToken?: { token: string; expiresAt: number };
  orders: Record<string, SimOrder>;
  refunds: Record<string, SimRefund>;
  transfers: Record<string, SimTransfer>;
  notifications: SimNotification[];
  messages: SubscribeRecord[];
  /** By out_trade_no; absent in state files written before it existed. */
  shippingInfo?: Record<string, SimShippingInfo>;
  /** Subscribe-message consents left, by `openid|template_id` (each accepted request allows one message). */
  subscribeConsents?: Record<string, number>;
  faults: Fault[];
  notificationHolds: NotificationHold[];
}

function emptyState(): SimState {
  return {
    version: 1,
    clockOffsetSeconds: 0,
    users: {},
    loginCodes: {},
    phoneCodes: {},
    accessTokens: {},
    orders: {},
    refunds: {},
    transfers: {},
    notifications: [],
    messages: [],
    faults: [],
    notificationHolds: [],
  };
}

/** Stores with changes not yet on disk, by file: written at process exit or when the file is opened again. */
const pending = new Map<string, StateStore>();
process.once('exit', () => {
  for (const store of [...pending.values()]) store.flush();
});

/** The shortest wait between two writes, and how much of the time writing may take at most (1/10). */
const MIN_DELAY_MS = 25;
const WRITE_SHARE = 10;

/**
 * The whole simulator state in one JSON file, written atomically (temp file + rename).
 * `save()` only marks the state changed: the file is rewritten at most every 25 ms, and
 * never for more than a tenth of the time (the wait grows with the state), instead of once
 * per change. `flush()` writes at once; it runs at process exit (the simulator stops with
 * process.exit after closing) and before the same file is opened again, so a restart
 * finds every change.
 */
export class StateStore {
  readonly state: SimState;
  private readonly file: string;
  private timer?: NodeJS.Timeout;
  private delayMs = MIN_DELAY_MS;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'state.json');
    pending.get(this.file)?.flush();
    this.state = existsSync(this.file)
      ? { ...emptyState(), ...(JSON.parse(readFileSync(this.file, 'utf8')) as SimState) }
      : emptyState();
  }

  /** Simulator time in milliseconds (real time plus the clock offset). */
  now(): number {
    return Date.now() + this.state.clockOffsetSeconds * 1000;
  }

  /** The state changed: it is written within the current delay. */
  save(): void {
    if (this.timer) return;
    pending.set(this.file, this);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
    this.timer.unref();
  }

  /** Writes the state now if it has unwritten changes. */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    pending.delete(this.file);
    const started = performance.now();
    const s = this.state;
    if (s.messages.length > 500) s.messages.splice(0, s.messages.length - 500);
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(s));
    renameSync(tmp, this.file);
    this.delayMs = Math.max(MIN_DELAY_MS, (performance.now() - started) * WRITE_SHARE);
  }
}

/** RFC 3339 in China Standard Time, the format WeChat Pay uses (2026-11-24T10:34:56+08:00). */
export function cstTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return d.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}
