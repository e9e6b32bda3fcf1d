import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable } from 'rxjs';
import { CacheBus } from '../../common/cache-bus';
import { RequestContext, type Actor } from '../../common/request-context';
import { AuditService } from './audit.service';

type AdminRequest = FastifyRequest & { actor?: Actor };

/**
 * The safety net of "every admin write is audited": after a successful non-GET call to
 * /api/admin/* whose service did not record its own entry (with before and after), it
 * records one with the route as action, the path's id as entity and the answer as the
 * after-state. It also holds the answer until the write's cache invalidations reached every
 * replica (CacheBus.settled), so the admin's next read anywhere sees the change.
 * Login and token calls are not writes of data and are left out.
 */
@Injectable()
export class AdminWriteAuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly audit: AuditService,
    private readonly bus: CacheBus,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AdminRequest>();
    const route = req.routeOptions?.url ?? '';
    if (
      req.method === 'GET' ||
      req.method === 'HEAD' ||
      !route.startsWith('/api/admin/') ||
      route.startsWith('/api/admin/auth/')
    ) {
      return next.handle();
    }
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          this.recordFallback(req, route, body)
            // Answer once every replica was sent the cache invalidations this write caused.
            .then(() => this.bus.settled(new RequestContext(String(req.id), req.actor)))
            .then(() => body),
        ),
      ),
    );
  }

  private async recordFallback(req: AdminRequest, route: string, body: unknown): Promise<void> {
    const requestId = String(req.id);
    if (this.audit.wasRecorded(requestId)) return;
    const params = (req.params ?? {}) as Record<string, string>;
    const json =
      body && typeof body === 'object' && !Buffer.isBuffer(body) ? (body as Record<string, unknown>) : null;
    const entityId = params.id ?? params.userId ?? (typeof json?.id === 'string' ? json.id : '-');
    try {
      await this.audit.record(new RequestContext(requestId, req.actor), {
        action: `${req.method} ${route}`,
        entityType: route.split('/')[3] ?? 'admin',
        entityId,
        before: null,
        after: json ?? (req.body && typeof req.body === 'object' ? (req.body as object) : null),
      });
    } catch (err) {
      this.logger.error({ err, route, requestId }, 'audit entry for an admin write could not be written');
    }
  }
}
