import { Inject, Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AdminUser } from './entities/admin-user.entity';
import { AdminUsersService } from './admin-users.service';
import { IdentityErrors } from './identity.errors';
import { SessionService, type TokenPair } from './session.service';

export const BCRYPT_COST = 10;
/** Compared against when the username is unknown, so both failures take the same time. */
const DUMMY_HASH = bcrypt.hashSync('cloudshelf-no-such-admin', BCRYPT_COST);

/**
 * Username + password login with lockout: `adminMaxFailedLogins` consecutive
 * failures lock the account for `adminLockoutSeconds` (423 ADMIN_ACCOUNT_LOCKED,
 * even with the right password). Counting is one conditional UPDATE, so parallel
 * guesses cannot slip past the limit.
 */
@Injectable()
export class AdminAuthService {
  constructor(
    private readonly tx: TransactionService,
    private readonly sessions: SessionService,
    private readonly admins: AdminUsersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    ctx: RequestContext,
    username: string,
    password: string,
  ): Promise<TokenPair & { adminId: string }> {
    const repo = this.tx.repo(ctx, AdminUser);
    const admin = await repo
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('lower(a.username) = lower(:username)', { username })
      .getOne();
    const now = this.clock.now();
    if (admin?.lockedUntil && admin.lockedUntil > now) {
      throw IdentityErrors.ADMIN_ACCOUNT_LOCKED({
        retryAfterSeconds: secondsBetween(now, admin.lockedUntil),
      });
    }
    const ok = await bcrypt.compare(password, admin?.passwordHash ?? DUMMY_HASH);
    if (!admin || !ok || admin.disabledAt) {
      if (admin && !ok) await this.countFailure(ctx, admin.id, now);
      throw IdentityErrors.ADMIN_INVALID_CREDENTIALS();
    }
    return this.tx.run(ctx, async (ctx) => {
      await this.tx
        .repo(ctx, AdminUser)
        .update({ id: admin.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
      const pair = await this.sessions.start(ctx, {
        kind: 'admin',
        id: admin.id,
        roles: admin.roles,
        storeIds: admin.storeIds,
      });
      return { ...pair, adminId: admin.id };
    });
  }

  /**
   * Changes the logged-in admin's own password after checking the current one. Every
   * session of the account ends (as with any password change) and a fresh pair is
   * returned, so this browser stays logged in while the others must log in again.
   */
  async changeOwnPassword(
    ctx: RequestContext,
    adminId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<TokenPair> {
    const admin = await this.tx
      .repo(ctx, AdminUser)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('a.id = :adminId', { adminId })
      .getOne();
    if (!admin || admin.disabledAt) throw IdentityErrors.AUTH_ACCOUNT_DISABLED();
    if (!(await bcrypt.compare(currentPassword, admin.passwordHash))) {
      throw IdentityErrors.ADMIN_PASSWORD_WRONG({ fields: { currentPassword: ['当前密码不正确'] } });
    }
    if (currentPassword === newPassword) {
      throw IdentityErrors.ADMIN_PASSWORD_UNCHANGED({
        fields: { newPassword: ['新密码不能与当前密码相同'] },
      });
    }
    return this.tx.run(ctx, async (ctx) => {
      await this.admins.update(ctx, adminId, { password: newPassword });
      return this.sessions.start(ctx, {
        kind: 'admin',
        id: admin.id,
        roles: admin.roles,
        storeIds: admin.storeIds,
      });
    });
  }

  private async countFailure(ctx: RequestContext, adminId: string, now: Date): Promise<void> {
    const { adminMaxFailedLogins: max, adminLockoutSeconds: lockSeconds } = this.config.auth;
    // TypeORM answers an UPDATE … RETURNING as [rows, affected].
    const [rows]: [{ locked_until: Date | null }[], number] = await this.tx.manager(ctx).query(
      `UPDATE admin_users
          SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
        WHERE id = $1
        RETURNING locked_until`,
      [adminId, max, new Date(now.getTime() + lockSeconds * 1000)],
    );
    const lockedUntil = rows[0]?.locked_until;
    if (lockedUntil && new Date(lockedUntil) > now) {
      throw IdentityErrors.ADMIN_ACCOUNT_LOCKED({ retryAfterSeconds: lockSeconds });
    }
  }
}

function secondsBetween(a: Date, b: Date): number {
  return Math.max(1, Math.ceil((b.getTime() - a.getTime()) / 1000));
}
