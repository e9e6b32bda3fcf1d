import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { PageQueryDto } from '../../common/paging';
import { Ctx, RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { UuidParam } from '../../common/uuid-param';
import { AuditService } from '../audit/audit.service';
import { OkDto } from '../identity/dto/auth.dto';
import { CouponsService } from './coupons.service';
import {
  CouponIssueDto,
  CouponIssueResultDto,
  CouponTemplateDto,
  CouponTemplateInputDto,
  CouponTemplatePatchDto,
  LevelProgressDto,
  MemberLevelDto,
  MemberLevelInputDto,
  MemberLevelPatchDto,
  MemberProfileDto,
  PointsAdjustDto,
  PointsEntryDto,
  PointsStatementDto,
} from './dto/marketing.dto';
import { LevelsService } from './levels.service';
import { PointsService } from './points.service';

@ApiTags('admin: members')
@Controller('admin/members')
export class MembersAdminController {
  constructor(
    private readonly levels: LevelsService,
    private readonly points: PointsService,
    private readonly coupons: CouponsService,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  @Get('levels')
  @AdminRoute('marketing:read')
  @ApiOperation({ summary: 'Member levels by threshold' })
  @ApiOkResponse({ type: [MemberLevelDto] })
  async levelList(@Ctx() ctx: RequestContext): Promise<MemberLevelDto[]> {
    return (await this.levels.list(ctx)).map(MemberLevelDto.of);
  }

  @Post('levels')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'Add a level. 409 MEMBER_LEVEL_THRESHOLD_TAKEN' })
  @ApiCreatedResponse({ type: MemberLevelDto })
  async levelCreate(@Ctx() ctx: RequestContext, @Body() dto: MemberLevelInputDto): Promise<MemberLevelDto> {
    return MemberLevelDto.of(
      await this.levels.create(ctx, {
        name: dto.name,
        thresholdFen: dto.thresholdFen,
        discountBp: dto.discountBp ?? 0,
        pointsMultiplierBp: dto.pointsMultiplierBp ?? 10_000,
      }),
    );
  }

  @Patch('levels/:id')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'Change a level' })
  @ApiOkResponse({ type: MemberLevelDto })
  async levelUpdate(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: MemberLevelPatchDto,
  ): Promise<MemberLevelDto> {
    return MemberLevelDto.of(await this.levels.update(ctx, id, dto));
  }

  @Delete('levels/:id')
  @HttpCode(200)
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'Remove a level (members fall to the level below)' })
  @ApiOkResponse({ type: OkDto })
  async levelRemove(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<OkDto> {
    await this.levels.remove(ctx, id);
    return { ok: true };
  }

  @Get(':userId')
  @AdminRoute('marketing:read')
  @ApiOperation({
    summary: 'A member: level and progress, lifetime and 90-day stats, points, usable coupons',
  })
  @ApiOkResponse({ type: MemberProfileDto })
  async profile(
    @Ctx() ctx: RequestContext,
    @Param('userId', UuidParam) userId: string,
  ): Promise<MemberProfileDto> {
    const [progress, levels, pointsBalance, coupons] = await Promise.all([
      this.levels.progress(ctx, userId),
      this.levels.list(ctx),
      this.points.balance(ctx, userId),
      this.coupons.mine(ctx, userId, 'available'),
    ]);
    return {
      userId,
      progress: LevelProgressDto.of(progress, levels),
      pointsBalance,
      availableCoupons: coupons.length,
    };
  }

  @Get(':userId/points')
  @AdminRoute('marketing:read')
  @ApiOperation({ summary: "A member's points statement, newest first, with the balance" })
  @ApiOkResponse({ type: PointsStatementDto })
  async statement(
    @Ctx() ctx: RequestContext,
    @Param('userId', UuidParam) userId: string,
    @Query() q: PageQueryDto,
  ): Promise<PointsStatementDto> {
    const s = await this.points.statement(ctx, userId, q);
    return { ...s, items: s.items.map(PointsEntryDto.of) };
  }

  @Post(':userId/points')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'Adjust a member’s points with a reason (audited). 409 POINTS_INSUFFICIENT' })
  @ApiCreatedResponse({ type: PointsStatementDto })
  async adjust(
    @Ctx() ctx: RequestContext,
    @Param('userId', UuidParam) userId: string,
    @Body() dto: PointsAdjustDto,
  ): Promise<PointsStatementDto> {
    await this.tx.run(ctx, async (c) => {
      const before = await this.points.balance(c, userId);
      await this.points.post(c, {
        userId,
        delta: dto.delta,
        kind: 'adjust',
        ref: `adjust:${c.requestId}:${userId}`,
        note: dto.reason,
      });
      await this.audit.record(c, {
        action: 'points.adjust',
        entityType: 'member',
        entityId: userId,
        before: { balance: before },
        after: { balance: before + dto.delta, delta: dto.delta, reason: dto.reason },
      });
    });
    return this.statement(ctx, userId, { page: 1, pageSize: 20 });
  }
}

@ApiTags('admin: marketing')
@Controller('admin/coupon-templates')
export class CouponsAdminController {
  constructor(private readonly coupons: CouponsService) {}

  @Get()
  @AdminRoute('marketing:read')
  @ApiOperation({ summary: 'Coupon templates, newest first, with how many were claimed' })
  @ApiOkResponse({ type: [CouponTemplateDto] })
  async list(@Ctx() ctx: RequestContext): Promise<CouponTemplateDto[]> {
    return (await this.coupons.templates(ctx)).map(CouponTemplateDto.of);
  }

  @Post()
  @AdminRoute('marketing:write')
  @ApiOperation({
    summary: 'A coupon template: 满减 or 折扣, scope, minimum spend, validity, quantity, per-person limit',
  })
  @ApiCreatedResponse({ type: CouponTemplateDto })
  async create(@Ctx() ctx: RequestContext, @Body() dto: CouponTemplateInputDto): Promise<CouponTemplateDto> {
    return CouponTemplateDto.of(await this.coupons.createTemplate(ctx, dto));
  }

  @Patch(':id')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'Rename, stop or restart, change the total (not below the claimed)' })
  @ApiOkResponse({ type: CouponTemplateDto })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: CouponTemplatePatchDto,
  ): Promise<CouponTemplateDto> {
    return CouponTemplateDto.of(await this.coupons.updateTemplate(ctx, id, dto));
  }

  @Post(':id/issue')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'Issue one coupon to each member listed, within the total and each one’s limit' })
  @ApiCreatedResponse({ type: CouponIssueResultDto })
  async issue(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: CouponIssueDto,
  ): Promise<CouponIssueResultDto> {
    return this.coupons.issue(ctx, id, dto.userIds);
  }
}
