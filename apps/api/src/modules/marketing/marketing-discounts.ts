import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import type {
  DiscountContext,
  DiscountPart,
  DiscountProvider,
  DiscountResult,
} from '../orders/checkout/discounts.ports';
import { CouponsService } from './coupons.service';
import { LevelsService } from './levels.service';
import { MarketingErrors } from './marketing.errors';
import { OffersService } from './offers.service';
import { POINTS_CAP_BP, PointsService, pointsFor } from './points.service';

interface OrderMarketingRow {
  buyer_id: string;
  coupon_id: string | null;
  coupon_returned: boolean;
  points_used: string;
  points_returned: string;
  points_earned: string;
  points_clawed: string;
  multiplier_bp: number | null;
}

/**
 * Members and marketing in checkout, through the orders module's discount port, in this
 * order: limited-time offer prices, the level discount, then the coupon (on the list amounts of the lines it covers),
 * then points (1 point = 1 fen, at most POINTS_CAP_BP of what is left). Placing the order
 * uses the coupon and debits the points in the order's transaction; `order_marketing`
 * remembers what the order took so cancel, completion and refunds can settle it.
 */
@Injectable()
export class MarketingDiscounts implements DiscountProvider {
  readonly name = 'marketing';

  constructor(
    private readonly tx: TransactionService,
    private readonly levels: LevelsService,
    private readonly coupons: CouponsService,
    private readonly points: PointsService,
    private readonly offers: OffersService,
  ) {}

