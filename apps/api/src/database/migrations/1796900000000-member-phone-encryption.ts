import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member phones encrypted at rest: `users.phone` now holds AES-256-GCM text (longer than a
 * number) and `phone_hash` a keyed HMAC for search. The key lives in the app's config, not
 * here, so the existing plain phones are encrypted by the app at boot (MemberPhones), which
 * finds them by `phone_hash IS NULL`.
 */
export class MemberPhoneEncryption1796900000000 implements MigrationInterface {
  name = 'MemberPhoneEncryption1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN phone TYPE text`);
    await q.query(`ALTER TABLE users ADD COLUMN phone_hash varchar(64)`);
    await q.query(`CREATE INDEX idx_users_phone_hash ON users (phone_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Encrypted phones cannot be decrypted here (no key): they are dropped rather than kept unreadable.
    await q.query(`DROP INDEX idx_users_phone_hash`);
    await q.query(`UPDATE users SET phone = NULL WHERE phone_hash IS NOT NULL`);
    await q.query(`ALTER TABLE users DROP COLUMN phone_hash`);
    await q.query(`ALTER TABLE users ALTER COLUMN phone TYPE varchar(32)`);
  }
}
