import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { StoresService } from '../stores/stores.service';
import { DashboardService } from './dashboard.service';
import { EventBatchDto, EventBatchResultDto, RangeQueryDto, StoreFiguresDto } from './dto/analytics.dto';
import { EventsService } from './events.service';

@ApiTags('analytics')
@UserRoute()
@Controller('app')
export class AnalyticsAppController {
  constructor(
    private readonly events: EventsService,
    private readonly dash: DashboardService,
    private readonly stores: StoresService,
  ) {}

  @Post('events')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Product views and add-to-carts from the mini-program, up to 50 per batch (rate-limited per user; only the user id is kept)',
  })
  @ApiOkResponse({ type: EventBatchResultDto })
  async record(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() body: EventBatchDto,
  ): Promise<EventBatchResultDto> {
    return { accepted: await this.events.record(ctx, userId, body.events) };
  }

  @Get('stores/:storeId/analytics')
  @ApiOperation({
    summary:
      "A store's own figures for the store centre (owner and staff only; 404 otherwise), with the previous period",
  })
  @ApiOkResponse({ type: StoreFiguresDto })
  async storeFigures(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('storeId', UuidParam) storeId: string,
    @Query() q: RangeQueryDto,
  ): Promise<StoreFiguresDto> {
    await this.stores.assertStaff(ctx, storeId, userId);
    return this.dash.storeFigures(ctx, storeId, this.dash.range(q.from, q.to));
  }
}
