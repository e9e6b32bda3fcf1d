import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { CustomersService } from './customers.service';
import {
  toBindingEventDto,
  toCustomerDto,
  toReferrerDto,
  toResellerDto,
  toStoreLockDto,
} from './dto/mappers';
import {
  BindingHistoryDto,
  CustomerDto,
  CustomerPageDto,
  CustomerQueryDto,
  MoveStoreLockDto,
  ReasonDto,
  ReferrerDto,
  ResellerDto,
  ResellerPageDto,
  ResellerQueryDto,
  RevokeResellerResultDto,
  SetReferrerDto,
  StoreLockDto,
  TeamPageDto,
} from './dto/referral.dto';
import { PageQueryDto } from '../../common/paging';
import { ReferralBindingService } from './referral-binding.service';
import { ReferralErrors } from './referral.errors';
import { ResellerService } from './reseller.service';
import { StoreLockService } from './store-lock.service';

@ApiTags('admin: resellers')
@Controller('admin/resellers')
export class AdminResellersController {
  constructor(private readonly resellers: ResellerService) {}

  @Get()
  @AdminRoute('resellers:read')
  @ApiOperation({ summary: 'Reseller applications and resellers, by status' })
  @ApiOkResponse({ type: ResellerPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() q: ResellerQueryDto): Promise<ResellerPageDto> {
    const page = await this.resellers.list(ctx, q);
    return { ...page, items: page.items.map(toResellerDto) };
  }

  @Get(':userId/team')
  @AdminRoute('resellers:read')
  @ApiOperation({
    summary: 'A reseller’s team, two levels deep (what the reseller sees in the mini-program)',
  })
  @ApiOkResponse({ type: TeamPageDto })
  async team(
    @Ctx() ctx: RequestContext,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Query() q: PageQueryDto,
  ): Promise<TeamPageDto> {
    const page = await this.resellers.teamOf(ctx, userId, q);
    return {
      ...page,
      items: page.items.map((m) => ({ ...m, joinedAt: new Date(m.joinedAt).toISOString() })),
    };
  }

  @Post(':userId/approve')
  @AdminRoute('resellers:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a pending application; the upline is the applicant’s referrer now (audited)',
  })
  @ApiOkResponse({ type: ResellerDto })
  async approve(
    @Ctx() ctx: RequestContext,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<ResellerDto> {
    return toResellerDto(await this.resellers.approve(ctx, userId));
  }

  @Post(':userId/reject')
  @AdminRoute('resellers:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a pending application with a reason (audited)' })
  @ApiOkResponse({ type: ResellerDto })
  async reject(
    @Ctx() ctx: RequestContext,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: ReasonDto,
  ): Promise<ResellerDto> {
    return toResellerDto(await this.resellers.reject(ctx, userId, dto.reason));
  }

  @Post(':userId/revoke')
  @AdminRoute('resellers:write')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Revoke an approved reseller (清退) with a reason (audited): no commission on new orders, bound customers released; commissions already accrued settle as usual',
  })
  @ApiOkResponse({ type: RevokeResellerResultDto })
  async revoke(
    @Ctx() ctx: RequestContext,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: ReasonDto,
  ): Promise<RevokeResellerResultDto> {
    const r = await this.resellers.revoke(ctx, userId, dto.reason);
    return { reseller: toResellerDto(r.reseller), releasedCustomers: r.releasedCustomers };
  }
}

@ApiTags('admin: customers')
@Controller('admin/customers')
export class AdminCustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly locks: StoreLockService,
    private readonly referrers: ReferralBindingService,
  ) {}

  @Get()
  @AdminRoute('customers:read')
  @ApiOperation({
    summary: 'Customers with their current store lock and referrer; filter by store or reseller',
  })
  @ApiOkResponse({ type: CustomerPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() q: CustomerQueryDto): Promise<CustomerPageDto> {
    const page = await this.customers.list(ctx, q);
    return { ...page, items: page.items.map(toCustomerDto) };
  }

  @Get(':id')
  @AdminRoute('customers:read')
  @ApiOperation({ summary: 'One customer with current bindings' })
  @ApiOkResponse({ type: CustomerDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<CustomerDto> {
    return toCustomerDto(await this.exists(ctx, id));
  }

  @Get(':id/binding-events')
  @AdminRoute('customers:read')
  @ApiOperation({ summary: 'Binding history: every store-lock and referrer change, newest first' })
  @ApiOkResponse({ type: BindingHistoryDto })
  async history(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<BindingHistoryDto> {
    await this.exists(ctx, id);
    return { items: (await this.customers.history(ctx, id)).map(toBindingEventDto) };
  }

  @Put(':id/store-lock')
  @AdminRoute('bindings:write')
  @ApiOperation({ summary: 'Move a customer’s store lock by hand, with a reason (logged and audited)' })
  @ApiOkResponse({ type: StoreLockDto })
  async moveLock(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MoveStoreLockDto,
  ): Promise<StoreLockDto> {
    await this.exists(ctx, id);
    return toStoreLockDto(await this.locks.moveByAdmin(ctx, id, dto.storeId, dto.reason));
  }

  @Post(':id/store-lock/release')
  @AdminRoute('bindings:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a customer’s store lock, with a reason (logged and audited)' })
  @ApiOkResponse({ type: StoreLockDto })
  async releaseLock(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<StoreLockDto> {
    await this.exists(ctx, id);
    return toStoreLockDto(await this.locks.releaseByAdmin(ctx, id, dto.reason));
  }

  @Put(':id/referrer')
  @AdminRoute('bindings:write')
  @ApiOperation({
    summary: 'Bind a customer to a reseller by hand, with a reason (never self, never a cycle)',
  })
  @ApiOkResponse({ type: ReferrerDto })
  async setReferrer(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetReferrerDto,
  ): Promise<ReferrerDto> {
    await this.exists(ctx, id);
    return toReferrerDto(await this.referrers.setByAdmin(ctx, id, dto.resellerId, dto.reason));
  }

  @Post(':id/referrer/release')
  @AdminRoute('bindings:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a customer’s referrer, with a reason' })
  @ApiOkResponse({ type: ReferrerDto })
  async releaseReferrer(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ReferrerDto> {
    await this.exists(ctx, id);
    return toReferrerDto(await this.referrers.setByAdmin(ctx, id, null, dto.reason));
  }

  private async exists(ctx: RequestContext, id: string) {
    const c = await this.customers.get(ctx, id);
    if (!c) throw ReferralErrors.REFERRAL_CUSTOMER_NOT_FOUND();
    return c;
  }
}
