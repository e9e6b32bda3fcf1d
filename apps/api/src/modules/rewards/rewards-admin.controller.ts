import { toRewardDto } from './dto/mappers';
import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { formatYuan } from '@cloudshelf/money';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { allPages, toCsv } from '../../common/csv';
import { Ctx, RequestContext } from '../../common/request-context';
import { RewardListQuery, RewardPageDto, SettleDueResultDto } from './dto/reward.dto';
import { RewardQueryService } from './reward-query.service';
import { RewardsService } from './rewards.service';

const KIND_NAMES = {
  store: '门店奖励',
  agent: '代理商奖励',
  l1: '一级佣金',
  l2: '二级佣金',
  guide: '导购奖励',
} as const;

/** Finance's view of every reward: list, export and settling what is due. */
@ApiTags('rewards')
@Controller()
export class RewardsAdminController {
  constructor(
    private readonly query: RewardQueryService,
    private readonly rewards: RewardsService,
  ) {}

  @Get('admin/rewards')
  @ApiOkResponse({ type: RewardPageDto })
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'Reward and commission records with filters (order, earner, kind, status, time)' })
  async list(@Ctx() ctx: RequestContext, @Query() q: RewardListQuery): Promise<RewardPageDto> {
    const page = await this.query.list(ctx, q);
    return { ...page, items: page.items.map(toRewardDto) };
  }

  @Post('admin/rewards/settle-due')
  @HttpCode(200)
  @AdminRoute('finance:write')
  @ApiOkResponse({ type: SettleDueResultDto })
  @ApiOperation({
    summary:
      'Settle every reward that is due now (each is otherwise settled by its own job at its due minute); audited',
  })
  async settleDue(@Ctx() ctx: RequestContext): Promise<SettleDueResultDto> {
    return { settled: await this.rewards.settleDueNow(ctx) };
  }

  @Get('admin/rewards/export.csv')
  @AdminRoute('finance:read')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="rewards.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Export reward records (filters as the list) as CSV; above EXPORT_MAX_ROWS refused',
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
