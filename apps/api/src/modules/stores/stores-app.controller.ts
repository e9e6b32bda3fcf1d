import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse } from '@nestjs/swagger';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OptionalUserRoute, Public, UserRoute } from '../../common/auth/auth.decorators';
import { PageQueryDto } from '../../common/paging';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
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
  @OptionalUserRoute()
  @ApiOperation({
    summary:
      'Resolve a shelf or slot code: store, shelf, products with store stock and modes. Recorded; a bearer token, when valid, records the user (store lock). 404 SCAN_CODE_NOT_FOUND, 410 SCAN_CODE_DISABLED',
  })
  @ApiOkResponse({ type: ScanResultDto })
  scan(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<ScanResultDto> {
    return this.scans.resolve(ctx, code, ctx.actor?.id ?? null);
  }

  @Get('my-stores')
  @UserRoute()
  @ApiOperation({ summary: 'The stores I own or work at, with my role' })
  @ApiOkResponse({ type: MyStoreListDto })
  async myStores(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<MyStoreListDto> {
    return { items: await this.stores.myStores(ctx, userId) };
  }

  @Get('my-stores/:id/members')
  @UserRoute()
  @ApiOperation({ summary: 'The owner and staff of a store I work at (404 otherwise)' })
  @ApiOkResponse({ type: StoreMemberListDto })
  async members(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<StoreMemberListDto> {
    await this.stores.assertStaff(ctx, id, userId);
    return { items: await this.stores.members(ctx, id) };
  }

  @Get('my-stores/:id/stock')
  @UserRoute()
  @ApiOperation({ summary: 'What a store I work at holds, per SKU (404 otherwise)' })
  @ApiOkResponse({ type: StoreStockPageDto })
  async myStock(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQueryDto,
  ): Promise<StoreStockPageDto> {
    await this.stores.assertStaff(ctx, id, userId);
    return this.stock.list(ctx, id, q);
  }

  @Post('stores/:id/staff-invites')
  @UserRoute()
  @ApiOperation({ summary: 'The owner makes a one-time staff invite code (valid 72 h)' })
  @ApiCreatedResponse({ type: StaffInviteDto })
  invite(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<StaffInviteDto> {
    return this.stores.createStaffInvite(ctx, id, userId);
  }

  @Delete('my-stores/:id/members/:userId')
  @UserRoute()
  @HttpCode(204)
  @ApiOperation({ summary: 'The owner removes a staff member (403 for staff, 404 for others; audited)' })
  @ApiNoContentResponse()
  async removeStaff(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) memberId: string,
  ): Promise<void> {
    await this.stores.removeStaff(ctx, id, userId, memberId);
  }

  @Post('staff-invites/:code/accept')
  @UserRoute()
  @ApiOperation({ summary: 'Join a store as staff with an invite code (usable once)' })
  @ApiCreatedResponse({ type: MyStoreDto })
  accept(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('code') code: string,
  ): Promise<MyStoreDto> {
    return this.stores.acceptStaffInvite(ctx, code, userId);
  }
}
