import { toRewardDto } from './dto/mappers';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { DailyRewardsDto, DailyRewardsQuery, EarnerRewardsQuery, RewardPageDto } from './dto/reward.dto';
import { RewardQueryService } from './reward-query.service';

/** An earner's own rewards and commissions (the caller must own the earner account). */
@ApiTags('rewards')
@Controller()
export class RewardsAppController {
  constructor(private readonly query: RewardQueryService) {}

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
}
