import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context';
import { resolveSecret } from '../../common/secret-file';
import { TransactionService } from '../../common/transaction.service';
import { UsersService } from '../identity/users.service';
import { PayeeRealName } from './entities/payee-real-name.entity';
import { WithdrawalErrors } from './withdrawals.errors';

/** From 2000 yuan on WeChat's merchant transfer requires the receiver's real name. */
export const REAL_NAME_THRESHOLD_FEN = 200_000;

export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : '*'.repeat(chars.length - 1) + chars[chars.length - 1];
}

/** Receivers' real names: collected once, encrypted at rest, shown masked, decrypted only for WeChat. */
@Injectable()
export class RealNameService {
  private key?: Buffer;

  constructor(
    private readonly tx: TransactionService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private cipherKey(): Buffer {
    this.key ??= createHash('sha256').update(resolveSecret(this.config.auth.piiKey)).digest();
    return this.key;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.cipherKey(), iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const raw = Buffer.from(stored.replace(/^v1:/, ''), 'base64');
    const d = createDecipheriv('aes-256-gcm', this.cipherKey(), raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }

  private async openidOf(ctx: RequestContext, userId: string): Promise<string> {
    const user = await this.users.payee(ctx, userId);
    if (!user) throw WithdrawalErrors.WITHDRAWAL_NOT_FOUND();
    return user.openid;
  }

  /** The user's own name as shown back: masked, or null when none is on file. */
  async mine(ctx: RequestContext, userId: string): Promise<string | null> {
    const openid = await this.openidOf(ctx, userId);
    const row = await this.tx.repo(ctx, PayeeRealName).findOneBy({ openid });
    return row?.nameMasked ?? null;
  }

  /** Stores (or replaces) the user's real name; repeats are harmless. Returns the masked form. */
  async set(ctx: RequestContext, userId: string, name: string): Promise<string> {
    const openid = await this.openidOf(ctx, userId);
    const masked = maskName(name);
    await this.tx.manager(ctx).query(
      `INSERT INTO payee_real_name (openid, user_id, name_cipher, name_masked) VALUES ($1, $2, $3, $4)
         ON CONFLICT (openid) DO UPDATE SET user_id = $2, name_cipher = $3, name_masked = $4, updated_at = now()`,
      [openid, userId, this.encrypt(name), masked],
    );
    return masked;
  }

  async has(ctx: RequestContext, openid: string): Promise<boolean> {
    return (await this.tx.repo(ctx, PayeeRealName).countBy({ openid })) > 0;
  }

  /** The plain name for the transfer to WeChat, or undefined. */
  async plainFor(ctx: RequestContext, openid: string): Promise<string | undefined> {
    const row = await this.tx.repo(ctx, PayeeRealName).findOneBy({ openid });
    return row ? this.decrypt(row.nameCipher) : undefined;
  }
}
