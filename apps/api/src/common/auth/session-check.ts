import type { TokenClaims } from './token.service';

/**
 * Provided by the identity module: tells whether a token's session is still
 * live (logout, revocation, a disabled account). Absent → only the signature and
 * expiry count.
 */
export const SESSION_CHECK = Symbol('SESSION_CHECK');

export interface SessionCheck {
  isActive(claims: TokenClaims): Promise<boolean>;
}
