import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import type { RateLimitRule, RateLimitSettings } from '../config/config';
import { CommonErrors } from './errors';

/**
 * Request limits at the edge with @fastify/rate-limit, answered 429 TOO_MANY_REQUESTS in
 * the error shape with `Retry-After`:
 * - login (admin password, WeChat code) and token refresh: per IP;
 * - uploads and share-link opens: per user (the bearer's subject), else per IP;
 * - every request without a token (anonymous routes): per IP.
 * Counters live in memory (one process) or in PostgreSQL (`rate_limit_counter`, shared
 * by every replica), per RATE_LIMIT_STORE. Limits are config (RATE_LIMIT_*).
 */

type Kind = keyof Omit<RateLimitSettings, 'store'>;
type Keyed = 'ip' | 'user';

const ROUTES: { kind: Kind; keyed: Keyed; method: string; url: string }[] = [
  { kind: 'login', keyed: 'ip', method: 'POST', url: '/api/admin/auth/login' },
  { kind: 'login', keyed: 'ip', method: 'POST', url: '/api/app/auth/wechat-login' },
  { kind: 'refresh', keyed: 'ip', method: 'POST', url: '/api/admin/auth/refresh' },
  { kind: 'refresh', keyed: 'ip', method: 'POST', url: '/api/app/auth/refresh' },
  { kind: 'upload', keyed: 'user', method: 'POST', url: '/api/app/uploads' },
  { kind: 'upload', keyed: 'user', method: 'POST', url: '/api/admin/uploads' },
  { kind: 'shareOpen', keyed: 'user', method: 'GET', url: '/api/app/r/:shareCode' },
  { kind: 'events', keyed: 'user', method: 'POST', url: '/api/app/events' },
];

/** Routes never limited: health checks and WeChat Pay's own notifications (retried by WeChat). */
const UNLIMITED = /^\/api\/(health|pay\/wechat\/)/;

type StoreCallback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** A @fastify/rate-limit store on PostgreSQL: one row per key, a fixed window per row. */
export function postgresStore(ds: DataSource) {
  let calls = 0;
  class PostgresRateLimitStore {
    incr(key: string, cb: StoreCallback, timeWindow: number): void {
      if (++calls % 500 === 0) {
        void ds
          .query(`DELETE FROM rate_limit_counter WHERE reset_at < now() - interval '1 minute'`)
          .catch(() => undefined);
      }
      ds.query(
        `INSERT INTO rate_limit_counter (key, hits, reset_at)
         VALUES ($1, 1, now() + $2 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limit_counter.reset_at <= now() THEN 1 ELSE rate_limit_counter.hits + 1 END,
           reset_at = CASE WHEN rate_limit_counter.reset_at <= now() THEN EXCLUDED.reset_at
                           ELSE rate_limit_counter.reset_at END
         RETURNING hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM reset_at - now()) * 1000))::int AS ttl`,
        [key, timeWindow],
      ).then(
        (rows: { hits: number; ttl: number }[]) => cb(null, { current: rows[0].hits, ttl: rows[0].ttl }),
        (err: Error) => cb(err),
      );
    }
    child(): PostgresRateLimitStore {
      return this;
    }
  }
  return PostgresRateLimitStore;
}

export async function registerRateLimits(
  fastify: FastifyInstance,
  settings: RateLimitSettings,
  deps: { dataSource?: DataSource; userOf: (token: string) => string | null },
): Promise<void> {
  await fastify.register(rateLimit, {
    global: false,
    ...(settings.store === 'postgres' && deps.dataSource ? { store: postgresStore(deps.dataSource) } : {}),
    // A database hiccup must not lock everybody out: the request goes on unlimited.
    skipOnError: true,
  });
  const bearerUser = (req: FastifyRequest): string | null => {
    const h = req.headers.authorization;
    return typeof h === 'string' && h.startsWith('Bearer ') ? deps.userOf(h.slice(7).trim()) : null;
  };
  const limiter = (kind: Kind, keyed: Keyed, rule: RateLimitRule) => {
    const check = fastify.createRateLimit({
      max: rule.max,
      timeWindow: rule.windowMs,
      keyGenerator: (req: FastifyRequest) => {
        const user = keyed === 'user' ? bearerUser(req) : null;
        return user ? `${kind}:u:${user}` : `${kind}:ip:${req.ip}`;
      },
    });
    return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const r = await check(req);
      if (r.isAllowed || !r.isExceeded) return;
      const retryAfterSeconds = Math.max(1, r.ttlInSeconds);
      void reply.header('retry-after', String(retryAfterSeconds));
      throw CommonErrors.TOO_MANY_REQUESTS({ retryAfterSeconds, limit: r.max });
    };
  };
  type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  const byRoute = new Map<string, Handler>();
  for (const r of ROUTES) {
    const rule = settings[r.kind];
    if (rule) byRoute.set(`${r.method} ${r.url}`, limiter(r.kind, r.keyed, rule));
  }
  const anonymous = settings.anonymous ? limiter('anonymous', 'ip', settings.anonymous) : null;
  fastify.addHook('onRequest', async (req, reply) => {
    const url = req.routeOptions.url ?? '';
    if (!url.startsWith('/api/') || UNLIMITED.test(url)) return;
    await byRoute.get(`${req.method} ${url}`)?.(req, reply);
    // A made-up Authorization header does not escape the anonymous limit: only a valid token does.
    if (anonymous && !bearerUser(req)) await anonymous(req, reply);
  });
}
