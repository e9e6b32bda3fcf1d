import { Injectable } from '@nestjs/common';
import { Clock, DAY_MS } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { MarketingErrors } from './marketing.errors';

export type CouponKind = 'amount' | 'percent';
export type CouponScope = 'all' | 'category' | 'products';

export interface CouponTemplateInput {
  name: string;
  /** 满减: `amountFen` off; 折扣: `percentOffBp` off (8.5折 = 1500), at most `maxDiscountFen`. */
  kind: CouponKind;
  amountFen?: number;
  percentOffBp?: number;
  maxDiscountFen?: number | null;
  scope: CouponScope;
  /** Category ids (scope category) or product ids (scope products). */
  scopeIds?: string[];
  minSpendFen?: number;
  /** Fixed validity dates, or `validDays` after the claim. */
  validFrom?: Date | null;
  validTo?: Date | null;
  validDays?: number | null;
  totalQty: number;
  perUserLimit?: number;
  /** Shoppers may claim it themselves (otherwise operators issue it). */
  claimable?: boolean;
}

export interface CouponTemplate extends Required<
  Omit<CouponTemplateInput, 'validFrom' | 'validTo' | 'validDays'>
> {
  id: string;
  validFrom: Date | null;
  validTo: Date | null;
  validDays: number | null;
  claimedQty: number;
  status: 'active' | 'stopped';
  createdAt: Date;
}

export type CouponState = 'available' | 'used' | 'expired';

export interface Coupon {
  id: string;
  templateId: string;
  userId: string;
  state: CouponState;
  validFrom: Date;
  validTo: Date;
  orderId: string | null;
  claimedAt: Date;
  usedAt: Date | null;
  template: CouponTemplate;
}

export interface CouponLine {
  productId: string;
  categoryId?: string;
  amountFen: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const toTemplate = (r: any): CouponTemplate => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  amountFen: Number(r.amount_fen),
  percentOffBp: r.percent_off_bp,
  maxDiscountFen: r.max_discount_fen === null ? null : Number(r.max_discount_fen),
  scope: r.scope,
  scopeIds: r.scope_ids ?? [],
  minSpendFen: Number(r.min_spend_fen),
  validFrom: r.valid_from,
  validTo: r.valid_to,
  validDays: r.valid_days,
  totalQty: r.total_qty,
  claimedQty: r.claimed_qty,
  perUserLimit: r.per_user_limit,
  claimable: r.claimable,
  status: r.status,
  createdAt: r.created_at,
});
/* eslint-enable @typescript-eslint/no-explicit-any */

const COUPON_COLUMNS = `c.id AS c_id, c.template_id AS c_template_id, c.user_id AS c_user_id, c.status AS c_status,
  c.valid_from AS c_valid_from, c.valid_to AS c_valid_to, c.order_id AS c_order_id, c.claimed_at AS c_claimed_at,
  c.used_at AS c_used_at, t.*`;

/** The goods a coupon applies to among the lines (all, a category's, or listed products). */
export function eligibleFen(t: Pick<CouponTemplate, 'scope' | 'scopeIds'>, lines: CouponLine[]): number {
  return lines
    .filter(
      (l) =>
        t.scope === 'all' ||
        (t.scope === 'category' && !!l.categoryId && t.scopeIds.includes(l.categoryId)) ||
        (t.scope === 'products' && t.scopeIds.includes(l.productId)),
    )
    .reduce((s, l) => s + l.amountFen, 0);
}

/** What a coupon takes off these lines (0 when below its minimum spend or nothing is in scope). */
export function couponDiscount(t: CouponTemplate, lines: CouponLine[]): number {
  const base = eligibleFen(t, lines);
  if (base <= 0 || base < t.minSpendFen) return 0;
  const off =
    t.kind === 'amount'
      ? t.amountFen
      : Math.min(Math.floor((base * t.percentOffBp) / 10_000), t.maxDiscountFen ?? Number.MAX_SAFE_INTEGER);
  return Math.min(off, base);
}

/**
 * Coupon templates and the coupons claimed from them. A claim is two conditional writes in
 * one transaction — the template's count (never beyond the total) and the member's count
 * (never beyond the per-person limit) — so concurrent claims cannot over-issue. A coupon is
 * used by one conditional UPDATE (available → used with the order), so exactly once.
 */
