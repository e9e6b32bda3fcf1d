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
 * Who a checkout credits (SPEC §5): the store of a code scanned in this checkout, else the
 * customer's store lock — the store chosen for pickup is where the goods wait, not a scan,
 * so it does not take the credit from the locked store; the reseller of a share code in this checkout (if an approved
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
    checkout: { scannedStoreId: string | null; shareCode?: string },
    products: ProductDto[],
  ): Promise<Map<string, LineAttribution>> {
    const [bound, settings, shared] = await Promise.all([
      this.customers.attribution(ctx, buyerId),
      this.settings.get(ctx),
      checkout.shareCode ? this.sharedReseller(ctx, checkout.shareCode) : Promise.resolve(null),
    ]);
    const storeId = checkout.scannedStoreId ?? bound.storeId;
    const [store, found] = await Promise.all([
      storeId ? this.stores.load(ctx, storeId) : Promise.resolve(null),
      (shared ?? bound.resellerId)
        ? this.resellers.mine(ctx, (shared ?? bound.resellerId)!)
        : Promise.resolve(null),
    ]);
    // A revoked reseller earns nothing on new orders, neither as L1 nor as someone's upline.
    const reseller = found?.status === 'approved' ? found : null;
    const resellerId = reseller?.userId ?? null;
    const uplineId =
      reseller?.uplineId && (await this.resellers.isApproved(ctx, reseller.uplineId))
        ? reseller.uplineId
        : null;
    const base = {
      buyerId,
      storeId,
      agentId: store?.agentUserId ?? null,
      agentRateBp: settings.agentRateBp,
      resellerId,
      uplineId,
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
