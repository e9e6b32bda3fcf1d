import { randomUUID } from 'node:crypto';
import { TokenService } from '../../src/common/auth/token.service';
import type { TestApp } from '../app';

/** A bearer token for an admin with these roles (no login round trip). */
export function adminToken(t: TestApp, roles: string[], id: string = randomUUID()): string {
  return t.app.get(TokenService).issue({ actor: { kind: 'admin', id, roles } }).token;
}

/** A bearer token for a mini-program user. */
export function userToken(t: TestApp, id: string = randomUUID()): string {
  return t.app.get(TokenService).issue({ actor: { kind: 'user', id, roles: [] } }).token;
}