  async discount(ctx: RequestContext, input: DiscountContext): Promise<DiscountResult> {
    const offer = await this.offers.price(ctx, input.buyerId, input.lines, input.choice?.offerId);
    const parts: DiscountPart[] = [...offer.parts];
    const afterOffer = input.goodsFen - offer.amountFen;
    const level = await this.levels.levelOf(ctx, input.buyerId);
    const levelFen = level?.discountBp ? Math.floor((afterOffer * level.discountBp) / 10_000) : 0;
    if (levelFen) parts.push({ kind: 'level', amountFen: levelFen, label: `${level!.name}会员折扣` });
    const couponId = input.choice?.couponId;
    let couponFen = 0;
    if (couponId) {
      couponFen = Math.min(
        await this.coupons.evaluate(ctx, input.buyerId, couponId, input.lines),
        afterOffer - levelFen,
      );
      parts.push({ kind: 'coupon', amountFen: couponFen, label: '优惠券' });
    }
    const points = input.choice?.points ?? 0;
    if (points > 0) {
      const balance = await this.points.balance(ctx, input.buyerId);
      if (points > balance) throw MarketingErrors.POINTS_INSUFFICIENT({ balance, points });
      const capFen = Math.floor(((afterOffer - levelFen - couponFen) * POINTS_CAP_BP) / 10_000);
      if (points > capFen) throw MarketingErrors.POINTS_OVER_CAP({ maxPoints: capFen, points });
      parts.push({ kind: 'points', amountFen: points, label: `积分抵扣 ${points} 分` });
    }
    const amountFen = offer.amountFen + levelFen + couponFen + points;
    if (!amountFen) return { amountFen: 0, parts };
    return {
      amountFen,
      parts,
      reserve: async (c, orderId) => {
        if (offer.takes.length) await this.offers.reserve(c, input.buyerId, orderId, offer.takes);
        if (couponId) await this.coupons.use(c, couponId, orderId);
        if (points > 0)
          await this.points.post(c, {
            userId: input.buyerId,
            delta: -points,
            kind: 'redeem',
            orderId,
            ref: `redeem:${orderId}`,
            note: '下单抵扣',
          });
        await this.tx.manager(c).query(
          `INSERT INTO order_marketing (order_id, buyer_id, coupon_id, coupon_fen, points_used, level_fen)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [orderId, input.buyerId, couponId ?? null, couponFen, points, levelFen],
        );
      },
    };
  }

  private async row(ctx: RequestContext, orderId: string): Promise<OrderMarketingRow | null> {
    const rows: OrderMarketingRow[] = await this.tx
      .manager(ctx)
      .query(`SELECT * FROM order_marketing WHERE order_id = $1 FOR UPDATE`, [orderId]);
    return rows[0] ?? null;
  }

  /** A cancelled unpaid order: the coupon and every point go back. */
  async onOrderCancelled(ctx: RequestContext, orderId: string): Promise<void> {
    await this.offers.release(ctx, orderId);
    const r = await this.row(ctx, orderId);
    if (!r) return;
    await this.giveBack(ctx, orderId, r, Number(r.points_used), true);
  }

  /** Points earned on completion: on what was paid for goods (less refunds so far) × the level's multiplier. */
  async onOrderCompleted(ctx: RequestContext, orderId: string): Promise<void> {
    const o = await this.goods(ctx, orderId);
    if (!o) return;
    const level = await this.levels.levelOf(ctx, o.buyerId);
    const multiplierBp = level?.pointsMultiplierBp ?? 10_000;
    const earned = pointsFor(o.paidFen - o.refundedFen, multiplierBp);
    const m = this.tx.manager(ctx);
    await m.query(
      `INSERT INTO order_marketing (order_id, buyer_id, points_earned, multiplier_bp) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO UPDATE SET points_earned = EXCLUDED.points_earned, multiplier_bp = EXCLUDED.multiplier_bp
       WHERE order_marketing.multiplier_bp IS NULL`,
      [orderId, o.buyerId, earned, multiplierBp],
    );
    await this.points.post(ctx, {
      userId: o.buyerId,
      delta: earned,
      kind: 'earn',
      orderId,
      ref: `earn:${orderId}`,
      note: level ? `订单完成（${level.name}）` : '订单完成',
    });
  }

  /**
   * A refund settles in proportion to the goods refunded: spent points come back by that
   * share, earned points are taken back down to what the remaining paid amount earns (never
   * below a zero balance), and the coupon returns once the whole order is refunded.
   */
  async onOrderRefunded(ctx: RequestContext, orderId: string): Promise<void> {
    const r = await this.row(ctx, orderId);
    const o = await this.goods(ctx, orderId);
    if (!r || !o || o.paidFen <= 0) return;
    const used = Number(r.points_used);
    const dueBack = o.allRefunded ? used : Math.floor((used * o.refundedFen) / o.paidFen);
    await this.giveBack(ctx, orderId, r, dueBack, o.allRefunded);
    const earned = Number(r.points_earned);
    const clawed = Number(r.points_clawed);
    if (earned > 0 && r.multiplier_bp !== null) {
      const keep = pointsFor(o.paidFen - o.refundedFen, r.multiplier_bp);
      const due = Math.min(earned - clawed - keep, await this.points.balance(ctx, o.buyerId));
      if (due > 0) {
        await this.points.post(ctx, {
          userId: o.buyerId,
          delta: -due,
          kind: 'clawback',
          orderId,
          ref: `clawback:${orderId}:${clawed + due}`,
          note: '退款扣回',
        });
        await this.tx
          .manager(ctx)
          .query(`UPDATE order_marketing SET points_clawed = points_clawed + $2 WHERE order_id = $1`, [
            orderId,
            due,
          ]);
      }
    }
  }

  /** Returns spent points up to `dueBack` in all, and the coupon when `whole`. */
  private async giveBack(
    ctx: RequestContext,
    orderId: string,
    r: OrderMarketingRow,
    dueBack: number,
    whole: boolean,
  ): Promise<void> {
    const m = this.tx.manager(ctx);
    const back = dueBack - Number(r.points_returned);
    if (back > 0) {
      await this.points.post(ctx, {
        userId: r.buyer_id,
        delta: back,
        kind: 'redeem_return',
        orderId,
        ref: `return:${orderId}:${dueBack}`,
        note: '订单取消或退款，退回抵扣积分',
      });
      await m.query(`UPDATE order_marketing SET points_returned = $2 WHERE order_id = $1`, [
        orderId,
        dueBack,
      ]);
    }
    if (whole && r.coupon_id && !r.coupon_returned) {
      await this.coupons.giveBack(ctx, orderId);
      await m.query(`UPDATE order_marketing SET coupon_returned = true WHERE order_id = $1`, [orderId]);
    }
  }

  /** The order's buyer and goods money: paid after discounts and refunded, summed over lines. */
  private async goods(
    ctx: RequestContext,
    orderId: string,
  ): Promise<{ buyerId: string; paidFen: number; refundedFen: number; allRefunded: boolean } | null> {
    const rows: { buyer_id: string; paid: string; refunded: string; all: boolean }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT o.buyer_id, sum(l.paid_fen) AS paid, sum(l.refunded_fen) AS refunded,
                bool_and(l.refunded_qty >= l.qty) AS all
           FROM orders o JOIN order_line l ON l.order_id = o.id WHERE o.id = $1 GROUP BY o.buyer_id`,
        [orderId],
      );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      buyerId: r.buyer_id,
      paidFen: Number(r.paid),
      refundedFen: Number(r.refunded),
      allRefunded: r.all,
    };
  }
}
