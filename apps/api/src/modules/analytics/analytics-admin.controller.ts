import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { storeScope } from '../../common/auth/store-scope';
import { Ctx, RequestContext } from '../../common/request-context';
import { AuditService } from '../audit/audit.service';
import { DashboardService, type Scope } from './dashboard.service';
import {
  CodeFunnelQueryDto,
  DashboardDto,
  ExportQueryDto,
  FunnelDto,
  RebuildDto,
  RebuildResultDto,
  StoreRangeQueryDto,
} from './dto/analytics.dto';
import { ExportService } from './export.service';
import { RollupService } from './rollup.service';

@ApiTags('admin: analytics')
@Controller('admin/analytics')
export class AnalyticsAdminController {
  constructor(
    private readonly dash: DashboardService,
    private readonly exports: ExportService,
    private readonly rollups: RollupService,
    private readonly audit: AuditService,
  ) {}

  /** The caller's store scope narrowed to `storeId` (400 when that store is unknown or not theirs). */
  private async scope(ctx: RequestContext, storeId?: string): Promise<Scope> {
    const scope = storeScope(ctx);
    if (!storeId) return scope;
    await this.dash.assertStore(ctx, storeId, scope);
    return [storeId];
  }

  @Get('dashboard')
  @AdminRoute('orders:read')
  @ApiOperation({
    summary:
      'GMV, paid orders and customers, AOV, refunds, the scan→view→cart→order→paid funnel, online vs till, new members, by day and leaderboards, with the previous period',
  })
  @ApiOkResponse({ type: DashboardDto })
  async dashboard(@Ctx() ctx: RequestContext, @Query() q: StoreRangeQueryDto): Promise<DashboardDto> {
    const r = this.dash.range(q.from, q.to);
    return this.dash.dashboard(ctx, r, await this.scope(ctx, q.storeId));
  }

  @Get('funnel/stores')
  @AdminRoute('orders:read')
  @ApiOperation({ summary: 'The funnel per store for a range, busiest first' })
  @ApiOkResponse({ type: FunnelDto })
  async storeFunnel(@Ctx() ctx: RequestContext, @Query() q: StoreRangeQueryDto): Promise<FunnelDto> {
    const r = this.dash.range(q.from, q.to);
    const rows = await this.dash.storeFunnel(ctx, r, await this.scope(ctx, q.storeId), 500);
    return { from: r.from, to: r.to, rows };
  }

  @Get('funnel/codes')
  @AdminRoute('orders:read')
  @ApiOperation({ summary: 'The funnel per shelf code of one store for a range' })
  @ApiOkResponse({ type: FunnelDto })
  async codeFunnel(@Ctx() ctx: RequestContext, @Query() q: CodeFunnelQueryDto): Promise<FunnelDto> {
    const r = this.dash.range(q.from, q.to);
    await this.scope(ctx, q.storeId);
    return { from: r.from, to: r.to, rows: await this.dash.codeFunnel(ctx, r, q.storeId) };
  }

  @Get('export.csv')
  @AdminRoute('orders:read')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Any analytics report as CSV for Excel (overview, daily, leaderboards, funnels)' })
  async exportCsv(
    @Ctx() ctx: RequestContext,
    @Query() q: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const r = this.dash.range(q.from, q.to);
    const scope = await this.scope(ctx, q.storeId);
    void reply.header(
      'content-disposition',
      `attachment; filename="analytics-${q.report}-${r.from}-${r.to}.csv"`,
    );
    return this.exports.csv(ctx, q.report, r, scope, q.storeId);
  }

  @Post('rebuild')
  @HttpCode(200)
  @AdminRoute('jobs:write')
  @ApiOperation({
    summary: 'Recompute the rollups of a range of days from orders, refunds, scans and events (audited)',
  })
  @ApiOkResponse({ type: RebuildResultDto })
  async rebuild(@Ctx() ctx: RequestContext, @Body() body: RebuildDto): Promise<RebuildResultDto> {
    const r = this.dash.range(body.from, body.to);
    const result = await this.rollups.rebuild(ctx, r.from, r.to);
    await this.audit.record(ctx, {
      action: 'analytics.rebuild',
      entityType: 'analytics',
      entityId: `${r.from}..${r.to}`,
      after: result,
    });
    return result;
  }
}
