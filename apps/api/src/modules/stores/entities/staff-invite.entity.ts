import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';

/** A one-time code an owner shares with a new staff member; used once, then dead. */
@Entity({ name: 'staff_invite' })
@Index('UQ_staff_invite_code', ['code'], { unique: true })
@Index('IDX_staff_invite_store', ['storeId'])
export class StaffInvite extends CreatedEntity {
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_by_user_id', type: 'uuid', nullable: true })
  acceptedByUserId: string | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;
}
