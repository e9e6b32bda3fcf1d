import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** Thrown when a value cannot be opened: another key sealed it, or it was altered. */
export class FieldCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldCipherError';
  }
}

/**
 * Encrypts single column values (AES-256-GCM, a fresh 12-byte IV each time) and gives a
 * keyed lookup hash (HMAC-SHA256) for equality search. The encryption and hashing keys are
 * both derived from one 32-byte key by HKDF, each with its own label, so `purpose` keeps
 * two uses of the same master key apart. Sealed text: `v1.<base64url(iv | tag | ciphertext)>`.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(key: Buffer, purpose: string) {
    if (key.length !== 32) throw new FieldCipherError('the field key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `cloudshelf:${purpose}:enc`, 32));
    this.macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `cloudshelf:${purpose}:hash`, 32));
  }

  /** A 32-byte key from its base64 (or base64url) text; null when it is not exactly 32 bytes. */
  static parseKey(text: string): Buffer | null {
    const key = Buffer.from(text.trim(), 'base64');
    return key.length === 32 ? key : null;
  }

  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}.`);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  open(sealed: string): string {
    if (!FieldCipher.isSealed(sealed)) throw new FieldCipherError('not a sealed value');
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
    if (raw.length < 28) throw new FieldCipherError('sealed value too short');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldCipherError('cannot decrypt: the value was sealed with another key or altered');
    }
  }

  /** Deterministic keyed hash (hex) for equality lookups; never reversible without the key. */
  hash(plain: string): string {
    return createHmac('sha256', this.macKey).update(plain, 'utf8').digest('hex');
  }
}
