import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { UsersService } from '../identity/users.service';
import type { EarnerType } from '../ledger/entities/ledger-account.entity';
import { ResellerService } from '../referral/reseller.service';
import { SettingsService } from '../settings/settings.service';
import type { EarnerDirectory, EarnerInfo, WithdrawalRules, WithdrawalRulesSource } from './earner-directory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Earners as the owning modules know them. A reseller is an approved reseller user
 * and acts for themself; an agent is a user holding the `agent` role. Transfers go to
 * the user's own openid; a disabled account or a reseller no longer approved may not
 * withdraw (its balance stays).
 */
@Injectable()
export class EarnerDirectoryService implements EarnerDirectory, WithdrawalRulesSource {
  constructor(
    private readonly users: UsersService,
    private readonly resellers: ResellerService,
    private readonly settings: SettingsService,
  ) {}

  async describe(ctx: RequestContext, type: EarnerType, id: string): Promise<EarnerInfo | null> {
    if (type === 'store' || !UUID.test(id)) return null;
    const user = await this.users.payee(ctx, id);
    if (!user) return null;
    const name = user.nickname ?? '微信用户';
    if (type === 'reseller') {
      const reseller = await this.resellers.mine(ctx, id);
      if (!reseller) return null;
      return { active: user.active && reseller.status === 'approved', payeeOpenid: user.openid, name };
    }
    return user.roles.includes('agent') ? { active: user.active, payeeOpenid: user.openid, name } : null;
  }

  async canAct(_ctx: RequestContext, userId: string, type: EarnerType, id: string): Promise<boolean> {
    return type !== 'store' && userId === id;
  }

  async rules(ctx: RequestContext): Promise<WithdrawalRules> {
    const s = await this.settings.get(ctx);
    return { minWithdrawFen: s.minWithdrawFen, withdrawFeeBp: s.withdrawFeeBp };
  }
}
