import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { OverviewDto, OverviewQueryDto } from './stats.dto';
import { StatsService } from './stats.service';

@ApiTags('admin: stats')
@Controller('admin/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @AdminRoute('orders:read')
  @ApiOperation({
    summary:
      'Dashboard: GMV, paid orders and customers, scans and scan→paid rate for China-time days vs the days before; by day; top stores and products',
  })
  @ApiOkResponse({ type: OverviewDto })
  overview(@Ctx() ctx: RequestContext, @Query() q: OverviewQueryDto): Promise<OverviewDto> {
    return this.stats.overview(ctx, q.from, q.to);
  }
}
