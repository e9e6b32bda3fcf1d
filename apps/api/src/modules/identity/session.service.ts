import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { SessionCheck } from '../../common/auth/session-check';
import { TokenService, type TokenClaims } from '../../common/auth/token.service';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AdminUser } from './entities/admin-user.entity';
import { AuthSession } from './entities/auth-session.entity';
import { User } from './entities/user.entity';
import { IdentityErrors } from './identity.errors';

export interface TokenPair {
  accessToken: string;
  accessExpiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface Subject {
  kind: 'user' | 'admin';
  id: string;
  roles: string[];
  /** Admin accounts only: the stores a store manager is limited to. */
  storeIds?: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Sessions behind the bearer tokens.
 *
 * Token design: the access token is a short-lived HS256 JWT (sub, kind, roles,
 * sid, jti) checked on every request against its session row (one primary-key
 * read), so logout, revocation and disabling an account take effect at once.
 * The refresh token is opaque, `<sid>.<secret>`; only sha256(secret) is stored.
 * Each refresh rotates the secret with a conditional update; presenting an old
 * secret again means it leaked, and revokes the whole session.
 */
@Injectable()
export class SessionService implements SessionCheck {
  constructor(
    private readonly tx: TransactionService,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a session for a subject who just proved who they are. */
  async start(ctx: RequestContext, subject: Subject): Promise<TokenPair> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(
      this.clock.now().getTime() + this.config.auth.refreshTokenTtlSeconds * 1000,
    );
    await this.tx.repo(ctx, AuthSession).insert({
      id,
      subjectKind: subject.kind,
      subjectId: subject.id,
      refreshHash: sha256(secret),
      refreshExpiresAt,
    });
    return this.pair(subject, id, secret, refreshExpiresAt);
  }

  /** Swaps a refresh token for a new pair; the old refresh token stops working. */
  async refresh(ctx: RequestContext, kind: Subject['kind'], refreshToken: string): Promise<TokenPair> {
    const [sid, secret] = refreshToken.split('.');
    if (!sid || !secret || !UUID.test(sid)) throw IdentityErrors.AUTH_REFRESH_INVALID();
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, AuthSession);
      const session = await repo.findOneBy({ id: sid, subjectKind: kind });
      const now = this.clock.now();
      if (!session || session.revokedAt || session.refreshExpiresAt <= now)
        throw IdentityErrors.AUTH_REFRESH_INVALID();
      const next = randomBytes(32).toString('base64url');
      const refreshExpiresAt = new Date(now.getTime() + this.config.auth.refreshTokenTtlSeconds * 1000);
      const rotated = await repo.update(
        { id: sid, refreshHash: sha256(secret), revokedAt: IsNull() },
        { refreshHash: sha256(next), refreshExpiresAt, lastRefreshedAt: now },
      );
      if (!rotated.affected) {
        // A stale secret: it was rotated already, so someone else holds this token.
        await this.revokeOutsideTx(sid, 'refresh_reuse');
        throw IdentityErrors.AUTH_REFRESH_INVALID();
      }
      const subject = await this.subject(ctx, session);
      if (!subject) {
        await repo.update({ id: sid }, { revokedAt: now, revokedReason: 'account_disabled' });
        throw IdentityErrors.AUTH_ACCOUNT_DISABLED();
      }
      return this.pair(subject, sid, next, refreshExpiresAt);
    });
  }

  /** Ends one session (logout). */
  async revoke(ctx: RequestContext, sessionId: string, reason: string): Promise<void> {
    if (!UUID.test(sessionId)) return;
    await this.tx
      .repo(ctx, AuthSession)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: reason });
  }

  /** Ends every session of a subject (account disabled, roles or password changed). */
  async revokeAll(
    ctx: RequestContext,
    kind: Subject['kind'],
    subjectId: string,
    reason: string,
  ): Promise<number> {
    const r = await this.tx
      .repo(ctx, AuthSession)
      .update(
        { subjectKind: kind, subjectId, revokedAt: IsNull() },
        { revokedAt: this.clock.now(), revokedReason: reason },
      );
    return r.affected ?? 0;
  }

  /** The guard's check: a live session of this subject, whose account is not disabled. */
  async isActive(claims: TokenClaims): Promise<boolean> {
    if (!UUID.test(claims.sid) || !UUID.test(claims.sub)) return false;
    const rows: { revoked: boolean; subject_id: string; kind: string; disabled: boolean }[] = await this.tx
      .manager(this.systemCtx)
      .query(
        `SELECT s.revoked_at IS NOT NULL AS revoked, s.subject_id, s.subject_kind AS kind,
                COALESCE(u.disabled_at, a.disabled_at) IS NOT NULL AS disabled
           FROM (SELECT $1::uuid AS sid) q
           LEFT JOIN auth_sessions s ON s.id = q.sid
           LEFT JOIN users u ON $3 = 'user' AND u.id = $2::uuid
           LEFT JOIN admin_users a ON $3 = 'admin' AND a.id = $2::uuid`,
        [claims.sid, claims.sub, claims.kind],
      );
    const row = rows[0];
    if (row?.disabled) return false;
    if (!row?.subject_id) return false; // every token needs its session row
    return !row.revoked && row.subject_id === claims.sub && row.kind === claims.kind;
  }

  private readonly systemCtx = { requestId: 'session-check' } as RequestContext;

  private async revokeOutsideTx(sid: string, reason: string): Promise<void> {
    // Outside the caller's transaction, which is about to roll back with the error.
    await this.revoke({ requestId: 'refresh-reuse' } as RequestContext, sid, reason);
  }

  private async subject(ctx: RequestContext, s: AuthSession): Promise<Subject | null> {
    if (s.subjectKind === 'user') {
      const u = await this.tx.repo(ctx, User).findOneBy({ id: s.subjectId });
      return u && !u.disabledAt ? { kind: 'user', id: u.id, roles: u.roles } : null;
    }
    const a = await this.tx.repo(ctx, AdminUser).findOneBy({ id: s.subjectId });
    return a && !a.disabledAt ? { kind: 'admin', id: a.id, roles: a.roles, storeIds: a.storeIds } : null;
  }

  private pair(subject: Subject, sid: string, secret: string, refreshExpiresAt: Date): TokenPair {
    const access = this.tokens.issue({
      actor: { kind: subject.kind, id: subject.id, roles: subject.roles, storeIds: subject.storeIds },
      sessionId: sid,
    });
    return {
      accessToken: access.token,
      accessExpiresAt: access.expiresAt,
      refreshToken: `${sid}.${secret}`,
      refreshExpiresAt,
    };
  }
}
