import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import { StoresService } from '../../stores/stores.service';
import type { AgentStoreDto, PeriodFiguresDto, StoreSummaryDto } from './store-centre.dto';

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
