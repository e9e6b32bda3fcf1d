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

/** Who brought the buyer: a link's or a binding's person, and the store if it was a guide link. */
interface Promoter {
  userId: string;
  guideStoreId: string | null;
}

/**
 * Who a checkout credits (SPEC §5): the store of a code scanned in this checkout, else the
 * customer's store lock — the store chosen for pickup is where the goods wait, not a scan,
 * so it does not take the credit from the locked store; the promoter of a share code in this
 * checkout, else the referrer binding; the store's agent; and every rate in force now
 * (settings, overridden per product and, for guides, per store). Frozen on each line.
 *
 * The promoter slot has one earner per line. When the link (or the binding's link) was shared
 * by a member of the attributed store AS its staff (a guide link of that store), that person
 * is the line's guide (导购) at the store's guide rate, else the `guideRateBp` setting, and no
 * reseller commission is paid. Otherwise the promoter earns L1 (and their upline L2) if they
 * are an approved reseller — a reseller who is also staff earns as a guide only through staff
 * links of the store the order is attributed to.
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
      checkout.shareCode ? this.sharedPromoter(ctx, checkout.shareCode) : Promise.resolve(null),
    ]);
    const storeId = checkout.scannedStoreId ?? bound.storeId;
    const store = storeId ? await this.stores.load(ctx, storeId) : null;
    const fromBinding = bound.resellerId
      ? { userId: bound.resellerId, guideStoreId: bound.referrerStoreId }
      : null;
    // A share code that credits nobody here (e.g. another store's guide link) leaves the binding's credit.
    const credit =
      (shared && (await this.credit(ctx, shared, storeId))) ??
      (fromBinding && (await this.credit(ctx, fromBinding, storeId))) ??
      null;
    const guideId = credit?.as === 'guide' ? credit.userId : null;
    const found = credit?.as === 'reseller' ? await this.resellers.mine(ctx, credit.userId) : null;
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
      guideId,
      guideRateBp: guideId ? (store?.guideRateBp ?? settings.guideRateBp) : 0,
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

  /**
   * How a promoter earns on a line of `storeId`: as its guide through a guide link of that
   * store while they work there; otherwise as a reseller if they are one (a reseller link
   * is checked when the code is read; a binding's reseller stands as bound); else not at all.
   */
  private async credit(
    ctx: RequestContext,
    p: Promoter,
    storeId: string | null,
  ): Promise<{ userId: string; as: 'guide' | 'reseller' } | null> {
    if (
      p.guideStoreId &&
      p.guideStoreId === storeId &&
      (await this.shareLinks.isStaff(ctx, storeId, p.userId))
    )
      return { userId: p.userId, as: 'guide' };
    if (p.guideStoreId && !(await this.resellers.isApproved(ctx, p.userId))) return null;
    return { userId: p.userId, as: 'reseller' };
  }

  /**
   * The person behind a share code: an approved reseller's code, or any guide link (whether
   * it credits a guide is decided against the attributed store).
   */
  private async sharedPromoter(ctx: RequestContext, code: string): Promise<Promoter | null> {
    try {
      const link = await this.shareLinks.find(ctx, code);
      if (link.storeId) return { userId: link.resellerId, guideStoreId: link.storeId };
      return (await this.resellers.isApproved(ctx, link.resellerId))
        ? { userId: link.resellerId, guideStoreId: null }
        : null;
    } catch (err) {
      if (err instanceof AppError) return null; // an unknown code credits nobody; checkout goes on
      throw err;
    }
  }
}
