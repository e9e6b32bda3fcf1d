import { toRewardDto } from './dto/mappers';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import {
  DailyRewardsDto,
  DailyRewardsQuery,
  EarnerRewardPageDto,
  EarnerRewardsQuery,
} from './dto/reward.dto';
import { RewardQueryService } from './reward-query.service';

/** An earner's own rewards and commissions (the caller must own the earner account). */
@ApiTags('rewards')
@Controller()
export class RewardsAppController {
  constructor(private readonly query: RewardQueryService) {}

  @Get('app/rewards')
  @ApiOkResponse({ type: EarnerRewardPageDto })
  @UserRoute()
  @ApiOperation({
    summary:
      'Per-order rewards or commissions of one earner account (reseller, store, agent), with buyer nickname and product',
  })
  async mine(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: EarnerRewardsQuery,
  ): Promise<EarnerRewardPageDto> {
    const page = await this.query.listForUser(ctx, userId, q);
    const info = await this.query.lineInfo(
      ctx,
      page.items.map((r) => r.lineId),
    );
    return {
      ...page,
      items: page.items.map((r) => {
        const i = info.get(r.lineId);
        return {
          ...toRewardDto(r),
          orderNo: i?.orderNo ?? '',
          buyerNickname: i?.buyerNickname ?? null,
          productTitle: i?.productTitle ?? '',
        };
      }),
    };
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
