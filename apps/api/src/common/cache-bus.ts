import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { RequestContext } from './request-context';
import { TransactionService } from './transaction.service';

const CHANNEL = 'cloudshelf_cache';
/** A memo never holds more keys than this (it starts over beyond). */
const MAX_KEYS = 50_000;

/**
 * Invalidation of in-memory caches across replicas through PostgreSQL LISTEN/NOTIFY.
 *
 * A writer calls `changed(ctx, topic)` inside its transaction: PostgreSQL delivers the
 * notification to every replica at commit (and not at all on rollback), and the writer's own
 * replica drops its copy at once as well. Each replica listens on one dedicated connection;
 * while it is not listening (starting, or the connection was lost and notifications may have
 * been missed) every cache is bypassed and dropped, so a read never serves what it cannot vouch for.
 */
@Injectable()
export class CacheBus implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CacheBus');
  private readonly caches = new Set<Memo<unknown>>();
  private client?: Client;
  private closed = false;
  private echoes = new Map<string, () => void>();
  /** Listening: caches may serve. */
  live = false;

  constructor(
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect().catch((err: unknown) => this.lost(err));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.live = false;
    await this.client?.end().catch(() => undefined);
  }

  /** A cache of values by key, loaded by `load`, dropped on notifications of `topic` (payload `topic` or `topic:key`). */
  memo<T>(topic: string, load: (key: string) => Promise<T>): Memo<T> {
    const m = new Memo<T>(topic, load, this);
    this.caches.add(m as Memo<unknown>);
    return m;
  }

  /** Inside the writer's transaction: every replica drops `topic` (or one `key` of it) at commit. */
  async changed(ctx: RequestContext, topic: string, key?: string): Promise<void> {
    const payload = key ? `${topic}:${key}` : topic;
    await this.tx.manager(ctx).query(`SELECT pg_notify($1, $2)`, [CHANNEL, payload]);
    this.dispatch(payload);
  }

  /**
   * After the writer's commit: waits (at most 2 s) until this replica's own listener got the
   * notification, i.e. PostgreSQL has handed it to every listening replica.
   */
  async settled(ctx: RequestContext): Promise<void> {
    if (!this.live) return;
    const token = `echo:${Math.random().toString(36).slice(2)}`;
    const echoed = new Promise<void>((resolve) => {
      this.echoes.set(token, resolve);
      setTimeout(resolve, 2000).unref();
    });
    await this.tx.manager(ctx).query(`SELECT pg_notify($1, $2)`, [CHANNEL, token]);
    await echoed;
    this.echoes.delete(token);
  }

  private dispatch(payload: string): void {
    if (payload.startsWith('echo:')) {
      this.echoes.get(payload)?.();
      return;
    }
    const i = payload.indexOf(':');
    const topic = i < 0 ? payload : payload.slice(0, i);
    const key = i < 0 ? undefined : payload.slice(i + 1);
    for (const m of this.caches) if (m.topic === topic) m.drop(key);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'cache-bus' });
    client.on('error', (err) => this.lost(err));
    client.on('end', () => this.lost(new Error('connection ended')));
    client.on('notification', (n) => n.channel === CHANNEL && n.payload && this.dispatch(n.payload));
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    for (const m of this.caches) m.drop();
    this.live = true;
  }

  private lost(err: unknown): void {
    this.live = false;
    for (const m of this.caches) m.drop();
    if (this.closed) return;
    this.logger.warn(`cache invalidation not listening (${String(err)}); caches bypassed, retrying`);
    const old = this.client;
    this.client = undefined;
    old?.removeAllListeners();
    void old?.end().catch(() => undefined);
    setTimeout(() => {
      if (!this.closed && !this.client) void this.connect().catch((e: unknown) => this.lost(e));
    }, 1000).unref();
  }
}

/**
 * Values by key, served from memory while the bus listens. A load that overlaps an
 * invalidation of its key is returned but not kept (it may predate the change).
 */
export class Memo<T> {
  private readonly values = new Map<string, T>();
  private generation = 0;

  constructor(
    readonly topic: string,
    private readonly load: (key: string) => Promise<T>,
    private readonly bus: CacheBus,
  ) {}

  async get(key = ''): Promise<T> {
    if (!this.bus.live) return this.load(key);
    const hit = this.values.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await this.load(key);
    if (generation === this.generation && this.bus.live) {
      if (this.values.size >= MAX_KEYS) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }

  /** Drops one key, or everything. */
  drop(key?: string): void {
    this.generation++;
    if (key === undefined) this.values.clear();
    else this.values.delete(key);
  }
}
