import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';

/** A web-admin account: username and bcrypt password, one or more admin roles. */
@Entity({ name: 'admin_users' })
export class AdminUser extends TimestampedEntity {
  @Index('uq_admin_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64, nullable: true })
  displayName: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 100, select: false })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: string[];

  /**
   * The stores this account manages. Limits what a `store_manager` sees
   * (common/auth/store-scope.ts); carried in its access tokens.
   */
  @Column({ name: 'store_ids', type: 'uuid', array: true, default: () => "'{}'" })
  storeIds: string[];

  /** Consecutive failed logins; reset by a successful one or a password change. */
  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
