import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { UsersService } from '../identity/users.service';
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
  outcome: BindOutcome;
  referrer: ReferrerView;
}

/** Share codes of resellers, and opening one (which binds the opener per settings). */
@Injectable()
export class ShareLinkService {
  constructor(
    private readonly tx: TransactionService,
    private readonly resellers: ResellerService,
    private readonly bindings: ReferralBindingService,
    private readonly users: UsersService,
  ) {}

  /** The reseller's code for this product (or for the shop), made once and reused. */
  async create(ctx: RequestContext, resellerId: string, productId: string | null): Promise<ShareLink> {
    if (!(await this.resellers.isApproved(ctx, resellerId))) throw ReferralErrors.REFERRAL_NOT_RESELLER();
    const repo = this.tx.repo(ctx, ShareLink);
    const existing = await repo.findOneBy({ resellerId, productId: productId ?? IsNull() });
    if (existing) return existing;
    const link = repo.create({ code: newShareCode(), resellerId, productId });
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
    const r = await this.bindings.bindByShare(ctx, customerId, link.resellerId, source, code);
    const reseller = await this.users.getMany(ctx, [link.resellerId]);
    return {
      shareCode: code,
      resellerId: link.resellerId,
      resellerNickname: reseller.get(link.resellerId)?.nickname ?? null,
      productId: link.productId,
      outcome: r.outcome,
      referrer: r.referrer,
    };
  }
}
