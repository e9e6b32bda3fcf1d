import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';

/**
 * The real name of a person who receives WeChat transfers, keyed by the openid that receives
 * them. WeChat requires it from 2000 yuan on. Stored encrypted (AES-256-GCM under
 * PII_ENCRYPTION_KEY); only the masked form is ever shown.
 */
@Entity({ name: 'payee_real_name' })
export class PayeeRealName extends TimestampedEntity {
  @Index('uq_payee_real_name_openid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid: string;

  /** The mini-program user who entered it. */
  @Column({ name: 'user_id', type: 'varchar', length: 64 })
  userId: string;

  /** `v1:` + base64(iv ‖ tag ‖ ciphertext). */
  @Column({ name: 'name_cipher', type: 'text' })
  nameCipher: string;

  /** Every character but the last replaced by `*` (张三 → *三). */
  @Column({ name: 'name_masked', type: 'varchar', length: 64 })
  nameMasked: string;
}
