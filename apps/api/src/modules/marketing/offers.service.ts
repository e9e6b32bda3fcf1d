import { formatYuan } from '@cloudshelf/money';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import type { DiscountPart } from '../orders/checkout/discounts.ports';
import { MarketingErrors } from './marketing.errors';

export interface Offer {
  id: string;
  name: string;
  skuId: string;
  priceFen: number;
  startsAt: Date;
  endsAt: Date;
  totalQty: number;
  soldQty: number;
  perUserLimit: number;
  status: 'active' | 'stopped';
}

export type OfferInput = Pick<Offer, 'name' | 'skuId' | 'priceFen' | 'startsAt' | 'endsAt' | 'totalQty'> & {
  perUserLimit?: number;
};

export interface OfferLine {
  skuId: string;
  qty: number;
  amountFen: number;
}

/** What a quote takes from offers: the discount, why, and the units to hold at placement. */
export interface OfferPricing {
  amountFen: number;
  parts: DiscountPart[];
  takes: { offerId: string; qty: number }[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const toOffer = (r: any): Offer => ({
  id: r.id,
  name: r.name,
  skuId: r.sku_id,
  priceFen: Number(r.price_fen),
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  totalQty: r.total_qty,
  soldQty: r.sold_qty,
  perUserLimit: r.per_user_limit,
  status: r.status,
});
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Limited-time offers and flash sales: a SKU's price within a window, with its own quantity
 * and per-person limit. A quote takes the best offer price for as many units as the offer and
 * the buyer's limit allow, and the list price for the rest — so a sold-out offer never blocks
 * an ordinary checkout. Buying through a named offer (the flash-sale button) is strict: outside
 * the window, sold out or over the limit is refused. Placement holds the units with one
 * conditional UPDATE (never beyond the total); a cancelled order gives them back.
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly clock: Clock,
  ) {}

