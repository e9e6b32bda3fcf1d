import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { WechatError } from '../../wechat/wechat.errors';
import { WechatMiniClient } from '../../wechat/wechat-mini.client';
import { User } from './entities/user.entity';
import { IdentityErrors } from './identity.errors';
import { SessionService, type TokenPair } from './session.service';

/** Maps WeChat's login and phone errcodes to our stable codes; anything else is "WeChat unavailable". */
export function mapWechatError(err: unknown, kind: 'login' | 'phone'): unknown {
  if (!(err instanceof WechatError)) return err;
  switch (err.errcode) {
    case 40029:
      return kind === 'login'
        ? IdentityErrors.AUTH_LOGIN_CODE_INVALID()
        : IdentityErrors.AUTH_PHONE_CODE_INVALID();
    case 40163:
      return kind === 'login'
        ? IdentityErrors.AUTH_LOGIN_CODE_USED()
        : IdentityErrors.AUTH_PHONE_CODE_INVALID();
    case 40226:
      return IdentityErrors.AUTH_WECHAT_RISKY_USER();
    default:
      return IdentityErrors.AUTH_WECHAT_UNAVAILABLE({ wechatCode: err.code });
  }
}

/** Mini-program login: `wx.login` code → code2session → our user → a session. */
@Injectable()
export class WechatLoginService {
  private readonly logger = new Logger('WechatLogin');

  constructor(
    private readonly tx: TransactionService,
    private readonly wechat: WechatMiniClient,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Finds or creates the user of this openid (keeping the unionid and the newest
   * session_key server-side) and starts a session. A new user is a consumer.
   */
  async login(ctx: RequestContext, code: string): Promise<TokenPair & { userId: string; isNew: boolean }> {
    let wx;
    try {
      wx = await this.wechat.code2session(code);
    } catch (err) {
      if (err instanceof WechatError) this.logger.warn({ code: err.code }, 'code2session refused');
      throw mapWechatError(err, 'login');
    }
    return this.tx.run(ctx, async (ctx) => {
      const inserted: { id: string }[] = await this.tx.manager(ctx).query(
        `INSERT INTO users (openid, unionid, session_key) VALUES ($1, $2, $3)
         ON CONFLICT (openid) DO NOTHING RETURNING id`,
        [wx.openid, wx.unionid ?? null, wx.sessionKey],
      );
      const isNew = inserted.length === 1;
      if (!isNew) {
        await this.tx
          .manager(ctx)
          .query(
            `UPDATE users SET session_key = $2, unionid = COALESCE($3, unionid), updated_at = now() WHERE openid = $1`,
            [wx.openid, wx.sessionKey, wx.unionid ?? null],
          );
      }
      const user = await this.tx.repo(ctx, User).findOneByOrFail({ openid: wx.openid });
      if (user.disabledAt) throw IdentityErrors.AUTH_ACCOUNT_DISABLED();
      const pair = await this.sessions.start(ctx, { kind: 'user', id: user.id, roles: user.roles });
      return { ...pair, userId: user.id, isNew };
    });
  }
}
