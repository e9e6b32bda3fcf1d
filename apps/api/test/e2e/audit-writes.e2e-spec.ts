import { randomUUID } from 'node:crypto';
import { adminToken } from '../factories/auth.factory';
import { bootTestApp, type TestApp } from '../app';

const OP_ID = randomUUID();

/** Every admin write leaves an audit entry: its own (with before/after) or the generic one. */
describe('audit of admin writes', () => {
  let t: TestApp;
  let op: { authorization: string };
  let admin: { authorization: string };
  beforeAll(async () => {
    t = await bootTestApp();
    op = { authorization: `Bearer ${await adminToken(t, ['operator'], OP_ID)}` };
    admin = { authorization: `Bearer ${await adminToken(t, ['admin'])}` };
  });
  afterAll(() => t.close());

  const entries = async (query: Record<string, string>) =>
    (
      await t.http
        .get('/api/admin/audit-logs')
        .query({ pageSize: '100', ...query })
        .set(admin)
        .expect(200)
    ).body.items as {
      action: string;
      entityId: string;
      actorId: string;
      after: Record<string, unknown> | null;
      requestId: string;
    }[];

  it('records a catalog write that has no audit of its own, with who, what, the after-state and the request id', async () => {
    const created = await t.http
      .post('/api/admin/categories')
      .set(op)
      .set('x-request-id', 'req-cat-1')
      .send({ name: '白酒' })
      .expect(201);
    await t.http
      .patch(`/api/admin/categories/${created.body.id}`)
      .set(op)
      .send({ name: '酱香白酒' })
      .expect(200);
    const rows = await entries({ entityType: 'categories' });
    expect(rows.map((r) => r.action).sort()).toEqual([
      'PATCH /api/admin/categories/:id',
      'POST /api/admin/categories',
    ]);
    const post = rows.find((r) => r.action.startsWith('POST'))!;
    expect(post).toMatchObject({ entityId: created.body.id, actorId: OP_ID, requestId: 'req-cat-1' });
    expect(post.after).toMatchObject({ name: '白酒' });
    expect(rows.find((r) => r.action.startsWith('PATCH'))!.after).toMatchObject({ name: '酱香白酒' });
  });

  it('does not record twice when the service audits its own write', async () => {
    const before = (await entries({})).length;
    await t.http.put('/api/admin/settings').set(admin).send({ storeLockDays: 180 }).expect(200);
    const after = await entries({});
    expect(after.length).toBe(before + 1);
    expect(after[0].action).not.toMatch(/^PUT \/api/);
  });

  it('records nothing for a refused write', async () => {
    const before = (await entries({})).length;
    await t.http.post('/api/admin/categories').set(op).send({ name: '' }).expect(400);
    await t.http
      .post('/api/admin/categories')
      .set({ authorization: `Bearer ${await adminToken(t, ['finance'])}` })
      .send({ name: '茶' })
      .expect(403);
    expect((await entries({})).length).toBe(before);
  });
});
