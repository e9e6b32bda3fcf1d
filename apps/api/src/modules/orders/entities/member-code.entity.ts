import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A short-lived code the mini-program shows as the member's code; staff scan it at the till. */
@Entity({ name: 'member_code' })
@Index('IDX_member_code_user', ['userId'])
export class MemberCode {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  code: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
