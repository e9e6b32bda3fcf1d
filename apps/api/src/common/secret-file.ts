import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A configured secret, or (outside production) a development secret made once and kept in a
 * file under the data dir. Creation is first-writer-wins, so processes starting together agree.
 */
export function resolveSecret(secret: string | { file: string }): string {
  if (typeof secret === 'string') return secret;
  try {
    return fs.readFileSync(secret.file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(secret.file), { recursive: true });
    const made = randomBytes(48).toString('base64url');
    try {
      fs.writeFileSync(secret.file, made, { flag: 'wx', mode: 0o600 });
      return made;
    } catch {
      return fs.readFileSync(secret.file, 'utf8').trim(); // another process made it first
    }
  }
}
