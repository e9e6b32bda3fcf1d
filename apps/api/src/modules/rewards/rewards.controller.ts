import { toRewardDto } from './dto/mappers';
import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { formatYuan } from '@cloudshelf/money';
import { AdminRoute, UserRoute } from '../../common/auth/auth.decorators';
import { allPages, toCsv } from '../../common/csv';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import {
  DailyRewardsDto,
  DailyRewardsQuery,
  EarnerRewardsQuery,
  RewardListQuery,
  RewardPageDto,
  SettleResultDto,
} from './dto/reward.dto';
import { RewardQueryService } from './reward-query.service';
import { RewardsService } from './rewards.service';

const KIND_NAMES = { store: '门店奖励', agent: '代理商奖励', l1: '一级佣金', l2: '二级佣金' } as const;

@ApiTags('rewards')
@Controller()
export class RewardsController {
  constructor(
    private readonly query: RewardQueryService,
    private readonly rewards: RewardsService,
  ) {}

  @Get('app/rewards')
  @ApiOkResponse({ type: RewardPageDto })
  @UserRoute()
  @ApiOperation({
    summary: 'Per-order rewards or commissions of one earner account (reseller, store, agent)',
  })
  async mine(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: EarnerRewardsQuery,
  ): Promise<RewardPageDto> {
    const page = await this.query.listForUser(ctx, userId, q);
    return { ...page, items: page.items.map(toRewardDto) };
  }

  @Get('app/rewards/daily')
  @ApiOkResponse({ type: [DailyRewardsDto] })
  @UserRoute()
  @ApiOperation({ summary: 'Rewards of one earner account by day (China time), newest first' })
  daily(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: DailyRewardsQuery,
  ): Promise<DailyRewardsDto[]> {
    return this.query.dailyForUser(ctx, userId, q.earnerType, q.earnerId, q.days);
  }

  @Post('admin/rewards/settle')
  @HttpCode(200)
  @AdminRoute('withdrawals:approve')
  @ApiOkResponse({ type: SettleResultDto })
  @ApiOperation({
    summary:
      'Settle due rewards now instead of at the next hourly run: those whose order completed settleDaysAfterComplete days ago become available (idempotent)',
  })
  async settleNow(@Ctx() ctx: RequestContext): Promise<SettleResultDto> {
    return { settled: await this.rewards.settleDue(ctx) };
  }

  @Get('admin/rewards')
  @ApiOkResponse({ type: RewardPageDto })
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'Reward and commission records with filters (order, earner, kind, status, time)' })
  async list(@Ctx() ctx: RequestContext, @Query() q: RewardListQuery): Promise<RewardPageDto> {
    const page = await this.query.list(ctx, q);
    return { ...page, items: page.items.map(toRewardDto) };
  }

  @Get('admin/rewards/export.csv')
  @AdminRoute('finance:read')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="rewards.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Export reward records (filters as the list; at most 10 000 rows) as CSV for Excel',
  })
  async exportCsv(@Ctx() ctx: RequestContext, @Query() q: RewardListQuery): Promise<string> {
    const rewards = await allPages((page, pageSize) => this.query.list(ctx, { ...q, page, pageSize }));
    return toCsv(
      [
        '订单',
        '订单行',
        '类型',
        '收益方类型',
        '收益方',
        '计佣金额(元)',
        '比例(‱)',
        '金额(元)',
        '已扣回(元)',
        '状态',
        '时间',
      ],
      rewards.map((r) => [
        r.orderId,
        r.lineId,
        KIND_NAMES[r.kind],
        r.earnerType,
        r.earnerId,
        formatYuan(r.baseFen),
        r.rateBp,
        formatYuan(r.amountFen),
        formatYuan(r.clawedFen),
        r.status,
        new Date(r.createdAt).toISOString(),
      ]),
    );
  }
}
