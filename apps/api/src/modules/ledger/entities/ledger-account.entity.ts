import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';

/** Who an account belongs to: an earner, or the platform itself. */
export type OwnerType = 'store' | 'reseller' | 'agent' | 'guide' | 'platform';
/** `guide`: a store's staff member (导购), credited for sales through their staff share links. */
export const EARNER_TYPES = ['store', 'reseller', 'agent', 'guide'] as const;
export type EarnerType = (typeof EARNER_TYPES)[number];

/**
 * Earner accounts: pending (earned, not yet settled), available (may be withdrawn; negative
 * = debt after a clawback), withdrawing (requested, not yet paid out).
 * Platform accounts: commission_expense (what rewards cost), payouts (paid out to earners),
 * fees (withdrawal fees kept).
 */
export type AccountKind = 'pending' | 'available' | 'withdrawing' | 'commission_expense' | 'payouts' | 'fees';

/**
 * One account of the double-entry ledger. `balanceFen` is a cache of the sum of the
 * account's entries, changed only in the same transaction as the entries (and checked
 * against them by tests); the entries are the truth.
 */
@Entity({ name: 'ledger_account' })
@Index('uq_ledger_account_owner_kind', ['ownerType', 'ownerId', 'kind'], { unique: true })
export class LedgerAccount extends CreatedEntity {
  @Column({ name: 'owner_type', type: 'varchar', length: 16 })
  ownerType: OwnerType;

  /** The store's, user's or agent's id; `platform` for platform accounts. */
  @Column({ name: 'owner_id', type: 'varchar', length: 64 })
  ownerId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: AccountKind;

  @MoneyColumn({ name: 'balance_fen', default: 0 })
  balanceFen: number;
}
