import { Inject, Injectable, Logger } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { type Page, findPage } from '../../common/paging';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { BCRYPT_COST } from './admin-auth.service';
import { AdminUser } from './entities/admin-user.entity';
import { IdentityErrors } from './identity.errors';
import { SessionService } from './session.service';

export interface AdminView {
  id: string;
  username: string;
  displayName: string | null;
  roles: string[];
  storeIds: string[];
  disabled: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export const adminView = (a: AdminUser): AdminView => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  roles: a.roles,
  storeIds: a.storeIds,
  disabled: Boolean(a.disabledAt),
  lockedUntil: a.lockedUntil,
  lastLoginAt: a.lastLoginAt,
  createdAt: a.createdAt,
});

export interface AdminPatch {
  displayName?: string;
  roles?: string[];
  storeIds?: string[];
  password?: string;
  disabled?: boolean;
}

/** Admin accounts: CRUD (audited), and the first `admin` account at boot. */
@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger('AdminUsers');

  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates `admin` (role admin) when no admin account exists yet: with
   * ADMIN_INITIAL_PASSWORD, or a generated password printed once to stdout.
   * Safe with several replicas starting at once (insert … on conflict).
   */
  async ensureInitialAdmin(): Promise<{ created: boolean; generatedPassword?: string }> {
    const ctx = RequestContext.system('boot:initial-admin');
    const count = await this.tx.repo(ctx, AdminUser).count();
    if (count > 0) return { created: false };
    const generated = this.config.auth.adminInitialPassword
      ? undefined
      : randomBytes(12).toString('base64url');
    const password = this.config.auth.adminInitialPassword ?? generated!;
    const created = await this.tx.run(ctx, async (ctx) => {
      const rows: { id: string }[] = await this.tx.manager(ctx).query(
        `INSERT INTO admin_users (username, display_name, password_hash, roles)
         VALUES ('admin', '超级管理员', $1, '{admin}') ON CONFLICT DO NOTHING RETURNING id`,
        [await bcrypt.hash(password, BCRYPT_COST)],
      );
      if (!rows.length) return false;
      await this.audit.record(ctx, {
        action: 'admin_user.create',
        entityType: 'admin_user',
        entityId: rows[0].id,
        after: { username: 'admin', roles: ['admin'] },
        reason: 'first start',
      });
      return true;
    });
    if (!created) return { created: false };
    if (generated && this.config.env !== 'test') {
      // Printed once, on the start that made the account; it is not stored anywhere in clear.
      console.log(
        `\n  Admin account created: username "admin", password "${generated}" (change it after login)\n`,
      );
    }
    this.logger.log('initial admin account created');
    return { created: true, generatedPassword: generated };
  }

  async list(ctx: RequestContext, q: { page?: number; pageSize?: number }): Promise<Page<AdminView>> {
    return findPage(this.tx.repo(ctx, AdminUser), q, { order: { createdAt: 'ASC' } }, (rows) =>
      rows.map(adminView),
    );
  }

  async get(ctx: RequestContext, id: string): Promise<AdminView> {
    const a = await this.tx.repo(ctx, AdminUser).findOneBy({ id });
    if (!a) throw IdentityErrors.USER_NOT_FOUND();
    return adminView(a);
  }

  async create(
    ctx: RequestContext,
    input: { username: string; password: string; roles: string[]; storeIds?: string[]; displayName?: string },
  ): Promise<AdminView> {
    const passwordHash = await bcrypt.hash(input.password, BCRYPT_COST);
    return this.tx.run(ctx, async (ctx) => {
      const storeIds = await this.existingStores(ctx, input.storeIds ?? []);
      const rows: { id: string }[] = await this.tx.manager(ctx).query(
        `INSERT INTO admin_users (username, display_name, password_hash, roles, store_ids)
         VALUES ($1, $2, $3, $4, $5::uuid[])
         ON CONFLICT DO NOTHING RETURNING id`,
        [input.username, input.displayName ?? null, passwordHash, input.roles, storeIds],
      );
      if (!rows.length) throw IdentityErrors.ADMIN_USERNAME_TAKEN({ username: input.username });
      const after = await this.get(ctx, rows[0].id);
      await this.audit.record(ctx, {
        action: 'admin_user.create',
        entityType: 'admin_user',
        entityId: after.id,
        after,
      });
      return after;
    });
  }

  /**
   * Changes an account. A new password, new roles, new stores or disabling ends the
   * account's sessions (tokens carry roles and stores). The last enabled `admin` cannot lose the role or be disabled.
   */
  async update(ctx: RequestContext, id: string, patch: AdminPatch): Promise<AdminView> {
    const passwordHash = patch.password ? await bcrypt.hash(patch.password, BCRYPT_COST) : undefined;
    return this.tx.run(ctx, async (ctx) => {
      const repo = this.tx.repo(ctx, AdminUser);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw IdentityErrors.USER_NOT_FOUND();
      const before = adminView(current);
      const changes: Partial<AdminUser> = {};
      if (patch.displayName !== undefined) changes.displayName = patch.displayName;
      if (patch.roles) changes.roles = [...new Set(patch.roles)];
      if (patch.storeIds) changes.storeIds = await this.existingStores(ctx, patch.storeIds);
      if (passwordHash) Object.assign(changes, { passwordHash, failedLogins: 0, lockedUntil: null });
      if (patch.disabled !== undefined)
        changes.disabledAt = patch.disabled ? (current.disabledAt ?? new Date()) : null;
      const losesAdmin =
        before.roles.includes('admin') &&
        !before.disabled &&
        ((changes.roles && !changes.roles.includes('admin')) || patch.disabled === true);
      if (losesAdmin) await this.assertAnotherAdmin(ctx, id);
      if (Object.keys(changes).length) await repo.update({ id }, changes);
      const after = await this.get(ctx, id);
      const rolesChanged = changes.roles && changes.roles.join() !== before.roles.join();
      const storesChanged =
        changes.storeIds && [...changes.storeIds].sort().join() !== [...before.storeIds].sort().join();
      if (passwordHash || rolesChanged || storesChanged || patch.disabled === true) {
        await this.sessions.revokeAll(ctx, 'admin', id, 'account_changed');
      }
      await this.audit.record(ctx, {
        action: 'admin_user.update',
        entityType: 'admin_user',
        entityId: id,
        before,
        after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after;
    });
  }

  /**
   * The ids, deduplicated, once every one is a store; else ADMIN_STORE_NOT_FOUND
   * with the missing ids.
   *
   * Checked with a query on the `store` table rather than through StoresService: the stores
   * module imports referral, whose services use identity's UsersService, so
   * identity importing StoresModule would close a module cycle (stores → referral
   * → identity → stores). Reading only the primary key keeps the coupling to the
   * table's name and id column.
   */
  private async existingStores(ctx: RequestContext, ids: string[]): Promise<string[]> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return [];
    const rows: { id: string }[] = await this.tx
      .manager(ctx)
      .query(`SELECT id FROM store WHERE id = ANY($1::uuid[])`, [wanted]);
    const found = new Set(rows.map((r) => r.id));
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length) throw IdentityErrors.ADMIN_STORE_NOT_FOUND({ storeIds: missing });
    return wanted;
  }

  private async assertAnotherAdmin(ctx: RequestContext, exceptId: string): Promise<void> {
    const [{ n }]: { n: number }[] = await this.tx.manager(ctx).query(
      `SELECT count(*)::int AS n FROM admin_users
        WHERE id <> $1 AND disabled_at IS NULL AND 'admin' = ANY(roles)`,
      [exceptId],
    );
    if (n === 0) throw IdentityErrors.ADMIN_CANNOT_REMOVE_LAST_ADMIN();
  }
}
