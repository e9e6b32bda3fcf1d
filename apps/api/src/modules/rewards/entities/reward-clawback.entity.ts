import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';

/** What one refund took back from one reward (unique: a refund event delivered twice claws once). */
@Entity({ name: 'reward_clawback' })
@Index('uq_reward_clawback_refund', ['refundId', 'rewardId'], { unique: true })
export class RewardClawback extends CreatedEntity {
  @Column({ name: 'reward_id', type: 'uuid' })
  rewardId: string;

  @Column({ name: 'refund_id', type: 'varchar', length: 64 })
  refundId: string;

  @MoneyColumn({ name: 'amount_fen' })
  amountFen: number;

  /** Taken from the pending balance, or from the available one after settlement (may leave a debt). */
  @Column({ type: 'varchar', length: 12 })
  phase: 'pending' | 'available';
}
