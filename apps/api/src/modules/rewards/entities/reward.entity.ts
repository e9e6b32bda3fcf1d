import { Check, Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';
import { StateMachine } from '../../../common/state-machine';
import type { EarnerType } from '../../ledger/entities/ledger-account.entity';
import type { RewardKind } from '../reward-split';

/**
 * PENDING (accrued on payment) → AVAILABLE (settled `settleDaysAfterComplete` after the
 * order completed) ; PENDING → CANCELLED when refunds take all of it back before settlement.
 */
export type RewardStatus = 'PENDING' | 'AVAILABLE' | 'CANCELLED';

export const rewardMachine = new StateMachine<RewardStatus>(
  'reward',
  {
    PENDING: ['AVAILABLE', 'CANCELLED'],
    AVAILABLE: [],
    CANCELLED: [],
  },
  'REWARD_STATE_INVALID',
);

/** One reward or commission: one order line × one kind (store, agent, L1, L2). */
@Entity({ name: 'reward' })
@Index('uq_reward_line_kind', ['lineId', 'kind'], { unique: true })
@Index('ix_reward_earner', ['earnerType', 'earnerId', 'createdAt'])
@Index('ix_reward_settle', ['status', 'orderCompletedAt'])
@Check('ck_reward_amounts', `"amount_fen" > 0 AND "clawed_fen" >= 0 AND "clawed_fen" <= "amount_fen"`)
export class Reward extends TimestampedEntity {
  @Index('ix_reward_order')
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: RewardKind;

  @Column({ name: 'earner_type', type: 'varchar', length: 16 })
  earnerType: EarnerType;

  @Column({ name: 'earner_id', type: 'varchar', length: 64 })
  earnerId: string;

  @Column({ name: 'buyer_id', type: 'varchar', length: 64 })
  buyerId: string;

  /** The line's paid amount the rate applies to. */
  @MoneyColumn({ name: 'base_fen' })
  baseFen: number;

  @Column({ name: 'rate_bp', type: 'int' })
  rateBp: number;

  @MoneyColumn({ name: 'amount_fen' })
  amountFen: number;

  /** Taken back by refunds so far. */
  @MoneyColumn({ name: 'clawed_fen', default: 0 })
  clawedFen: number;

  /** The line's refunds seen so far: clawbacks are proportions of this running total. */
  @MoneyColumn({ name: 'refunded_base_fen', default: 0 })
  refundedBaseFen: number;

  @Column({ type: 'varchar', length: 12 })
  status: RewardStatus;

  @Column({ name: 'order_completed_at', type: 'timestamptz', nullable: true })
  orderCompletedAt: Date | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;
}
