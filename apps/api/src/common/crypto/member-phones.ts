import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { RequestContext } from '../request-context';
import { TransactionService } from '../transaction.service';
import { FieldCipher, FieldCipherError } from './field-cipher';

/** The configured key, or a development key made once and kept under the data dir. */
function resolveKey(setting: AppConfig['memberDataKey']): Buffer {
  let text: string;
  if (typeof setting === 'string') text = setting;
  else {
    try {
      text = fs.readFileSync(setting.file, 'utf8');
    } catch {
      fs.mkdirSync(path.dirname(setting.file), { recursive: true });
      try {
        fs.writeFileSync(setting.file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
      } catch {
        // another process made it first
      }
      text = fs.readFileSync(setting.file, 'utf8');
    }
  }
  const key = FieldCipher.parseKey(text);
  if (!key) throw new Error('MEMBER_DATA_KEY: must be 32 bytes in base64');
  return key;
}

/** Thrown at boot when the configured key does not open the phones already stored. */
export class MemberDataKeyMismatch extends Error {
  constructor() {
    super(
      'MEMBER_DATA_KEY does not decrypt the member phone numbers already stored: ' +
        'start with the key they were encrypted with (phones sealed with a lost key cannot be recovered)',
    );
    this.name = 'MemberDataKeyMismatch';
  }
}

const BATCH = 500;

/**
 * The one way to store, read, mask and search members' phone numbers: kept encrypted in
 * `users.phone` (AES-256-GCM) with `users.phone_hash`, a keyed HMAC of the plain number
 * for equality search. At boot it checks the key against a stored phone and encrypts any
 * phone still in plain text (rows from before encryption), in batches, idempotently.
 */
@Injectable()
export class MemberPhones implements OnApplicationBootstrap {
  private readonly log = new Logger(MemberPhones.name);
  private readonly cipher: FieldCipher;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tx: TransactionService,
  ) {
    this.cipher = new FieldCipher(resolveKey(config.memberDataKey), 'member-phone');
  }

  /** Column values for a phone number (both null to clear it). */
  seal(phone: string | null): { phone: string | null; phoneHash: string | null } {
    if (!phone) return { phone: null, phoneHash: null };
    return { phone: this.cipher.seal(phone), phoneHash: this.hash(phone) };
  }

  /** The plain number of a stored value (a not-yet-encrypted legacy value passes through). */
  open(stored: string | null): string | null {
    if (!stored) return null;
    return FieldCipher.isSealed(stored) ? this.cipher.open(stored) : stored;
  }

  /** `138****5678` of a stored value, for lists. */
  masked(stored: string | null): string | null {
    return maskPhone(this.open(stored));
  }

  /** The lookup hash of a number typed in full (spaces and dashes ignored). */
  hash(phone: string): string {
    return this.cipher.hash(phone.replace(/[\s-]/g, ''));
  }

  async onApplicationBootstrap(): Promise<void> {
    const m = this.tx.manager(RequestContext.system('member-phones'));
    const [sample]: { phone: string }[] = await m.query(
      `SELECT phone FROM users WHERE phone_hash IS NOT NULL LIMIT 1`,
    );
    if (sample) {
      try {
        this.open(sample.phone);
      } catch (e) {
        if (e instanceof FieldCipherError) throw new MemberDataKeyMismatch();
        throw e;
      }
    }
    let done = 0;
    for (;;) {
      const rows: { id: string; phone: string }[] = await m.query(
        `SELECT id, phone FROM users WHERE phone IS NOT NULL AND phone_hash IS NULL ORDER BY id LIMIT ${BATCH}`,
      );
      for (const r of rows) {
        const sealed = this.seal(this.open(r.phone));
        // Another replica may be doing the same: only a row still unhashed is written.
        await m.query(`UPDATE users SET phone = $2, phone_hash = $3 WHERE id = $1 AND phone_hash IS NULL`, [
          r.id,
          sealed.phone,
          sealed.phoneHash,
        ]);
      }
      done += rows.length;
      if (rows.length < BATCH) break;
    }
    if (done) this.log.log(`encrypted ${done} member phone number(s) stored before encryption`);
  }
}

/** `138****5678`; short numbers keep only their last two digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `****${phone.slice(-2)}`;
}
