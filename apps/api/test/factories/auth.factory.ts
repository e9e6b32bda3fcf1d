import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { SessionService } from '../../src/modules/identity/session.service';
import type { TestApp } from '../app';

/**
 * A bearer token for an admin with these roles: a real session, as a login makes,
 * without the password round trip. `id` must be a UUID (it is the admin account's id).
 */
export async function adminToken(t: TestApp, roles: string[], id: string = randomUUID()): Promise<string> {
  const pair = await t.app
    .get(SessionService)
    .start(RequestContext.system('test-login'), { kind: 'admin', id, roles });
  return pair.accessToken;
}

/** A bearer token for a mini-program user: a real session, as a WeChat login makes. */
export async function userToken(t: TestApp, id: string = randomUUID()): Promise<string> {
  const pair = await t.app
    .get(SessionService)
    .start(RequestContext.system('test-login'), { kind: 'user', id, roles: [] });
  return pair.accessToken;
}
