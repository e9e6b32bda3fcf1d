import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { LedgerService, PLATFORM } from '../ledger/ledger.service';
import { REWARD_ORDER_SOURCE, type RewardOrderSource } from '../orders/orders.ports';
import { SettingsService } from '../settings/settings.service';
import { Reward } from './entities/reward.entity';
import { RewardClawback } from './entities/reward-clawback.entity';
import { JobsService } from '../../jobs/jobs.service';
import { AuditService } from '../audit/audit.service';
import { settleOrderJob } from './rewards.jobs';
import { clawbackFen, splitLine } from './reward-split';
import { rewardState } from './reward-state';
import { formatYuan } from '@cloudshelf/money';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import { cstMinute } from '../orders/order-messages';

const DAY_MS = 86_400_000;

/**
 * Rewards and commissions, posted to the ledger: accrued PENDING on payment from each
 * line's frozen attribution, settled to AVAILABLE after completion, taken back in
 * proportion on refunds. Every step is idempotent on its business key.
 */
@Injectable()
export class RewardsService {
  private readonly logger = new Logger('Rewards');

  constructor(
    private readonly tx: TransactionService,
    private readonly ledger: LedgerService,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(REWARD_ORDER_SOURCE) private readonly orders: RewardOrderSource,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  /** On orders.paid: one reward per line and kind, each posted once however often the event comes. */
  async accrue(ctx: RequestContext, orderId: string): Promise<number> {
    const order = await this.orders.rewardOrder(ctx, orderId);
    if (!order) {
      this.logger.warn({ orderId }, 'paid event for an unknown order; nothing accrued');
      return 0;
    }
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      let posted = 0;
      for (const line of order.lines) {
        for (const share of splitLine(line.paidFen, line.attribution)) {
          const inserted = await m
            .createQueryBuilder()
            .insert()
            .into(Reward)
            .values({
              orderId,
              lineId: line.lineId,
              kind: share.kind,
              earnerType: share.earnerType,
              earnerId: share.earnerId,
              buyerId: order.buyerId,
              baseFen: line.paidFen,
              rateBp: share.rateBp,
              amountFen: share.amountFen,
              status: 'PENDING',
              orderCompletedAt: order.completedAt,
            })
            .orIgnore()
            .returning(['id'])
            .execute();
          if (inserted.raw.length === 0) continue;
          await rewardState.created(
            c,
            m,
            (inserted.raw as { id: string }[])[0].id,
            'PENDING',
            `${share.kind} ${share.rateBp} bp of ${line.paidFen} fen`,
            'accrue',
          );
          await this.ledger.post(c, {
            reference: `reward:${line.lineId}:${share.kind}:accrue`,
            kind: 'accrual',
            memo: MEMO[share.kind],
            subjectId: orderId,
            entries: [
              {
                owner: { type: share.earnerType, id: share.earnerId },
                kind: 'pending',
                amountFen: share.amountFen,
              },
              { owner: PLATFORM, kind: 'commission_expense', amountFen: -share.amountFen },
            ],
          });
          posted++;
        }
      }
      return posted;
    });
  }

  /**
   * On orders.completed: starts the settlement clock of the order's rewards and schedules
   * their settlement for the due time (completion + settleDaysAfterComplete, to the minute).
   */
  async completed(ctx: RequestContext, orderId: string, completedAt: Date): Promise<void> {
    await this.tx
      .repo(ctx, Reward)
      .createQueryBuilder()
      .update()
      .set({ orderCompletedAt: completedAt })
      .where('order_id = :orderId AND order_completed_at IS NULL', { orderId })
      .execute();
    const { settleDaysAfterComplete } = await this.settings.get(ctx);
    const dueMs = completedAt.getTime() + settleDaysAfterComplete * DAY_MS - this.clock.now().getTime();
    await this.jobs.send(
      ctx,
      settleOrderJob,
      { orderId },
      { startAfterSeconds: Math.max(0, Math.ceil(dueMs / 1000)), idempotencyKey: `settle:${orderId}` },
    );
  }

  /** Finance: settles every reward that is due now, at once (audited), instead of waiting for its job. */
  async settleDueNow(ctx: RequestContext): Promise<number> {
    const settled = await this.settleDue(ctx);
    await this.audit.record(ctx, {
      action: 'rewards.settle-due',
      entityType: 'reward',
      entityId: 'due',
      after: { settled },
    });
    return settled;
  }

  /**
   * Moves every reward whose order completed `settleDaysAfterComplete` days ago from
   * pending to available. Safe to run twice and catches up after downtime: it takes all
   * that is due, skips rows another worker holds, and each settlement posts once.
   */
  async settleDue(ctx: RequestContext, batch = 500, orderId?: string): Promise<number> {
    const { settleDaysAfterComplete } = await this.settings.get(ctx);
    const dueBefore = new Date(this.clock.now().getTime() - settleDaysAfterComplete * DAY_MS);
    let settled = 0;
    for (;;) {
      const n = await this.tx.run(ctx, async (c) => {
        const m = this.tx.manager(c);
        const due = await m
          .getRepository(Reward)
          .createQueryBuilder('r')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where(`r.status = 'PENDING' AND r.order_completed_at <= :dueBefore`, { dueBefore })
          .andWhere(orderId ? 'r.order_id = :orderId' : 'TRUE', { orderId })
          .orderBy('r.order_completed_at', 'ASC')
          .limit(batch)
          .getMany();
        for (const r of due) {
          const remaining = r.amountFen - r.clawedFen;
          const owner = { type: r.earnerType, id: r.earnerId };
          await this.ledger.post(c, {
            reference: `reward:${r.id}:settle`,
            kind: 'settlement',
            memo: `${MEMO[r.kind]}结算`,
            subjectId: r.orderId,
            entries: [
              { owner, kind: 'pending', amountFen: -remaining },
              { owner, kind: 'available', amountFen: remaining },
            ],
          });
          await rewardState.transition(
            c,
            m,
            r,
            'AVAILABLE',
            'settled: the after-sale window has passed',
            {
              settledAt: this.clock.now(),
            },
            'settle',
          );
          // A reseller's or agent's commission is theirs to withdraw now: tell them (with consent).
          if (r.earnerType !== 'store' && remaining > 0) {
            await this.subscriptions.queue(c, `reward:${r.id}`, {
              userId: r.earnerId,
              kind: 'commissionArrived',
              page: 'pages/mine/index',
              data: {
                amount1: formatYuan(remaining, { symbol: true }),
                thing2: `${MEMO[r.kind]}已到账，可提现`,
                time3: cstMinute(this.clock.now()),
              },
            });
          }
        }
        return due.length;
      });
      settled += n;
      if (n < batch) return settled;
    }
  }

  /**
   * On a refund of part of a line: each reward of the line gives back its share
   * (refunded / paid, rounded down, never more than is left). Before settlement it comes
   * off the pending balance; after, off the available balance, which may go negative — a
   * debt shown in the wallet and netted against later income, never hidden.
   */
  async clawback(
    ctx: RequestContext,
    e: { orderId: string; lineId: string; refundId: string; refundedFen: number },
  ): Promise<number> {
    const order = await this.orders.rewardOrder(ctx, e.orderId);
    const line = order?.lines.find((l) => l.lineId === e.lineId);
    if (!line) return 0;
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const rewards = await m
        .getRepository(Reward)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.line_id = :lineId', { lineId: e.lineId })
        .orderBy('r.kind')
        .getMany();
      let total = 0;
      for (const r of rewards) {
        if (r.status === 'CANCELLED') continue;
        // A refund too small to move a fen still counts towards the line's running total.
        const claw = clawbackFen(r.amountFen, r.clawedFen, line.paidFen, r.refundedBaseFen, e.refundedFen);
        const phase = r.status === 'AVAILABLE' ? 'available' : 'pending';
        const inserted = await m
          .createQueryBuilder()
          .insert()
          .into(RewardClawback)
          .values({ rewardId: r.id, refundId: e.refundId, amountFen: claw, phase })
          .orIgnore()
          .returning(['id'])
          .execute();
        if (inserted.raw.length === 0) continue; // this refund was taken into account already
        if (claw > 0)
          await this.ledger.post(c, {
            reference: `reward:${r.id}:clawback:${e.refundId}`,
            kind: 'clawback',
            memo: `${MEMO[r.kind]}退款扣回`,
            subjectId: r.orderId,
            entries: [
              { owner: { type: r.earnerType, id: r.earnerId }, kind: phase, amountFen: -claw },
              { owner: PLATFORM, kind: 'commission_expense', amountFen: claw },
            ],
          });
        const clawed = r.clawedFen + claw;
        const changes = { clawedFen: clawed, refundedBaseFen: r.refundedBaseFen + e.refundedFen };
        if (clawed === r.amountFen && phase === 'pending')
          await rewardState.transition(
            c,
            m,
            r,
            'CANCELLED',
            `refund ${e.refundId} took all of it back`,
            changes,
            'clawback',
          );
        else await m.getRepository(Reward).update({ id: r.id }, changes);
        total += claw;
      }
      return total;
    });
  }
}

const MEMO = {
  store: '门店奖励',
  agent: '代理商奖励',
  l1: '一级佣金',
  l2: '二级佣金',
  guide: '导购奖励',
} as const;