  async create(ctx: RequestContext, input: OfferInput): Promise<Offer> {
    if (input.startsAt >= input.endsAt)
      throw MarketingErrors.OFFER_INVALID({ reason: 'startsAt after endsAt' });
    const [row] = await this.tx.manager(ctx).query(
      `INSERT INTO offer (name, sku_id, price_fen, starts_at, ends_at, total_qty, per_user_limit)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        input.name,
        input.skuId,
        input.priceFen,
        input.startsAt,
        input.endsAt,
        input.totalQty,
        input.perUserLimit ?? 1,
      ],
    );
    return toOffer(row);
  }

  async list(ctx: RequestContext, activeOnly = false): Promise<Offer[]> {
    const rows = await this.tx
      .manager(ctx)
      .query(
        activeOnly
          ? `SELECT * FROM offer WHERE status = 'active' AND starts_at <= $1 AND ends_at > $1 ORDER BY ends_at LIMIT 100`
          : `SELECT * FROM offer ORDER BY created_at DESC LIMIT 200`,
        activeOnly ? [this.clock.now()] : [],
      );
    return rows.map(toOffer);
  }

  async get(ctx: RequestContext, id: string): Promise<Offer> {
    const rows = await this.tx.manager(ctx).query(`SELECT * FROM offer WHERE id = $1`, [id]);
    if (!rows.length) throw MarketingErrors.OFFER_NOT_FOUND();
    return toOffer(rows[0]);
  }

  async update(
    ctx: RequestContext,
    id: string,
    input: { name?: string; status?: 'active' | 'stopped'; totalQty?: number },
  ): Promise<Offer> {
    await this.get(ctx, id);
    const [rows] = await this.tx.manager(ctx).query(
      `UPDATE offer SET name = coalesce($2, name), status = coalesce($3, status), total_qty = coalesce($4, total_qty)
        WHERE id = $1 AND coalesce($4, total_qty) >= sold_qty RETURNING *`,
      [id, input.name ?? null, input.status ?? null, input.totalQty ?? null],
    );
    if (!rows.length) throw MarketingErrors.OFFER_INVALID({ reason: 'totalQty below sold' });
    return toOffer(rows[0]);
  }

  private async bought(ctx: RequestContext, offerId: string, userId: string): Promise<number> {
    const rows: { qty: number }[] = await this.tx
      .manager(ctx)
      .query(`SELECT qty FROM offer_purchase WHERE offer_id = $1 AND user_id = $2`, [offerId, userId]);
    return rows[0]?.qty ?? 0;
  }

  /** The offer discount of a checkout (see the class comment); `offerId` makes that offer strict. */
  async price(
    ctx: RequestContext,
    userId: string,
    lines: OfferLine[],
    offerId?: string,
  ): Promise<OfferPricing> {
    const now = this.clock.now();
    const out: OfferPricing = { amountFen: 0, parts: [], takes: [] };
    if (offerId) {
      const o = await this.get(ctx, offerId);
      const line = lines.find((l) => l.skuId === o.skuId);
      if (!line) return out;
      if (o.status !== 'active' || o.startsAt > now || o.endsAt <= now)
        throw MarketingErrors.OFFER_NOT_ACTIVE({ startsAt: o.startsAt, endsAt: o.endsAt });
      if (o.soldQty + line.qty > o.totalQty)
        throw MarketingErrors.OFFER_SOLD_OUT({ left: o.totalQty - o.soldQty });
      const bought = await this.bought(ctx, o.id, userId);
      if (bought + line.qty > o.perUserLimit)
        throw MarketingErrors.OFFER_LIMIT_REACHED({ limit: o.perUserLimit, bought });
      this.apply(out, o, line, line.qty);
      return out;
    }
    const skuIds = lines.map((l) => l.skuId);
    const offers: Offer[] = (
      await this.tx.manager(ctx).query(
        `SELECT * FROM offer WHERE sku_id = ANY($1) AND status = 'active' AND starts_at <= $2 AND ends_at > $2
            AND sold_qty < total_qty ORDER BY price_fen`,
        [skuIds, now],
      )
    ).map(toOffer);
    for (const line of lines) {
      for (const o of offers.filter((x) => x.skuId === line.skuId)) {
        const allowed = Math.min(
          line.qty,
          o.totalQty - o.soldQty,
          o.perUserLimit - (await this.bought(ctx, o.id, userId)),
        );
        if (allowed > 0 && this.apply(out, o, line, allowed)) break;
      }
    }
    return out;
  }

  private apply(out: OfferPricing, o: Offer, line: OfferLine, qty: number): boolean {
    const unit = Math.floor(line.amountFen / line.qty);
    const off = (unit - o.priceFen) * qty;
    if (off <= 0) return false;
    out.amountFen += off;
    out.takes.push({ offerId: o.id, qty });
    out.parts.push({
      kind: 'offer',
      amountFen: off,
      label: `限时特价「${o.name}」${formatYuan(o.priceFen, { symbol: true })} × ${qty}（原价 ${formatYuan(unit, { symbol: true })}）`,
    });
    return true;
  }

  /** Holds the units in the order's transaction: never beyond the total, nor the buyer's limit. */
  async reserve(
    ctx: RequestContext,
    userId: string,
    orderId: string,
    takes: OfferPricing['takes'],
  ): Promise<void> {
    const m = this.tx.manager(ctx);
    for (const t of takes) {
      const [, n]: [unknown, number] = await m.query(
        `UPDATE offer SET sold_qty = sold_qty + $2 WHERE id = $1 AND status = 'active'
            AND sold_qty + $2 <= total_qty AND starts_at <= $3 AND ends_at > $3`,
        [t.offerId, t.qty, this.clock.now()],
      );
      if (!n) throw MarketingErrors.OFFER_SOLD_OUT();
      const mine = await m.query(
        `INSERT INTO offer_purchase (offer_id, user_id, qty)
         SELECT $1, $2, $3 FROM offer o WHERE o.id = $1 AND $3 <= o.per_user_limit
         ON CONFLICT (offer_id, user_id) DO UPDATE SET qty = offer_purchase.qty + EXCLUDED.qty
         WHERE offer_purchase.qty + EXCLUDED.qty <= (SELECT per_user_limit FROM offer WHERE id = $1)
         RETURNING qty`,
        [t.offerId, userId, t.qty],
      );
      if (!mine.length) throw MarketingErrors.OFFER_LIMIT_REACHED();
      await m.query(`INSERT INTO offer_order (order_id, offer_id, user_id, qty) VALUES ($1, $2, $3, $4)`, [
        orderId,
        t.offerId,
        userId,
        t.qty,
      ]);
    }
  }

  /** A cancelled order's offer units go back to the offer and to the buyer's limit. */
  async release(ctx: RequestContext, orderId: string): Promise<void> {
    const m = this.tx.manager(ctx);
    const [rows]: [{ offer_id: string; user_id: string; qty: number }[]] = await m.query(
      `UPDATE offer_order SET returned = true WHERE order_id = $1 AND NOT returned RETURNING offer_id, user_id, qty`,
      [orderId],
    );
    for (const r of rows) {
      await m.query(`UPDATE offer SET sold_qty = sold_qty - $2 WHERE id = $1`, [r.offer_id, r.qty]);
      await m.query(`UPDATE offer_purchase SET qty = qty - $3 WHERE offer_id = $1 AND user_id = $2`, [
        r.offer_id,
        r.user_id,
        r.qty,
      ]);
    }
  }
}
