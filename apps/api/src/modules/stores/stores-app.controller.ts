import { Controller, Get, Headers, Inject, Optional, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, UserRoute } from '../../common/auth/auth.decorators';
import { SESSION_CHECK, type SessionCheck } from '../../common/auth/session-check';
import { TokenService } from '../../common/auth/token.service';
import { PageQueryDto } from '../../common/paging';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { ScanResultDto } from './dto/shelf.dto';
import {
  MyStoreDto,
  MyStoreListDto,
  NearbyQueryDto,
  NearbyStorePageDto,
  StaffInviteDto,
  StoreDto,
  StoreMemberListDto,
  StoreStockPageDto,
} from './dto/store.dto';
import { ScanService } from './scan.service';
import { StoreStockService } from './store-stock.service';
import { StoresService } from './stores.service';

@ApiTags('app: stores')
@Controller('app')
export class StoresAppController {
  constructor(
    private readonly stores: StoresService,
    private readonly stock: StoreStockService,
    private readonly scans: ScanService,
    private readonly tokens: TokenService,
    @Optional() @Inject(SESSION_CHECK) private readonly sessions?: SessionCheck,
  ) {}

  @Get('stores/nearby')
  @Public()
  @ApiOperation({ summary: 'Active stores near a point, nearest first, with their distance' })
  @ApiOkResponse({ type: NearbyStorePageDto })
  nearby(@Ctx() ctx: RequestContext, @Query() q: NearbyQueryDto): Promise<NearbyStorePageDto> {
    return this.stores.nearby(ctx, q);
  }

  @Get('stores/:id')
  @Public()
  @ApiOperation({ summary: 'An active store' })
  @ApiOkResponse({ type: StoreDto })
  store(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<StoreDto> {
    return this.stores.getActive(ctx, id);
  }

  @Get('scan/:code')
  @Public()
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Resolve a shelf or slot code: store, shelf, products with store stock and modes. Recorded; a bearer token, when valid, records the user (store lock). 404 SCAN_CODE_NOT_FOUND, 410 SCAN_CODE_DISABLED',
  })
  @ApiOkResponse({ type: ScanResultDto })
  async scan(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
    @Headers('authorization') authorization?: string,
  ): Promise<ScanResultDto> {
    return this.scans.resolve(ctx, code, await this.optionalUser(authorization));
  }

  /** Public route, but a valid user token identifies the scanner; an invalid one is ignored, not refused. */
  private async optionalUser(header: string | undefined): Promise<string | null> {
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const claims = token ? this.tokens.verify(token) : null;
    if (!claims || claims.kind !== 'user') return null;
    if (this.sessions && !(await this.sessions.isActive(claims))) return null;
    return claims.sub;
  }

  @Get('my-stores')
  @UserRoute()
  @ApiOperation({ summary: 'The stores I own or work at, with my role' })
  @ApiOkResponse({ type: MyStoreListDto })
  async myStores(@Ctx() ctx: RequestContext): Promise<MyStoreListDto> {
    return { items: await this.stores.myStores(ctx, ctx.actor!.id) };
  }

  @Get('my-stores/:id/members')
  @UserRoute()
  @ApiOperation({ summary: 'The owner and staff of a store I work at (404 otherwise)' })
  @ApiOkResponse({ type: StoreMemberListDto })
  async members(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<StoreMemberListDto> {
    await this.stores.assertStaff(ctx, id, ctx.actor!.id);
    return { items: await this.stores.members(ctx, id) };
  }

  @Get('my-stores/:id/stock')
  @UserRoute()
  @ApiOperation({ summary: 'What a store I work at holds, per SKU (404 otherwise)' })
  @ApiOkResponse({ type: StoreStockPageDto })
  async myStock(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQueryDto,
  ): Promise<StoreStockPageDto> {
    await this.stores.assertStaff(ctx, id, ctx.actor!.id);
    return this.stock.list(ctx, id, q);
  }

  @Post('stores/:id/staff-invites')
  @UserRoute()
  @ApiOperation({ summary: 'The owner makes a one-time staff invite code (valid 72 h)' })
  @ApiCreatedResponse({ type: StaffInviteDto })
  invite(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<StaffInviteDto> {
    return this.stores.createStaffInvite(ctx, id, ctx.actor!.id);
  }

  @Post('staff-invites/:code/accept')
  @UserRoute()
  @ApiOperation({ summary: 'Join a store as staff with an invite code (usable once)' })
  @ApiCreatedResponse({ type: MyStoreDto })
  accept(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<MyStoreDto> {
    return this.stores.acceptStaffInvite(ctx, code, ctx.actor!.id);
  }
}
