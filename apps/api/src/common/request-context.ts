import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { CommonErrors } from './errors';

/** Who is acting: a consumer, an admin user, or the system (jobs, notifications). */
export interface Actor {
  kind: 'user' | 'admin' | 'system';
  id: string;
  roles?: string[];
  /** The login session behind a bearer token (for logout and revocation). */
  sessionId?: string;
  /** An admin's managed stores (from the token); only limits store-scoped roles (auth/store-scope.ts). */
  storeIds?: string[];
}

/**
 * Passed first to every service method: who acts, the correlation id, and the
 * EntityManager of the transaction the call runs in (if any), so a nested call
 * joins its caller's transaction without being told.
 */
export class RequestContext {
  constructor(
    readonly requestId: string,
    readonly actor?: Actor,
    readonly manager?: EntityManager,
  ) {}

  /** For jobs, start-up and notifications: no HTTP request behind it. */
  static system(reason: string, requestId: string = randomUUID()): RequestContext {
    return new RequestContext(requestId, { kind: 'system', id: reason });
  }

  withManager(manager: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.actor, manager);
  }

  withActor(actor: Actor): RequestContext {
    return new RequestContext(this.requestId, actor, this.manager);
  }
}

type RequestWithActor = FastifyRequest & { actor?: Actor };

/** `@Ctx() ctx: RequestContext` in a controller method. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const request = host.switchToHttp().getRequest<RequestWithActor>();
  return new RequestContext(String(request.id), request.actor);
});

/**
 * `@CurrentUserId() userId: string` on a user route: the logged-in caller's id (the guard
 * has checked the token). Services that act for a user take it and check ownership themselves.
 */
export const CurrentUserId = createParamDecorator((_: unknown, host: ExecutionContext): string => {
  const actor = host.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw CommonErrors.UNAUTHENTICATED();
  return actor.id;
});
