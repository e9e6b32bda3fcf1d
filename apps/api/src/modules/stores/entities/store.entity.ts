import { Check, Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';

export const STORE_STATUSES = ['active', 'suspended'] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

/** A partner store (门店) and its cloud store (云店). Owner and agent are user ids of the identity module. */
@Entity({ name: 'store' })
@Index('IDX_store_status', ['status'])
@Index('IDX_store_owner', ['ownerUserId'])
@Index('IDX_store_agent', ['agentUserId'])
@Check('CHK_store_geo', '"lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180')
export class Store extends TimestampedEntity {
  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** WGS-84/GCJ-02 as the mini-program reports it (wx.getLocation type gcj02). */
  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  /** Free text shown to customers, e.g. `09:00-22:00`. */
  @Column({ name: 'opening_hours', type: 'varchar', length: 100, default: '' })
  openingHours: string;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  /** 代理商: earns an override on this store's sales. */
  @Column({ name: 'agent_user_id', type: 'uuid', nullable: true })
  agentUserId: string | null;

  /** Shopping guide (导购) rate for this store's staff links; null = the `guideRateBp` setting. */
  @Column({ name: 'guide_rate_bp', type: 'int', nullable: true })
  guideRateBp: number | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: StoreStatus;
}
