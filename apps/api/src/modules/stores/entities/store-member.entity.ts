import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const STORE_MEMBER_ROLES = ['owner', 'staff'] as const;
export type StoreMemberRole = (typeof STORE_MEMBER_ROLES)[number];

/** Who works for a store in the mini-program: its owner and the staff the owner invited. */
@Entity({ name: 'store_member' })
@Index('IDX_store_member_user', ['userId'])
export class StoreMember {
  @PrimaryColumn({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16 })
  role: StoreMemberRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
