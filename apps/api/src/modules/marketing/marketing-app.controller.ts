import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { PageQueryDto } from '../../common/paging';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { ProductService } from '../catalog/product.service';
import { CouponsService } from './coupons.service';
import {
  CouponClaimDto,
  CouponDto,
  CouponQueryDto,
  CouponTemplateDto,
  LevelProgressDto,
  PointsEntryDto,
  PointsStatementDto,
} from './dto/marketing.dto';
import { LevelsService } from './levels.service';
import { PointsService } from './points.service';

@ApiTags('app: members')
@Controller('app')
export class MarketingAppController {
  constructor(
    private readonly levels: LevelsService,
    private readonly points: PointsService,
    private readonly coupons: CouponsService,
    private readonly products: ProductService,
  ) {}

  @Get('member/level')
  @UserRoute()
  @ApiOperation({ summary: 'My level, the next one and the spend still needed, with my stats' })
  @ApiOkResponse({ type: LevelProgressDto })
  async level(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<LevelProgressDto> {
    const [p, levels] = await Promise.all([this.levels.progress(ctx, userId), this.levels.list(ctx)]);
    return LevelProgressDto.of(p, levels);
  }

  @Get('member/points')
  @UserRoute()
  @ApiOperation({ summary: 'My points statement, newest first, with the balance' })
  @ApiOkResponse({ type: PointsStatementDto })
  async statement(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: PageQueryDto,
  ): Promise<PointsStatementDto> {
    const s = await this.points.statement(ctx, userId, q);
    return { ...s, items: s.items.map(PointsEntryDto.of) };
  }

  @Get('coupons')
  @UserRoute()
  @ApiOperation({ summary: 'My coupons (usable first); filter by state' })
  @ApiOkResponse({ type: [CouponDto] })
  async mine(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: CouponQueryDto,
  ): Promise<CouponDto[]> {
    return (await this.coupons.mine(ctx, userId, q.state)).map(CouponDto.of);
  }

  @Post('coupons/claim')
  @UserRoute()
  @ApiOperation({
    summary:
      'Claim a coupon. 409 COUPON_SOLD_OUT, COUPON_LIMIT_REACHED, COUPON_NOT_CLAIMABLE, COUPON_EXPIRED',
  })
  @ApiCreatedResponse({ type: CouponDto })
  async claim(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: CouponClaimDto,
  ): Promise<CouponDto> {
    return CouponDto.of(await this.coupons.claim(ctx, userId, dto.templateId));
  }

  @Get('products/:id/coupons')
  @UserRoute()
  @ApiOperation({ summary: 'Coupons I can claim now that apply to this product' })
  @ApiOkResponse({ type: [CouponTemplateDto] })
  async claimable(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
  ): Promise<CouponTemplateDto[]> {
    const product = await this.products.get(ctx, id);
    return (await this.coupons.claimableFor(ctx, product)).map(CouponTemplateDto.of);
  }
}
