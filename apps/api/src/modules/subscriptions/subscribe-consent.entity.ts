import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How many subscribe messages of one template a user still allows: each `accept` the
 * mini-program reports after `wx.requestSubscribeMessage` allows one message (WeChat's rule).
 */
@Entity({ name: 'subscribe_consent' })
export class SubscribeConsent {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId: string;

  @Column({ type: 'int', default: 0 })
  remaining: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
