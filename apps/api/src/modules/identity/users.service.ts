import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { MemberPhones } from '../../common/crypto/member-phones';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { WechatMiniClient } from '../../wechat/wechat-mini.client';
import { User, type UserRole } from './entities/user.entity';
import { IdentityErrors } from './identity.errors';
import { mapWechatError } from './wechat-login.service';

/** What other modules and the API show of a user (never openid-level secrets). */
export interface UserView {
  id: string;
  nickname: string | null;
  avatarUrl: string | null;
  phone: string | null;
  roles: string[];
  createdAt: Date;
}

const view = (u: User, phones: MemberPhones): UserView => ({
  id: u.id,
  nickname: u.nickname,
  avatarUrl: u.avatarUrl,
  phone: phones.open(u.phone),
  roles: u.roles,
  createdAt: u.createdAt,
});

/** Mini-program users: profile, phone authorisation, roles. */
@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly wechat: WechatMiniClient,
    private readonly phones: MemberPhones,
  ) {}

  async get(ctx: RequestContext, userId: string): Promise<UserView> {
    const u = await this.tx.repo(ctx, User).findOneBy({ id: userId });
    if (!u) throw IdentityErrors.USER_NOT_FOUND();
    return view(u, this.phones);
  }

  /** Users by id; unknown ids are left out. */
  async getMany(ctx: RequestContext, ids: string[]): Promise<Map<string, UserView>> {
    if (!ids.length) return new Map();
    const rows = await this.tx.repo(ctx, User).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((u) => [u.id, view(u, this.phones)]));
  }

  async updateProfile(
    ctx: RequestContext,
    userId: string,
    patch: { nickname?: string; avatarUrl?: string },
  ): Promise<UserView> {
    const repo = this.tx.repo(ctx, User);
    const changes: Partial<User> = {};
    if (patch.nickname !== undefined) changes.nickname = patch.nickname;
    if (patch.avatarUrl !== undefined) changes.avatarUrl = patch.avatarUrl;
    if (Object.keys(changes).length) await repo.update({ id: userId }, changes);
    return this.get(ctx, userId);
  }

  /** Exchanges a `getPhoneNumber` button code for the user's phone number and keeps it. */
  async authorisePhone(ctx: RequestContext, userId: string, code: string): Promise<UserView> {
    let phone;
    try {
      phone = await this.wechat.getPhoneNumber(code);
    } catch (err) {
      throw mapWechatError(err, 'phone');
    }
    await this.tx
      .repo(ctx, User)
      .update(
        { id: userId },
        { ...this.phones.seal(phone.purePhoneNumber), phoneCountryCode: phone.countryCode },
      );
    return this.get(ctx, userId);
  }

  /**
   * Where WeChat transfers for this user go (server-side only: the openid never leaves
   * the API). `active` is false for a disabled account. Null for an unknown user.
   */
  async payee(
    ctx: RequestContext,
    userId: string,
  ): Promise<{ openid: string; active: boolean; roles: string[]; nickname: string | null } | null> {
    const u = await this.tx.repo(ctx, User).findOneBy({ id: userId });
    return u ? { openid: u.openid, active: !u.disabledAt, roles: u.roles, nickname: u.nickname } : null;
  }

  /** Adds a role (idempotent, no read-modify-write); the next token refresh carries it. */
  async addRole(ctx: RequestContext, userId: string, role: UserRole): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(
        `UPDATE users SET roles = array_append(roles, $2), updated_at = now() WHERE id = $1 AND NOT ($2 = ANY(roles))`,
        [userId, role],
      );
  }

  async removeRole(ctx: RequestContext, userId: string, role: UserRole): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(
        `UPDATE users SET roles = array_remove(roles, $2), updated_at = now() WHERE id = $1 AND $2 = ANY(roles)`,
        [userId, role],
      );
  }
}
