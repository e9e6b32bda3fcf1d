import { Column, Entity, Index } from 'typeorm';
import { StatusHistoryEntity } from '../../../common/status-history.entity';

/** History of a reward: accrued, settled, or cancelled by refunds. */
@Entity({ name: 'reward_event' })
@Index('ix_reward_event_reward', ['rewardId'])
export class RewardEvent extends StatusHistoryEntity {
  @Column({ name: 'reward_id', type: 'uuid' })
  rewardId: string;
}
