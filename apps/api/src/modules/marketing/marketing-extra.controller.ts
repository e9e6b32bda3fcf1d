import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute, UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { CouponsService } from './coupons.service';
import { CouponIssueResultDto } from './dto/marketing.dto';
import {
  MemberTagsDto,
  OfferDto,
  OfferInputDto,
  OfferPatchDto,
  SegmentDto,
  SegmentInputDto,
  SegmentIssueDto,
  SegmentMembersDto,
} from './dto/offers-segments.dto';
import { OffersService } from './offers.service';
import { SegmentsService } from './segments.service';

@ApiTags('admin: marketing')
@Controller('admin')
export class OffersSegmentsAdminController {
  constructor(
    private readonly offers: OffersService,
    private readonly segments: SegmentsService,
    private readonly coupons: CouponsService,
  ) {}

  @Get('offers')
  @AdminRoute('marketing:read')
  @ApiOperation({ summary: 'Limited-time offers and flash sales, newest first' })
  @ApiOkResponse({ type: [OfferDto] })
  async offerList(@Ctx() ctx: RequestContext): Promise<OfferDto[]> {
    return (await this.offers.list(ctx)).map(OfferDto.of);
  }

  @Post('offers')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'A SKU price within a window, with its own quantity and per-person limit' })
  @ApiCreatedResponse({ type: OfferDto })
  async offerCreate(@Ctx() ctx: RequestContext, @Body() dto: OfferInputDto): Promise<OfferDto> {
    return OfferDto.of(await this.offers.create(ctx, dto));
  }

  @Patch('offers/:id')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'Rename, stop or restart, change the quantity (not below the sold)' })
  @ApiOkResponse({ type: OfferDto })
  async offerUpdate(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: OfferPatchDto,
  ): Promise<OfferDto> {
    return OfferDto.of(await this.offers.update(ctx, id, dto));
  }

  @Put('members/:userId/tags')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: "Replace a member's manual tags" })
  @ApiOkResponse({ type: MemberTagsDto })
  async setTags(
    @Ctx() ctx: RequestContext,
    @Param('userId', UuidParam) userId: string,
    @Body() dto: MemberTagsDto,
  ): Promise<MemberTagsDto> {
    return { tags: await this.segments.setTags(ctx, userId, dto.tags) };
  }

  @Get('members/:userId/tags')
  @AdminRoute('marketing:read')
  @ApiOperation({ summary: "A member's manual tags" })
  @ApiOkResponse({ type: MemberTagsDto })
  async tags(@Ctx() ctx: RequestContext, @Param('userId', UuidParam) userId: string): Promise<MemberTagsDto> {
    return { tags: await this.segments.tags(ctx, userId) };
  }

  @Get('segments')
  @AdminRoute('marketing:read')
  @ApiOperation({ summary: 'Rule-based segments' })
  @ApiOkResponse({ type: [SegmentDto] })
  async segmentList(@Ctx() ctx: RequestContext): Promise<SegmentDto[]> {
    return this.segments.list(ctx);
  }

  @Post('segments')
  @AdminRoute('marketing:write')
  @ApiOperation({
    summary: 'A segment: level, spend, last purchase, locked store, referrer, scanned store, tags',
  })
  @ApiCreatedResponse({ type: SegmentDto })
  async segmentCreate(@Ctx() ctx: RequestContext, @Body() dto: SegmentInputDto): Promise<SegmentDto> {
    return this.segments.create(ctx, dto.name, dto.rules);
  }

  @Put('segments/:id')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: 'Change a segment' })
  @ApiOkResponse({ type: SegmentDto })
  async segmentUpdate(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: SegmentInputDto,
  ): Promise<SegmentDto> {
    return this.segments.update(ctx, id, dto.name, dto.rules);
  }

  @Get('segments/:id/members')
  @AdminRoute('marketing:read')
  @ApiOperation({ summary: 'Who the segment selects now (evaluated in SQL)' })
  @ApiOkResponse({ type: SegmentMembersDto })
  async segmentMembers(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
  ): Promise<SegmentMembersDto> {
    const ids = await this.segments.members(ctx, id);
    return { total: ids.length, userIds: ids.slice(0, 200) };
  }

  @Post('coupon-templates/:id/issue-to-segment')
  @AdminRoute('marketing:write')
  @ApiOperation({ summary: "Issue one coupon to each of a segment's members, within the total and limits" })
  @ApiCreatedResponse({ type: CouponIssueResultDto })
  async issueToSegment(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: SegmentIssueDto,
  ): Promise<CouponIssueResultDto> {
    return this.coupons.issue(ctx, id, await this.segments.members(ctx, dto.segmentId));
  }
}

@ApiTags('app: members')
@Controller('app/offers')
export class OffersAppController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @UserRoute()
  @ApiOperation({ summary: 'Offers and flash sales open now, ending soonest first' })
  @ApiOkResponse({ type: [OfferDto] })
  async open(@Ctx() ctx: RequestContext): Promise<OfferDto[]> {
    return (await this.offers.list(ctx, true)).map(OfferDto.of);
  }
}
