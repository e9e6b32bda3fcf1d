import { Inject, Injectable } from '@nestjs/common';
import { LedgerErrors } from '../ledger/ledger.errors';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { type Page, queryPage } from '../../common/paging';
import type { EarnerType } from '../ledger/entities/ledger-account.entity';
import { Reward, type RewardStatus } from './entities/reward.entity';
import { EARNER_DIRECTORY, type EarnerDirectory } from '../withdrawals/withdrawals.ports';
import type { RewardKind } from './reward-split';

export interface RewardFilter {
  orderId?: string;
  earnerType?: EarnerType;
  earnerId?: string;
  kind?: RewardKind;
  status?: RewardStatus;
  from?: Date;
  to?: Date;
  page?: number;
  pageSize?: number;
}

export interface DailyRewards {
  /** yyyy-MM-dd in Asia/Shanghai. */
  day: string;
  orders: number;
  amountFen: number;
  clawedFen: number;
}

/** Reward records by order and by earner, and an earner's rewards by day. */
@Injectable()
export class RewardQueryService {
  constructor(
    private readonly tx: TransactionService,
    @Inject(EARNER_DIRECTORY) private readonly directory: EarnerDirectory,
  ) {}

  /** 403 LEDGER_ACCOUNT_NOT_YOURS unless the caller may act for the earner account. */
  async assertCanAct(
    ctx: RequestContext,
    userId: string,
    earnerType: EarnerType,
    earnerId: string,
  ): Promise<void> {
    if (!(await this.directory.canAct(ctx, userId, earnerType, earnerId)))
      throw LedgerErrors.LEDGER_ACCOUNT_NOT_YOURS({ earnerType, earnerId });
  }

  /** One of the caller's earner accounts' rewards, newest first. */
  async listForUser(
    ctx: RequestContext,
    userId: string,
    f: RewardFilter & { earnerType: EarnerType; earnerId: string },
  ): Promise<Page<Reward>> {
    await this.assertCanAct(ctx, userId, f.earnerType, f.earnerId);
    return this.list(ctx, f);
  }

  async list(ctx: RequestContext, f: RewardFilter): Promise<Page<Reward>> {
    const qb = this.tx.repo(ctx, Reward).createQueryBuilder('r');
    if (f.orderId) qb.andWhere('r.order_id = :orderId', { orderId: f.orderId });
    if (f.earnerType) qb.andWhere('r.earner_type = :earnerType', { earnerType: f.earnerType });
    if (f.earnerId) qb.andWhere('r.earner_id = :earnerId', { earnerId: f.earnerId });
    if (f.kind) qb.andWhere('r.kind = :kind', { kind: f.kind });
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.from) qb.andWhere('r.created_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('r.created_at < :to', { to: f.to });
    return queryPage(qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id'), f);
  }

  /**
   * What an earner may know of the orders behind their rewards: the order number, the buyer's
   * nickname (never the phone) and the product title, by order line.
   */
  async lineInfo(
    ctx: RequestContext,
    lineIds: string[],
  ): Promise<Map<string, { orderNo: string; buyerNickname: string | null; productTitle: string }>> {
    if (lineIds.length === 0) return new Map();
    const rows: { id: string; order_no: string; nickname: string | null; title: string }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT l.id, o.order_no, u.nickname, l.title
           FROM order_line l JOIN orders o ON o.id = l.order_id LEFT JOIN users u ON u.id = o.buyer_id
          WHERE l.id = ANY($1::uuid[])`,
        [lineIds],
      );
    return new Map(
      rows.map((r) => [r.id, { orderNo: r.order_no, buyerNickname: r.nickname, productTitle: r.title }]),
    );
  }

  /** The caller's earner account's rewards by day (404 for someone else's account). */
  async dailyForUser(
    ctx: RequestContext,
    userId: string,
    earnerType: EarnerType,
    earnerId: string,
    days: number,
  ): Promise<DailyRewards[]> {
    await this.assertCanAct(ctx, userId, earnerType, earnerId);
    return this.daily(ctx, earnerType, earnerId, days);
  }

  /** The last `days` days of one earner's rewards, by day in China time (newest first). */
  async daily(
    ctx: RequestContext,
    earnerType: EarnerType,
    earnerId: string,
    days: number,
  ): Promise<DailyRewards[]> {
    const rows: { day: string; orders: string; amount: string; clawed: string }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
              count(DISTINCT order_id) AS orders, SUM(amount_fen) AS amount, SUM(clawed_fen) AS clawed
         FROM reward
        WHERE earner_type = $1 AND earner_id = $2 AND created_at >= now() - make_interval(days => $3)
        GROUP BY 1 ORDER BY 1 DESC`,
        [earnerType, earnerId, days],
      );
    return rows.map((r) => ({
      day: r.day,
      orders: Number(r.orders),
      amountFen: Number(r.amount),
      clawedFen: Number(r.clawed),
    }));
  }
}
