import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { AppError } from '../../../common/errors';
import type { ProductDto } from '../../catalog/dto/product.dto';
import { CustomersService } from '../../referral/customers.service';
import { ResellerService } from '../../referral/reseller.service';
import { ShareLinkService } from '../../referral/share-link.service';
import type { LineAttribution } from '../orders.ports';
import { SettingsService } from '../../settings/settings.service';
import { StoresService } from '../../stores/stores.service';

/**
 * Who a checkout credits (SPEC §5): the store of the scan in this checkout (the quote's
 * store, which is the scan code's store whenever a code came with the checkout), else the
 * customer's store lock; the reseller of a share code in this checkout (if an approved
 * reseller), else the referrer binding; that reseller's upline; the store's agent; and
 * every rate in force now (settings, overridden per product). Frozen on each line.
 */
@Injectable()
export class AttributionService {
  constructor(
    private readonly customers: CustomersService,
    private readonly resellers: ResellerService,
    private readonly shareLinks: ShareLinkService,
    private readonly stores: StoresService,
    private readonly settings: SettingsService,
  ) {}

  async snapshot(
    ctx: RequestContext,
    buyerId: string,
    checkout: { storeId: string | null; shareCode?: string },
    products: ProductDto[],
  ): Promise<Map<string, LineAttribution>> {
    const [bound, settings, shared] = await Promise.all([
      this.customers.attribution(ctx, buyerId),
      this.settings.get(ctx),
      checkout.shareCode ? this.sharedReseller(ctx, checkout.shareCode) : Promise.resolve(null),
    ]);
    const storeId = checkout.storeId ?? bound.storeId;
    const resellerId = shared ?? bound.resellerId;
    const [store, reseller] = await Promise.all([
      storeId ? this.stores.load(ctx, storeId) : Promise.resolve(null),
      resellerId ? this.resellers.mine(ctx, resellerId) : Promise.resolve(null),
    ]);
    const base = {
      buyerId,
      storeId,
      agentId: store?.agentUserId ?? null,
      agentRateBp: settings.agentRateBp,
      resellerId,
      uplineId: reseller?.uplineId ?? null,
      l2RateBp: settings.l2RateBp,
      selfPurchaseCommission: settings.selfPurchaseCommission,
    };
    return new Map(
      products.map((p) => [
        p.id,
        {
          ...base,
          storeRateBp: p.rewardRateBp ?? settings.storeRateBp,
          l1RateBp: p.commissionRateBp ?? settings.l1RateBp,
        } satisfies LineAttribution,
      ]),
    );
  }

  /** The reseller behind a share code, if it is a code of an approved reseller. */
  private async sharedReseller(ctx: RequestContext, code: string): Promise<string | null> {
    try {
      const link = await this.shareLinks.find(ctx, code);
      return (await this.resellers.isApproved(ctx, link.resellerId)) ? link.resellerId : null;
    } catch (err) {
      if (err instanceof AppError) return null; // an unknown code credits nobody; checkout goes on
      throw err;
    }
  }
}
