import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RequestContext } from '../common/request-context';
import { pageWindow } from '../common/paging';
import { JobDefinition, JobHandler } from './job';
import { JobErrors } from './jobs.errors';

export const JOBS_SCHEMA = 'pgboss';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** One job as the admin sees it. */
export interface JobRecord {
  id: string;
  queue: string;
  state: JobState;
  data: Record<string, unknown>;
  retryCount: number;
  retryLimit: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface JobRow {
  id: string;
  name: string;
  state: JobState;
  data: Record<string, unknown> | null;
  retry_count: number;
  retry_limit: number;
  output: unknown;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

const JOB_COLUMNS = `id, name, state, data, retry_count, retry_limit, output, created_on, started_on, completed_on`;

/** pg-boss keeps a thrown error as `output` ({message, stack, …}); the admin sees its message. */
function jobError(row: JobRow): string | null {
  if (row.state !== 'failed' && row.state !== 'retry') return null;
  const out = row.output as { message?: unknown; value?: unknown } | null;
  if (!out) return null;
  if (typeof out.message === 'string') return out.message;
  return JSON.stringify(out.value ?? out).slice(0, 500);
}

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    data: row.data ?? {},
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    error: jobError(row),
    createdAt: row.created_on,
    startedAt: row.started_on,
    finishedAt: row.completed_on,
  };
}

/** A stable UUID from the queue and the idempotency key, used as the pg-boss job id. */
export function jobIdFor(queue: string, key: string): string {
  const h = createHash('sha1').update(`${queue}\u0000${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface SendOptions {
  /** The same key for the same queue makes one job while it is kept (pg-boss primary key). */
  idempotencyKey?: string;
  startAfterSeconds?: number;
}

/**
 * The job queue: pg-boss in its own schema of the application's database.
 * Every process can send; only ROLE=worker|all processes work jobs.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly queues = new Set<string>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Only worker processes supervise (maintenance) and run cron schedules.
    const works = config.role !== 'api';
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: JOBS_SCHEMA,
      max: 4,
      supervise: works,
      schedule: works,
      // A job whose worker was killed stays active until it expires; look for those often enough.
      maintenanceIntervalSeconds: Math.min(120, Math.max(1, Math.floor(config.jobsExpireSeconds / 3))),
    });
    this.boss.on('error', (err) => this.logger.error({ err }, 'pg-boss error'));
  }

  get works(): boolean {
    return this.config.role !== 'api';
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Creates the queue and, in worker processes, starts working it. Call from a module's onModuleInit. */
  async register<T>(job: JobDefinition<T>, handler: JobHandler<T>): Promise<void> {
    await this.ensureQueue(job);
    if (!this.works) return;
    const workerId: string = await this.boss.work<T>(
      job.name,
      { batchSize: 1, pollingIntervalSeconds: this.config.jobsPollSeconds, includeMetadata: true },
      async ([j]) => {
        try {
          await handler(j.data, { id: j.id, retryCount: j.retryCount });
        } catch (err) {
          this.logger.warn({ err, job: job.name, id: j.id }, 'job failed; pg-boss retries it');
          throw err;
        } finally {
          // pg-boss waits a whole polling interval after every fetch, even one that found a job:
          // one job per interval per queue. A job was found, so look for the next one right away;
          // only an empty queue waits the interval.
          this.boss.notifyWorker(workerId);
        }
      },
    );
  }

  /** Runs `job` on a cron schedule (one instance across all workers). */
  async schedule<T extends object>(job: JobDefinition<T>, cron: string, data: T): Promise<void> {
    await this.ensureQueue(job);
    await this.boss.schedule(job.name, cron, data, { tz: 'Asia/Shanghai' });
  }

  /**
   * Queues a job. With `ctx.manager` set the job row is written in the caller's
   * transaction, so it exists exactly when the caller's work committed.
   */
  async send<T extends object>(
    ctx: RequestContext,
    job: JobDefinition<T>,
    data: T,
    opts: SendOptions = {},
  ): Promise<string | null> {
    await this.ensureQueue(job);
    const manager = ctx.manager;
    return this.boss.send(job.name, data, {
      id: opts.idempotencyKey ? jobIdFor(job.name, opts.idempotencyKey) : undefined,
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelaySeconds,
      retryBackoff: job.retryBackoff,
      expireInSeconds: this.expireIn(job),
      startAfter: opts.startAfterSeconds,
      db: manager
        ? {
            executeSql: async (text: string, values: unknown[]) => ({
              rows: await manager.query(text, values),
            }),
          }
        : undefined,
    } as PgBoss.SendOptions);
  }

  /** For tests and the admin: a job's state by id. */
  async getJob(
    job: JobDefinition<unknown>,
    id: string,
  ): Promise<{ state: string; retryCount: number } | null> {
    const found = await this.boss.getJobById(job.name, id);
    return found ? { state: found.state, retryCount: found.retryCount } : null;
  }

  /**
   * The admin's view of the queue: jobs of one state (failed by default), newest first.
   * pg-boss's own queues (`__pgboss__…`) are left out.
   */
  async list(q: {
    state?: JobState;
    queue?: string;
    page?: number;
    pageSize?: number;
  }): Promise<{ items: JobRecord[]; total: number }> {
    const { skip, take } = pageWindow(q);
    const where = `state = $1 AND name NOT LIKE '\\_\\_%' AND ($2::text IS NULL OR name = $2)`;
    const params = [q.state ?? 'failed', q.queue ?? null];
    const db = this.boss.getDb();
    const [{ rows }, { rows: count }] = await Promise.all([
      db.executeSql(
        `SELECT ${JOB_COLUMNS} FROM ${JOBS_SCHEMA}.job WHERE ${where} ORDER BY created_on DESC, id LIMIT ${take} OFFSET ${skip}`,
        params,
      ),
      db.executeSql(`SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE ${where}`, params),
    ]);
    return { items: (rows as JobRow[]).map(toRecord), total: (count as { n: number }[])[0].n };
  }

  async find(queue: string, id: string): Promise<JobRecord | null> {
    const { rows } = await this.boss
      .getDb()
      .executeSql(`SELECT ${JOB_COLUMNS} FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2`, [queue, id]);
    return rows.length ? toRecord(rows[0] as JobRow) : null;
  }

  /** Operator: runs a failed job again now (one more attempt on top of its retry limit). */
  async retry(queue: string, id: string): Promise<JobRecord> {
    const job = await this.find(queue, id);
    if (!job) throw JobErrors.JOB_NOT_FOUND();
    if (job.state !== 'failed') throw JobErrors.JOB_NOT_FAILED({ state: job.state });
    await this.boss.retry(queue, id);
    return (await this.find(queue, id))!;
  }

  /** True when the queue's schema answers: used by /api/health. */
  async healthy(): Promise<boolean> {
    try {
      await this.boss.getQueues();
      return true;
    } catch {
      return false;
    }
  }

  private expireIn(job: JobDefinition<unknown>): number {
    return Math.min(job.expireInSeconds, this.config.jobsExpireSeconds);
  }

  private async ensureQueue(job: JobDefinition<unknown>): Promise<void> {
    if (this.queues.has(job.name)) return;
    await this.boss.createQueue(job.name, {
      name: job.name,
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelaySeconds,
      retryBackoff: job.retryBackoff,
      expireInSeconds: this.expireIn(job),
    });
    this.queues.add(job.name);
  }
}
