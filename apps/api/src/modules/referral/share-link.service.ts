import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { UsersService } from '../identity/users.service';
import { StoresService } from '../stores/stores.service';
import type { BindingSource } from './entities/binding-event.entity';
import { ShareLink } from './entities/share-link.entity';
import { ReferralBindingService, type BindOutcome, type ReferrerView } from './referral-binding.service';
import { ReferralErrors } from './referral.errors';
import { ResellerService } from './reseller.service';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
/** 10 characters of a 56-letter alphabet: ~58 bits, unguessable and a valid mini-program scene. */
export function newShareCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export interface OpenResult {
  shareCode: string;
  resellerId: string;
  resellerNickname: string | null;
  productId: string | null;
  /** Set for a guide link (导购): the store its sharer works at. */
  storeId: string | null;
  outcome: BindOutcome;
  referrer: ReferrerView;
}

/**
 * Share codes of resellers and of shopping guides (store staff sharing as staff of a store),
 * and opening one (which binds the opener per settings).
 */
@Injectable()
export class ShareLinkService {
  constructor(
    private readonly tx: TransactionService,
    private readonly resellers: ResellerService,
    private readonly bindings: ReferralBindingService,
    private readonly users: UsersService,
    private readonly stores: StoresService,
  ) {}

  /** The reseller's code for this product (or for the shop), made once and reused. */
  async create(ctx: RequestContext, resellerId: string, productId: string | null): Promise<ShareLink> {
    if (!(await this.resellers.isApproved(ctx, resellerId))) throw ReferralErrors.REFERRAL_NOT_RESELLER();
    return this.findOrMake(ctx, resellerId, productId, null);
  }

  /**
   * A guide link (导购): the staff member's (or owner's) code for a product or the store's
   * shelf, made as staff of that store. 404 STORE_NOT_FOUND for anyone else.
   */
  async createGuide(
    ctx: RequestContext,
    userId: string,
    storeId: string,
    productId: string | null,
  ): Promise<ShareLink> {
    await this.stores.assertStaff(ctx, storeId, userId);
    return this.findOrMake(ctx, userId, productId, storeId);
  }

  private async findOrMake(
    ctx: RequestContext,
    userId: string,
    productId: string | null,
    storeId: string | null,
  ): Promise<ShareLink> {
    const repo = this.tx.repo(ctx, ShareLink);
    const where = { resellerId: userId, productId: productId ?? IsNull(), storeId: storeId ?? IsNull() };
    const existing = await repo.findOneBy(where);
    if (existing) return existing;
    const link = repo.create({ code: newShareCode(), resellerId: userId, productId, storeId });
    await repo.insert(link);
    return link;
  }

  async find(ctx: RequestContext, code: string): Promise<ShareLink> {
    const link = /^[0-9A-Za-z]{1,16}$/.test(code)
      ? await this.tx.repo(ctx, ShareLink).findOneBy({ code })
      : null;
    if (!link) throw ReferralErrors.REFERRAL_SHARE_CODE_NOT_FOUND();
    return link;
  }

  /** Opening a link or a poster: idempotent (ten opens bind once and log once). */
  async open(
    ctx: RequestContext,
    customerId: string,
    code: string,
    source: BindingSource,
  ): Promise<OpenResult> {
    const link = await this.find(ctx, code);
    // A guide link binds only while its sharer still works at the store.
    const guideStore =
      link.storeId && (await this.isStaff(ctx, link.storeId, link.resellerId)) ? link.storeId : null;
    const r = await this.bindings.bindByShare(ctx, customerId, link.resellerId, source, code, {
      guide: link.storeId !== null,
      storeId: guideStore,
    });
    const reseller = await this.users.getMany(ctx, [link.resellerId]);
    return {
      shareCode: code,
      resellerId: link.resellerId,
      resellerNickname: reseller.get(link.resellerId)?.nickname ?? null,
      productId: link.productId,
      storeId: link.storeId,
      outcome: r.outcome,
      referrer: r.referrer,
    };
  }

  /** Is the user the store's owner or staff now? */
  async isStaff(ctx: RequestContext, storeId: string, userId: string): Promise<boolean> {
    return this.stores.assertStaff(ctx, storeId, userId).then(
      () => true,
      () => false,
    );
  }
}
