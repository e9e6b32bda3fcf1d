import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';

/** Roles a mini-program user may hold at once; `consumer` is everyone's. */
export const USER_ROLES = ['consumer', 'reseller', 'store_staff', 'store_owner', 'agent'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A WeChat user of the mini-program (one row per openid of our app). */
@Entity({ name: 'users' })
@Index('IDX_users_created', ['createdAt'])
export class User extends TimestampedEntity {
  @Index('uq_users_openid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Index('idx_users_unionid')
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  /** WeChat's session_key from the last login: server-side only, never in a response. */
  @Column({ name: 'session_key', type: 'varchar', length: 128, nullable: true, select: false })
  sessionKey: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  nickname: string | null;

  @Column({ name: 'avatar_url', type: 'varchar', length: 512, nullable: true })
  avatarUrl: string | null;

  /**
   * The pure number (country code apart) encrypted: read and write it only through
   * MemberPhones (common/crypto), never as plain text.
   */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Keyed hash of the plain number, for search by a full number (MemberPhones.hash). */
  @Index('idx_users_phone_hash')
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash: string | null;

  @Column({ name: 'phone_country_code', type: 'varchar', length: 8, nullable: true })
  phoneCountryCode: string | null;

  @Column({ type: 'text', array: true, default: () => `'{consumer}'` })
  roles: string[];

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