@Injectable()
export class CouponsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly clock: Clock,
  ) {}

  async createTemplate(ctx: RequestContext, input: CouponTemplateInput): Promise<CouponTemplate> {
    this.check(input);
    const [row] = await this.tx.manager(ctx).query(
      `INSERT INTO coupon_template (name, kind, amount_fen, percent_off_bp, max_discount_fen, scope, scope_ids,
         min_spend_fen, valid_from, valid_to, valid_days, total_qty, per_user_limit, claimable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
      [
        input.name,
        input.kind,
        input.kind === 'amount' ? (input.amountFen ?? 0) : 0,
        input.kind === 'percent' ? (input.percentOffBp ?? 0) : 0,
        input.maxDiscountFen ?? null,
        input.scope,
        input.scope === 'all' ? [] : (input.scopeIds ?? []),
        input.minSpendFen ?? 0,
        input.validFrom ?? null,
        input.validTo ?? null,
        input.validDays ?? null,
        input.totalQty,
        input.perUserLimit ?? 1,
        input.claimable ?? true,
      ],
    );
    return toTemplate(row);
  }

  private check(input: CouponTemplateInput): void {
    const bad = (reason: string) => MarketingErrors.COUPON_TEMPLATE_INVALID({ reason });
    if (input.kind === 'amount' && !(input.amountFen && input.amountFen > 0)) throw bad('amountFen required');
    if (input.kind === 'percent' && !(input.percentOffBp && input.percentOffBp > 0))
      throw bad('percentOffBp required');
    if (input.scope !== 'all' && !input.scopeIds?.length) throw bad('scopeIds required for this scope');
    if (!input.validDays && !input.validTo) throw bad('validTo or validDays required');
    if (input.validFrom && input.validTo && input.validFrom >= input.validTo)
      throw bad('validFrom after validTo');
  }

  /** Operators: rename, stop/restart, or change the total (never below what was claimed). */
  async updateTemplate(
    ctx: RequestContext,
    id: string,
    input: { name?: string; status?: 'active' | 'stopped'; totalQty?: number; claimable?: boolean },
  ): Promise<CouponTemplate> {
    await this.template(ctx, id);
    const [rows] = await this.tx.manager(ctx).query(
      `UPDATE coupon_template SET name = coalesce($2, name), status = coalesce($3, status),
         total_qty = coalesce($4, total_qty), claimable = coalesce($5, claimable), updated_at = now()
       WHERE id = $1 AND coalesce($4, total_qty) >= claimed_qty RETURNING *`,
      [id, input.name ?? null, input.status ?? null, input.totalQty ?? null, input.claimable ?? null],
    );
    if (!rows.length) throw MarketingErrors.COUPON_TEMPLATE_INVALID({ reason: 'totalQty below claimed' });
    return toTemplate(rows[0]);
  }

  async templates(ctx: RequestContext): Promise<CouponTemplate[]> {
    const rows = await this.tx.manager(ctx).query(`SELECT * FROM coupon_template ORDER BY created_at DESC`);
    return rows.map(toTemplate);
  }

  async template(ctx: RequestContext, id: string): Promise<CouponTemplate> {
    const rows = await this.tx.manager(ctx).query(`SELECT * FROM coupon_template WHERE id = $1`, [id]);
    if (!rows.length) throw MarketingErrors.COUPON_TEMPLATE_NOT_FOUND();
    return toTemplate(rows[0]);
  }

  /** A shopper claims one coupon of a claimable template. */
  async claim(ctx: RequestContext, userId: string, templateId: string): Promise<Coupon> {
    return this.grant(ctx, userId, templateId, 'claim');
  }

  /**
   * Operators issue one coupon to each member listed (a segment's members): within the total
   * and each member's limit; members at their limit, and everyone once the total is out, are skipped.
   */
  async issue(
    ctx: RequestContext,
    templateId: string,
    userIds: string[],
  ): Promise<{ issued: number; skipped: number }> {
    await this.template(ctx, templateId);
    let issued = 0;
    for (const userId of userIds) {
      try {
        await this.grant(ctx, userId, templateId, 'issue');
        issued++;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'COUPON_SOLD_OUT') break;
        if (code !== 'COUPON_LIMIT_REACHED') throw err;
      }
    }
    return { issued, skipped: userIds.length - issued };
  }

  private async grant(
    ctx: RequestContext,
    userId: string,
    templateId: string,
    source: 'claim' | 'issue',
  ): Promise<Coupon> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const now = this.clock.now();
      const [taken] = await m.query(
        `UPDATE coupon_template SET claimed_qty = claimed_qty + 1, updated_at = now()
          WHERE id = $1 AND status = 'active' AND ($2 OR claimable) AND claimed_qty < total_qty
            AND (valid_to IS NULL OR valid_to > $3) RETURNING *`,
        [templateId, source === 'issue', now],
      );
      if (!taken.length) {
        const t = await this.template(c, templateId);
        if (t.status !== 'active' || (source === 'claim' && !t.claimable))
          throw MarketingErrors.COUPON_NOT_CLAIMABLE();
        if (t.validTo && t.validTo <= now) throw MarketingErrors.COUPON_EXPIRED();
        throw MarketingErrors.COUPON_SOLD_OUT();
      }
      const t = toTemplate(taken[0]);
      const mine = await m.query(
        `INSERT INTO coupon_claim (template_id, user_id, claimed) VALUES ($1, $2, 1)
         ON CONFLICT (template_id, user_id) DO UPDATE SET claimed = coupon_claim.claimed + 1
         WHERE coupon_claim.claimed < $3 RETURNING claimed`,
        [templateId, userId, t.perUserLimit],
      );
      if (!mine.length) throw MarketingErrors.COUPON_LIMIT_REACHED({ limit: t.perUserLimit });
      const validFrom = t.validDays ? now : (t.validFrom ?? now);
      const validTo = t.validDays ? new Date(now.getTime() + t.validDays * DAY_MS) : t.validTo!;
      const [row] = await m.query(
        `INSERT INTO coupon (template_id, user_id, valid_from, valid_to, source, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [templateId, userId, validFrom, validTo, source, now],
      );
      return this.coupon(c, userId, row.id);
    });
  }

  /* eslint-disable @typescript-eslint/no-explicit-any */
  private toCoupon(r: any): Coupon {
    const state: CouponState =
      r.c_status === 'used' ? 'used' : r.c_valid_to <= this.clock.now() ? 'expired' : 'available';
    return {
      id: r.c_id,
      templateId: r.c_template_id,
      userId: r.c_user_id,
      state,
      validFrom: r.c_valid_from,
      validTo: r.c_valid_to,
      orderId: r.c_order_id,
      claimedAt: r.c_claimed_at,
      usedAt: r.c_used_at,
      template: toTemplate(r),
    };
  }
  /* eslint-enable @typescript-eslint/no-explicit-any */

  async coupon(ctx: RequestContext, userId: string, id: string): Promise<Coupon> {
    const rows = await this.tx
      .manager(ctx)
      .query(
        `SELECT ${COUPON_COLUMNS} FROM coupon c JOIN coupon_template t ON t.id = c.template_id WHERE c.id = $1 AND c.user_id = $2`,
        [id, userId],
      );
    if (!rows.length) throw MarketingErrors.COUPON_NOT_FOUND();
    return this.toCoupon(rows[0]);
  }

  /** A member's coupons, usable first (soonest to expire first), then used and expired. */
  async mine(ctx: RequestContext, userId: string, state?: CouponState): Promise<Coupon[]> {
    const rows = await this.tx.manager(ctx).query(
      `SELECT ${COUPON_COLUMNS} FROM coupon c JOIN coupon_template t ON t.id = c.template_id
          WHERE c.user_id = $1 ORDER BY c.status, c.valid_to LIMIT 200`,
      [userId],
    );
    const all = rows.map((r: unknown) => this.toCoupon(r));
    return state ? all.filter((c: Coupon) => c.state === state) : all;
  }

  /** Templates a shopper may claim now that apply to a product (all, its category, or it by name). */
  async claimableFor(
    ctx: RequestContext,
    product: { id: string; categoryId: string },
  ): Promise<CouponTemplate[]> {
    const rows = await this.tx.manager(ctx).query(
      `SELECT * FROM coupon_template WHERE status = 'active' AND claimable AND claimed_qty < total_qty
          AND (valid_to IS NULL OR valid_to > $1)
          AND (scope = 'all' OR (scope = 'category' AND $2 = ANY(scope_ids)) OR (scope = 'products' AND $3 = ANY(scope_ids)))
        ORDER BY created_at DESC LIMIT 50`,
      [this.clock.now(), product.categoryId, product.id],
    );
    return rows.map(toTemplate);
  }

  /** What a coupon of the buyer's takes off a checkout; refuses used, expired and inapplicable coupons. */
  async evaluate(
    ctx: RequestContext,
    userId: string,
    couponId: string,
    lines: CouponLine[],
  ): Promise<number> {
    const c = await this.coupon(ctx, userId, couponId);
    if (c.state === 'used') throw MarketingErrors.COUPON_USED();
    const now = this.clock.now();
    if (c.state === 'expired' || c.validFrom > now || c.template.status !== 'active')
      throw MarketingErrors.COUPON_EXPIRED({ validFrom: c.validFrom, validTo: c.validTo });
    const off = couponDiscount(c.template, lines);
    if (!off) throw MarketingErrors.COUPON_NOT_APPLICABLE({ minSpendFen: c.template.minSpendFen });
    return off;
  }

  /** Marks the coupon used by the order: exactly once (a second use finds it used). */
  async use(ctx: RequestContext, couponId: string, orderId: string): Promise<void> {
    const [, n]: [unknown, number] = await this.tx
      .manager(ctx)
      .query(
        `UPDATE coupon SET status = 'used', order_id = $2, used_at = $3 WHERE id = $1 AND status = 'available'`,
        [couponId, orderId, this.clock.now()],
      );
    if (!n) throw MarketingErrors.COUPON_USED();
  }

  /** Gives back the coupon an order used (the whole order cancelled or refunded). */
  async giveBack(ctx: RequestContext, orderId: string): Promise<number> {
    const [, n]: [unknown, number] = await this.tx
      .manager(ctx)
      .query(
        `UPDATE coupon SET status = 'available', order_id = NULL, used_at = NULL WHERE order_id = $1 AND status = 'used'`,
        [orderId],
      );
    return n;
  }
}
