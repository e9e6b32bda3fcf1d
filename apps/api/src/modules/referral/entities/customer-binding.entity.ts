import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Who gets credit for a customer: the store lock and the referrer, one row per
 * customer. Every change goes through a row lock on this row, so two scans or
 * two share links opened at once are decided one after the other.
 */
@Entity({ name: 'customer_bindings' })
@Index('idx_customer_bindings_store', ['storeId', 'storeLockExpiresAt'])
@Index('idx_customer_bindings_referrer', ['referrerId', 'referrerExpiresAt'])
export class CustomerBinding {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId: string | null;

  @Column({ name: 'store_locked_at', type: 'timestamptz', nullable: true })
  storeLockedAt: Date | null;

  /** Renewed by every qualifying scan of the same store. */
  @Column({ name: 'store_lock_expires_at', type: 'timestamptz', nullable: true })
  storeLockExpiresAt: Date | null;

  /** The reseller (a user id). */
  @Column({ name: 'referrer_id', type: 'uuid', nullable: true })
  referrerId: string | null;

  @Column({ name: 'referrer_bound_at', type: 'timestamptz', nullable: true })
  referrerBoundAt: Date | null;

  /** Null with a referrer = bound forever (referralBindDays 0). */
  @Column({ name: 'referrer_expires_at', type: 'timestamptz', nullable: true })
  referrerExpiresAt: Date | null;

  /** Set when the referrer bound the customer through a guide link: the store they shared it for. */
  @Column({ name: 'referrer_store_id', type: 'uuid', nullable: true })
  referrerStoreId: string | null;

  /** Ever had a referrer: such a customer is no longer "new" for `newUsersOnly`. */
  @Column({ name: 'ever_referred', type: 'boolean', default: false })
  everReferred: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
