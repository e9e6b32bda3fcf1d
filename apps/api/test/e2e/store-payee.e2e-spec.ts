import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { SessionService } from '../../src/modules/identity/session.service';
import { adminToken } from '../factories/auth.factory';
import { loginNewUser } from '../factories/identity.factory';
import { newStore } from '../factories/stores.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/**
 * Issue 19 point 1: who is paid for a store (its owner, its agent) is the operator's
 * decision. A store manager may edit its store's details but never redirect its money,
 * and every payee change is audited with the state before it.
 */
describe('store payees: only the operator changes who is paid', () => {
  let t: TestAppWithSim;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootTestAppWithSim();
  });
  afterAll(() => t.close());

  async function managerOf(storeId: string): Promise<string> {
    const pair = await t.app.get(SessionService).start(RequestContext.system('test-login'), {
      kind: 'admin',
      id: randomUUID(),
      roles: ['store_manager'],
      storeIds: [storeId],
    });
    return pair.accessToken;
  }

  it('a store manager cannot set its store’s owner or agent (403), but can edit its details', async () => {
    const [owner, accomplice] = await Promise.all([loginNewUser(t, '店主'), loginNewUser(t, '同伙')]);
    const store = await newStore(t, { ownerUserId: owner.id });
    const manager = await managerOf(store.id);

    for (const body of [
      { ownerUserId: accomplice.id },
      { agentUserId: accomplice.id },
      { ownerUserId: null },
    ]) {
      const res = await t.http
        .patch(`/api/admin/stores/${store.id}`)
        .set(auth(manager))
        .send(body)
        .expect(403);
      expect(res.body.code).toBe('STORE_PAYEE_CHANGE_FORBIDDEN');
    }
    const after = await t.http.get(`/api/admin/stores/${store.id}`).set(auth(manager)).expect(200);
    expect(after.body).toMatchObject({ ownerUserId: owner.id, agentUserId: null });
    // Details stay the manager's to edit; repeating the current owner is not a change.
    await t.http
      .patch(`/api/admin/stores/${store.id}`)
      .set(auth(manager))
      .send({ name: '改名后的店', ownerUserId: owner.id })
      .expect(200);
    const members = await t.http.get(`/api/admin/stores/${store.id}/members`).set(auth(manager)).expect(200);
    expect(members.body.items.map((m: { userId: string }) => m.userId)).toEqual([owner.id]);
  });

  it('an operator changes the owner and the audit row holds the owner before and after', async () => {
    const [owner, next] = await Promise.all([loginNewUser(t, '原店主'), loginNewUser(t, '新店主')]);
    const store = await newStore(t, { ownerUserId: owner.id });
    const operator = await adminToken(t, ['operator']);
    await t.http
      .patch(`/api/admin/stores/${store.id}`)
      .set(auth(operator))
      .send({ ownerUserId: next.id })
      .expect(200);
    const admin = await adminToken(t, ['admin']);
    const audit = await t.http
      .get('/api/admin/audit-logs')
      .query({ entityId: store.id })
      .set(auth(admin))
      .expect(200);
    const rows = audit.body.items as { action: string; before: any; after: any }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'store.payee_changed',
      before: { ownerUserId: owner.id },
      after: { ownerUserId: next.id },
    });
  });
});
