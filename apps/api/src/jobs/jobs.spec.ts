import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { TransactionService } from '../common/transaction.service';
import { bootTestApp, TestApp } from '../../test/app';
import { adminToken } from '../../test/factories/auth.factory';
import { defineJob } from './job';
import { JobsService, jobIdFor } from './jobs.service';

const echoJob = defineJob<{ n: number }>('test.echo', { retryLimit: 0 });
const flakyJob = defineJob<{ failTimes: number }>('test.flaky', {
  retryLimit: 3,
  retryDelaySeconds: 0,
  retryBackoff: false,
});
const doomedJob = defineJob<{ x: number }>('test.doomed', {
  retryLimit: 1,
  retryDelaySeconds: 0,
  retryBackoff: false,
});

@Injectable()
class Recorder implements OnModuleInit {
  readonly seen: number[] = [];
  readonly attempts = new Map<string, number>();
  constructor(private readonly jobs: JobsService) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(echoJob, async (data) => {
      this.seen.push(data.n);
    });
    await this.jobs.register(flakyJob, async (data, meta) => {
      const n = (this.attempts.get(meta.id) ?? 0) + 1;
      this.attempts.set(meta.id, n);
      if (n <= data.failTimes) throw new Error(`attempt ${n} fails on purpose`);
    });
    await this.jobs.register(doomedJob, async () => {
      throw new Error('always fails');
    });
  }
}

@Module({ providers: [Recorder] })
class RecorderModule {}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('jobs (pg-boss on the test database)', () => {
  let t: TestApp;
  let jobs: JobsService;
  let recorder: Recorder;
  const ctx = RequestContext.system('test');

  beforeAll(async () => {
    t = await bootTestApp({}, [RecorderModule]);
    jobs = t.app.get(JobsService);
    recorder = t.app.get(Recorder);
  });
  afterAll(() => t.close());

  it('runs a job that was sent', async () => {
    await jobs.send(ctx, echoJob, { n: 42 });
    await until(() => (recorder.seen.includes(42) ? true : undefined));
  });

  it('retries a failing job until it succeeds', async () => {
    const id = (await jobs.send(ctx, flakyJob, { failTimes: 2 }))!;
    const done = await until(async () => {
      const j = await jobs.getJob(flakyJob, id);
      return j?.state === 'completed' ? j : undefined;
    });
    expect(recorder.attempts.get(id)).toBe(3);
    expect(done.retryCount).toBe(2);
  });

  it('gives up after the retry limit and marks the job failed', async () => {
    const id = (await jobs.send(ctx, doomedJob, { x: 1 }))!;
    const failed = await until(async () => {
      const j = await jobs.getJob(doomedJob, id);
      return j?.state === 'failed' ? j : undefined;
    });
    expect(failed.retryCount).toBe(1);
  });

  it('shows a job that used up its retries to operators with its error, and retries it once asked (audited)', async () => {
    const id = (await jobs.send(ctx, doomedJob, { x: 2 }))!;
    await until(async () => ((await jobs.getJob(doomedJob, id))?.state === 'failed' ? true : undefined));
    const op = { authorization: `Bearer ${await adminToken(t, ['operator'])}` };
    const page = await t.http.get('/api/admin/jobs?queue=test.doomed').set(op).expect(200);
    const listed = page.body.items.find((j: { id: string }) => j.id === id);
    expect(listed).toMatchObject({
      queue: 'test.doomed',
      state: 'failed',
      data: { x: 2 },
      retryCount: 1,
      retryLimit: 1,
      error: 'always fails',
    });
    const store = { authorization: `Bearer ${await adminToken(t, ['store_manager'])}` };
    await t.http.post(`/api/admin/jobs/test.doomed/${id}/retry`).set(store).expect(403);
    await t.http.post(`/api/admin/jobs/test.echo/${id}/retry`).set(op).expect(404);

    const retried = await t.http.post(`/api/admin/jobs/test.doomed/${id}/retry`).set(op).expect(200);
    expect(retried.body).toMatchObject({ id, retryLimit: 2 });
    expect(['retry', 'active', 'failed']).toContain(retried.body.state);
    // It ran once more (and failed again: the handler always throws), so it is failed with 2 retries.
    await until(async () => ((await jobs.getJob(doomedJob, id))?.retryCount === 2 ? true : undefined));
    await until(async () => ((await jobs.getJob(doomedJob, id))?.state === 'failed' ? true : undefined));
    await t.http.post(`/api/admin/jobs/test.echo/not-a-uuid/retry`).set(op).expect(404);
    const audit = await t.http.get('/api/admin/audit-logs?action=job.retry').set(op).expect(200);
    expect(audit.body.items.filter((a: { entityId: string }) => a.entityId === id)).toHaveLength(1);
  });

  it('refuses to retry a job that has not failed', async () => {
    const id = (await jobs.send(ctx, echoJob, { n: 5 }))!;
    await until(async () => ((await jobs.getJob(echoJob, id))?.state === 'completed' ? true : undefined));
    const op = { authorization: `Bearer ${await adminToken(t, ['operator'])}` };
    const res = await t.http.post(`/api/admin/jobs/test.echo/${id}/retry`).set(op).expect(409);
    expect(res.body).toMatchObject({ code: 'JOB_NOT_FAILED', details: { state: 'completed' } });
  });

  it('makes one job per idempotency key', async () => {
    const a = await jobs.send(ctx, echoJob, { n: 7 }, { idempotencyKey: 'order-1:paid' });
    const b = await jobs.send(ctx, echoJob, { n: 7 }, { idempotencyKey: 'order-1:paid' });
    expect(a).toBe(jobIdFor('test.echo', 'order-1:paid'));
    expect(b).toBeNull();
    await until(() => (recorder.seen.filter((n) => n === 7).length === 1 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1500)); // two polling rounds: a duplicate would have run by now
    expect(recorder.seen.filter((n) => n === 7)).toHaveLength(1);
  });

  it('works a backlog back to back, not one job per polling interval', async () => {
    const backlog = Array.from({ length: 40 }, (_, i) => 1000 + i);
    const started = Date.now();
    for (const n of backlog) await jobs.send(ctx, echoJob, { n });
    await until(() => (backlog.every((n) => recorder.seen.includes(n)) ? true : undefined));
    // One job per 0.5 s polling interval would take 20 s.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('sends inside a transaction: a rolled-back caller leaves no job', async () => {
    const tx = t.app.get(TransactionService);
    const key = 'rolled-back';
    await expect(
      tx.run(ctx, async (tctx) => {
        await jobs.send(tctx, echoJob, { n: 99 }, { idempotencyKey: key });
        throw new Error('caller fails after sending');
      }),
    ).rejects.toThrow('caller fails');
    expect(await jobs.getJob(echoJob, jobIdFor('test.echo', key))).toBeNull();
    await tx.run(ctx, (tctx) => jobs.send(tctx, echoJob, { n: 100 }, { idempotencyKey: key }));
    expect(await jobs.getJob(echoJob, jobIdFor('test.echo', key))).not.toBeNull();
  });
});
