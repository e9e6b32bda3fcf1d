import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { randomAlnum, randomDigits, randomHex } from './crypto';

/**
 * Development credentials shared by the simulator and the API's default config.
 * Never used against real WeChat; the file lives under `.data/` and is never committed.
 */
export interface DevCredentials {
  appId: string;
  appSecret: string;
  mchId: string;
  /** Merchant API certificate serial (40 upper-case hex chars). */
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  merchantPublicKeyPem: string;
  /** WeChat Pay platform key ("WeChat Pay public key" mode). */
  platformPrivateKeyPem: string;
  platformPublicKeyPem: string;
  platformPublicKeyId: string;
  /** APIv3 key: 32 ASCII characters. */
  apiV3Key: string;
}

export const CREDENTIALS_FILE = 'credentials.json';

function rsaPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

function generate(): DevCredentials {
  const merchant = rsaPair();
  const platform = rsaPair();
  const mchId = '1' + randomDigits(9);
  return {
    appId: 'wx' + randomHex(8),
    appSecret: randomHex(16),
    mchId,
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKeyPem: merchant.privateKeyPem,
    merchantPublicKeyPem: merchant.publicKeyPem,
    platformPrivateKeyPem: platform.privateKeyPem,
    platformPublicKeyPem: platform.publicKeyPem,
    platformPublicKeyId: `PUB_KEY_ID_01${mchId}${randomDigits(12)}`,
    apiV3Key: randomAlnum(32),
  };
}

/**
 * Returns the credentials stored in `dir/credentials.json`, generating them on first use.
 * Creation is atomic and first-writer-wins (temp file + hard link), so the API and the
 * simulator starting at the same moment still end up with one set of keys.
 */
export function ensureDevCredentials(dir: string): DevCredentials {
  const file = join(dir, CREDENTIALS_FILE);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomHex(4)}.tmp`;
    writeFileSync(tmp, JSON.stringify(generate(), null, 2), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as DevCredentials;
}
