import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../request-context';

export interface TokenClaims {
  /** The user's or admin's id. */
  sub: string;
  kind: 'user' | 'admin';
  roles: string[];
  /** An admin account's managed stores; absent when it has none (auth/store-scope.ts). */
  stores?: string[];
  /** Session id: revoking the session revokes every token issued in it. */
  sid: string;
  jti: string;
  exp: number;
  iat: number;
}

export interface IssueInput {
  actor: Actor & { kind: 'user' | 'admin' };
  sessionId?: string;
  ttlSeconds?: number;
}

/** Signs and verifies the bearer tokens of both front ends (HS256 with AUTH_TOKEN_SECRET). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(input: IssueInput): { token: string; expiresAt: Date; sessionId: string; tokenId: string } {
    const ttl =
      input.ttlSeconds ??
      (input.actor.kind === 'admin'
        ? this.config.auth.adminTokenTtlSeconds
        : this.config.auth.userTokenTtlSeconds);
    const sessionId = input.sessionId ?? randomUUID();
    const tokenId = randomUUID();
    const token = this.jwt.sign(
      {
        kind: input.actor.kind,
        roles: input.actor.roles ?? [],
        sid: sessionId,
        ...(input.actor.storeIds?.length ? { stores: input.actor.storeIds } : {}),
      },
      { subject: input.actor.id, jwtid: tokenId, expiresIn: ttl, algorithm: 'HS256', issuer: 'cloudshelf' },
    );
    return { token, expiresAt: new Date(Date.now() + ttl * 1000), sessionId, tokenId };
  }

  /** The claims of a valid, unexpired token, else null. */
  verify(token: string): TokenClaims | null {
    try {
      return this.jwt.verify<TokenClaims>(token, { algorithms: ['HS256'], issuer: 'cloudshelf' });
    } catch {
      return null;
    }
  }
}
