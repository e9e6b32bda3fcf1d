import { CanActivate, ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '../errors';
import type { Actor } from '../request-context';
import { ACCESS_KEY, type Access } from './auth.decorators';
import { rolesAllow } from './permissions';
import { SESSION_CHECK, type SessionCheck } from './session-check';
import { TokenService } from './token.service';

/**
 * The one gate of every route: reads the route's access declaration, checks the
 * bearer token and the admin permission, and puts the actor on the request.
 * A consumer token never passes an admin route. A route that declares nothing is refused.
 * An optional-user route lets everyone in and only names a caller whose user token is valid.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Optional() @Inject(SESSION_CHECK) private readonly sessions?: SessionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    if (!access) {
      this.logger.error({ url: request.url }, 'route declares no access rule; refusing');
      throw CommonErrors.FORBIDDEN();
    }
    if (access.kind === 'public') return true;
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const claims = token ? this.tokens.verify(token) : null;
    const valid = claims !== null && (!this.sessions || (await this.sessions.isActive(claims)));
    if (access.kind === 'optional-user') {
      if (valid && claims.kind === 'user')
        request.actor = { kind: 'user', id: claims.sub, sessionId: claims.sid };
      return true;
    }
    if (!valid) throw CommonErrors.UNAUTHENTICATED();
    if (access.kind === 'user' && claims.kind !== 'user') throw CommonErrors.UNAUTHENTICATED();
    if (access.kind === 'admin') {
      if (claims.kind !== 'admin') throw CommonErrors.UNAUTHENTICATED();
      if (!rolesAllow(claims.roles, access.permission))
        throw CommonErrors.FORBIDDEN({ permission: access.permission });
    }
    request.actor = {
      kind: claims.kind,
      id: claims.sub,
      roles: claims.roles,
      sessionId: claims.sid,
      ...(claims.kind === 'admin' && Array.isArray(claims.stores) ? { storeIds: claims.stores } : {}),
    };
    return true;
  }
}
