import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { UuidParam } from '../../common/uuid-param';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UserRoute } from '../../common/auth/auth.decorators';
import { PageQueryDto } from '../../common/paging';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { CustomersService } from './customers.service';
import { toCustomerDto, toReferrerDto, toResellerDto } from './dto/mappers';
import {
  CreateShareLinkDto,
  CustomerPageDto,
  MyResellerDto,
  OpenShareQueryDto,
  OpenShareResultDto,
  ResellerDto,
  ShareLinkDto,
  TeamPageDto,
} from './dto/referral.dto';
import { PosterService, SHARE_PAGE } from './poster.service';
import { ResellerService } from './reseller.service';
import { ShareLinkService } from './share-link.service';
import type { ShareLink } from './entities/share-link.entity';

function toShareLinkDto(link: ShareLink): ShareLinkDto {
  return {
    shareCode: link.code,
    productId: link.productId,
    storeId: link.storeId,
    path: `${SHARE_PAGE}?scene=${link.code}`,
  };
}

@ApiTags('app: referral')
@Controller('app')
export class AppReferralController {
  constructor(
    private readonly links: ShareLinkService,
    private readonly posters: PosterService,
    private readonly resellers: ResellerService,
    private readonly customers: CustomersService,
  ) {}

  @Post('share-links')
  @UserRoute()
  @ApiOperation({
    summary: 'My share code (resellers only), for a product or the shop; reused when it exists',
  })
  @ApiOkResponse({ type: ShareLinkDto })
  async create(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: CreateShareLinkDto,
  ): Promise<ShareLinkDto> {
    const link = await this.links.create(ctx, userId, dto.productId ?? null);
    return toShareLinkDto(link);
  }

  @Post('my-stores/:id/guide-links')
  @UserRoute()
  @ApiOperation({
    summary:
      'My guide link (导购) as staff of this store, for a product or the store’s shelf; sales through it credit me as its guide (404 unless I work there)',
  })
  @ApiOkResponse({ type: ShareLinkDto })
  async createGuide(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) storeId: string,
    @Body() dto: CreateShareLinkDto,
  ): Promise<ShareLinkDto> {
    return toShareLinkDto(await this.links.createGuide(ctx, userId, storeId, dto.productId ?? null));
  }

  @Get('share-links/:shareCode/poster')
  @UserRoute()
  @ApiOperation({
    summary: 'A PNG poster of my share link, with a mini-program code whose scene is the share code',
  })
  @ApiProduces('image/png')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async poster(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('shareCode') shareCode: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await this.posters.render(ctx, userId, shareCode);
    void reply.type('image/png').header('cache-control', 'private, max-age=300');
    return png;
  }

  @Get('r/:shareCode')
  @UserRoute()
  @ApiOperation({ summary: 'Open a share link or poster: binds me to its reseller per the referral policy' })
  @ApiOkResponse({ type: OpenShareResultDto })
  async open(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('shareCode') shareCode: string,
    @Query() q: OpenShareQueryDto,
  ): Promise<OpenShareResultDto> {
    const r = await this.links.open(ctx, userId, shareCode, q.via ?? 'share_link');
    return { ...r, referrer: toReferrerDto(r.referrer) };
  }

  @Get('reseller')
  @UserRoute()
  @ApiOperation({ summary: 'My reseller standing (null when I never applied)' })
  @ApiOkResponse({ type: MyResellerDto })
  async mine(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<MyResellerDto> {
    const r = await this.resellers.mine(ctx, userId);
    return { reseller: r ? toResellerDto(r) : null };
  }

  @Post('reseller/apply')
  @UserRoute()
  @ApiOperation({
    summary: 'Apply to become a reseller (approved at once, pending, or refused per resellerMode)',
  })
  @ApiCreatedResponse({ type: ResellerDto })
  async apply(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<ResellerDto> {
    return toResellerDto(await this.resellers.apply(ctx, userId));
  }

  @Get('reseller/customers')
  @UserRoute()
  @ApiOperation({ summary: 'Customers bound to me now (resellers only)' })
  @ApiOkResponse({ type: CustomerPageDto })
  async myCustomers(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: PageQueryDto,
  ): Promise<CustomerPageDto> {
    const page = await this.customers.listForReseller(ctx, userId, q);
    // A reseller sees who, not their phone numbers.
    return { ...page, items: page.items.map((c) => ({ ...toCustomerDto(c), phone: null })) };
  }

  @Get('reseller/team')
  @UserRoute()
  @ApiOperation({
    summary: 'My team: resellers whose upline I am, with their bound customers (resellers only)',
  })
  @ApiOkResponse({ type: TeamPageDto })
  async myTeam(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: PageQueryDto,
  ): Promise<TeamPageDto> {
    const page = await this.resellers.team(ctx, userId, q);
    return {
      ...page,
      items: page.items.map((m) => ({ ...m, joinedAt: new Date(m.joinedAt).toISOString() })),
    };
  }
}
