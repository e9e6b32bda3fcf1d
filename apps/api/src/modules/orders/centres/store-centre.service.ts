import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import { StoresService } from '../../stores/stores.service';
import type {
  AgentStoreDto,
  GuidePerformanceDto,
  PeriodFiguresDto,
  StoreSummaryDto,
} from './store-centre.dto';

const TODAY = `(date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')`;
const MONTH = `(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')`;

interface Figures {
  today: PeriodFiguresDto;
  month: PeriodFiguresDto;
}

/**
 * The figures of the store centre and the agent centre: a store's sales today and this month
 * (China time) and what one earner made on them. Store staff and agents reach only their own
 * stores; everything else is 404 like a missing store.
 */
@Injectable()
export class StoreCentreService {
  constructor(
    private readonly tx: TransactionService,
    private readonly stores: StoresService,
  ) {}

  /** For the store's owner and staff (404 otherwise): sales, the store's rewards, queue sizes. */
  async summary(ctx: RequestContext, userId: string, storeId: string): Promise<StoreSummaryDto> {
    await this.stores.assertStaff(ctx, storeId, userId);
    const figures = await this.figures(ctx, storeId, 'store', storeId);
    const [q]: { pickup: number; ship: number }[] = await this.tx.manager(ctx).query(
      `SELECT count(*) FILTER (WHERE status = 'AWAITING_PICKUP')::int AS pickup,
              count(*) FILTER (WHERE status = 'PAID' AND mode = 'express')::int AS ship
         FROM orders WHERE store_id = $1 AND status IN ('AWAITING_PICKUP', 'PAID')`,
      [storeId],
    );
    return { ...figures, awaitingPickup: q.pickup, toShip: q.ship };
  }

  /**
   * 导购业绩: each member of the store, and anyone credited as its guide this month, with the
   * orders and sales (paid less refunded, of the lines credited to them) and guide rewards.
   */
  async guides(ctx: RequestContext, userId: string, storeId: string): Promise<GuidePerformanceDto[]> {
    await this.stores.assertStaff(ctx, storeId, userId);
    const m = this.tx.manager(ctx);
    const sales: { id: string; t_orders: number; t_sales: string; m_orders: number; m_sales: string }[] =
      await m.query(
        `SELECT l.attribution->>'guideId' AS id,
                count(DISTINCT o.id) FILTER (WHERE o.paid_at >= ${TODAY})::int AS t_orders,
                coalesce(sum(l.paid_fen - l.refunded_fen) FILTER (WHERE o.paid_at >= ${TODAY}), 0) AS t_sales,
                count(DISTINCT o.id)::int AS m_orders, coalesce(sum(l.paid_fen - l.refunded_fen), 0) AS m_sales
           FROM order_line l JOIN orders o ON o.id = l.order_id
          WHERE o.store_id = $1 AND o.paid_at >= ${MONTH} AND l.attribution->>'guideId' IS NOT NULL
          GROUP BY 1`,
        [storeId],
      );
    const rewards: { id: string; t: string; m: string }[] = await m.query(
      `SELECT r.earner_id AS id,
              coalesce(sum(r.amount_fen - r.clawed_fen) FILTER (WHERE r.created_at >= ${TODAY}), 0) AS t,
              coalesce(sum(r.amount_fen - r.clawed_fen), 0) AS m
         FROM reward r JOIN orders o ON o.id = r.order_id
        WHERE r.kind = 'guide' AND o.store_id = $1 AND r.created_at >= ${MONTH}
        GROUP BY 1`,
      [storeId],
    );
    const members = await this.stores.members(ctx, storeId);
    const ids = [...new Set([...members.map((x) => x.userId), ...sales.map((x) => x.id)])];
    const names: { id: string; nickname: string | null }[] = await m.query(
      `SELECT id, nickname FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return ids.map((id) => {
      const s = sales.find((x) => x.id === id);
      const r = rewards.find((x) => x.id === id);
      return {
        userId: id,
        nickname: names.find((n) => n.id === id)?.nickname ?? null,
        role: members.find((x) => x.userId === id)?.role ?? null,
        today: { orders: s?.t_orders ?? 0, salesFen: Number(s?.t_sales ?? 0), rewardFen: Number(r?.t ?? 0) },
        month: { orders: s?.m_orders ?? 0, salesFen: Number(s?.m_sales ?? 0), rewardFen: Number(r?.m ?? 0) },
      };
    });
  }

  /** The stores an agent looks after, each with its sales and the agent's override on it. */
  async agentStores(ctx: RequestContext, agentUserId: string): Promise<AgentStoreDto[]> {
    const stores = await this.stores.agentStores(ctx, agentUserId);
    return Promise.all(
      stores.map(async (s) => ({ ...s, ...(await this.figures(ctx, s.id, 'agent', agentUserId)) })),
    );
  }

  private async figures(
    ctx: RequestContext,
    storeId: string,
    earnerType: 'store' | 'agent',
    earnerId: string,
  ): Promise<Figures> {
    const m = this.tx.manager(ctx);
    const [sales]: { t_orders: number; t_sales: string; m_orders: number; m_sales: string }[] = await m.query(
      `SELECT count(*) FILTER (WHERE paid_at >= ${TODAY})::int AS t_orders,
                coalesce(sum(payable_fen - refunded_fen) FILTER (WHERE paid_at >= ${TODAY}), 0) AS t_sales,
                count(*)::int AS m_orders, coalesce(sum(payable_fen - refunded_fen), 0) AS m_sales
           FROM orders WHERE store_id = $1 AND paid_at >= ${MONTH}`,
      [storeId],
    );
    const [reward]: { t: string; m: string }[] = await m.query(
      `SELECT coalesce(sum(r.amount_fen - r.clawed_fen) FILTER (WHERE r.created_at >= ${TODAY}), 0) AS t,
              coalesce(sum(r.amount_fen - r.clawed_fen), 0) AS m
         FROM reward r JOIN orders o ON o.id = r.order_id
        WHERE r.earner_type = $1 AND r.earner_id = $2 AND o.store_id = $3 AND r.created_at >= ${MONTH}`,
      [earnerType, earnerId, storeId],
    );
    return {
      today: { orders: sales.t_orders, salesFen: Number(sales.t_sales), rewardFen: Number(reward.t) },
      month: { orders: sales.m_orders, salesFen: Number(sales.m_sales), rewardFen: Number(reward.m) },
    };
  }
}
