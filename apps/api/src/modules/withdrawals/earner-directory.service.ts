import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { UsersService } from '../identity/users.service';
import type { EarnerType } from '../ledger/entities/ledger-account.entity';
import { ResellerService } from '../referral/reseller.service';
import { SettingsService } from '../settings/settings.service';
import { StoresService } from '../stores/stores.service';
import type {
  EarnerDirectory,
  EarnerInfo,
  WithdrawalRules,
  WithdrawalRulesSource,
} from './withdrawals.ports';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Earners as the owning modules know them. A reseller is an approved reseller user
 * and acts for themself; an agent is a user holding the `agent` role; a store is acted
 * for by its owner and paid to the owner's WeChat. A guide (导购) is a user who works at a
 * store (owner or staff) and acts for themself. A disabled account, a reseller no
 * longer approved or a suspended store may not withdraw (the balance stays).
 */
@Injectable()
export class EarnerDirectoryService implements EarnerDirectory, WithdrawalRulesSource {
  constructor(
    private readonly users: UsersService,
    private readonly resellers: ResellerService,
    private readonly settings: SettingsService,
    private readonly stores: StoresService,
  ) {}

  async describe(ctx: RequestContext, type: EarnerType, id: string): Promise<EarnerInfo | null> {
    if (!UUID.test(id)) return null;
    if (type === 'store') {
      const store = await this.stores.load(ctx, id).catch(() => null);
      if (!store) return null;
      const owner = store.ownerUserId ? await this.users.payee(ctx, store.ownerUserId) : null;
      return {
        active: store.status === 'active' && (owner?.active ?? false),
        payeeOpenid: owner?.openid ?? null,
        name: store.name,
      };
    }
    const user = await this.users.payee(ctx, id);
    if (!user) return null;
    const name = user.nickname ?? '微信用户';
    if (type === 'reseller') {
      const reseller = await this.resellers.mine(ctx, id);
      if (!reseller) return null;
      return { active: user.active && reseller.status === 'approved', payeeOpenid: user.openid, name };
    }
    if (type === 'guide') {
      const stores = await this.stores.myStores(ctx, id);
      return stores.length > 0 ? { active: user.active, payeeOpenid: user.openid, name } : null;
    }
    return user.roles.includes('agent') ? { active: user.active, payeeOpenid: user.openid, name } : null;
  }

  async canAct(ctx: RequestContext, userId: string, type: EarnerType, id: string): Promise<boolean> {
    if (type !== 'store') return userId === id;
    if (!UUID.test(id)) return false;
    const role = await this.stores.assertStaff(ctx, id, userId).catch(() => null);
    return role === 'owner';
  }

  async accountsOf(
    ctx: RequestContext,
    userId: string,
  ): Promise<{ type: EarnerType; id: string; info: EarnerInfo }[]> {
    const owned = (await this.stores.myStores(ctx, userId)).filter((s) => s.role === 'owner');
    const candidates: { type: EarnerType; id: string }[] = [
      { type: 'reseller', id: userId },
      { type: 'agent', id: userId },
      { type: 'guide', id: userId },
      ...owned.map((s) => ({ type: 'store' as const, id: s.id })),
    ];
    const found = await Promise.all(
      candidates.map(async (c) => ({ ...c, info: await this.describe(ctx, c.type, c.id) })),
    );
    return found.filter((f): f is { type: EarnerType; id: string; info: EarnerInfo } => f.info !== null);
  }

  async rules(ctx: RequestContext): Promise<WithdrawalRules> {
    const s = await this.settings.get(ctx);
    return { minWithdrawFen: s.minWithdrawFen, withdrawFeeBp: s.withdrawFeeBp };
  }
}
