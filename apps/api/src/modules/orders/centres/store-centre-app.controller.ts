import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../../common/auth/auth.decorators';
import { PageQueryDto } from '../../../common/paging';
import { Ctx, CurrentUserId, RequestContext } from '../../../common/request-context';
import { UuidParam } from '../../../common/uuid-param';
import { CustomersService } from '../../referral/customers.service';
import { toCustomerDto } from '../../referral/dto/mappers';
import { CustomerPageDto } from '../../referral/dto/referral.dto';
import { StoresService } from '../../stores/stores.service';
import { toOrderDto } from '../dto/mappers';
import { OrderPageDto } from '../dto/order.dto';
import { OrderQueryService } from '../order-query.service';
import {
  AgentStoreListDto,
  GuidePerformanceListDto,
  StoreQueueQueryDto,
  StoreSummaryDto,
} from './store-centre.dto';
import { StoreCentreService } from './store-centre.service';

/** The store centre and the agent centre of the mini-program: only the caller's own stores. */
@ApiTags('app: store centre')
@UserRoute()
@Controller('app')
export class StoreCentreAppController {
  constructor(
    private readonly centre: StoreCentreService,
    private readonly stores: StoresService,
    private readonly orders: OrderQueryService,
    private readonly customers: CustomersService,
  ) {}

  @Get('my-stores/:id/summary')
  @ApiOperation({
    summary: 'Store staff: today’s and this month’s sales and store rewards, queue sizes (404 for others)',
  })
  @ApiOkResponse({ type: StoreSummaryDto })
  summary(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<StoreSummaryDto> {
    return this.centre.summary(ctx, userId, id);
  }

  @Get('my-stores/:id/guides')
  @ApiOperation({
    summary:
      'Store staff: 导购业绩 — each guide’s orders, sales and guide rewards today and this month (404 for others)',
  })
  @ApiOkResponse({ type: GuidePerformanceListDto })
  async guides(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<GuidePerformanceListDto> {
    return { items: await this.centre.guides(ctx, userId, id) };
  }

  @Get('my-stores/:id/orders')
  @ApiOperation({
    summary: 'Store staff: the order queue (awaiting pickup, taken away today, to ship) (404 for others)',
  })
  @ApiOkResponse({ type: OrderPageDto })
  async queue(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Query() q: StoreQueueQueryDto,
  ): Promise<OrderPageDto> {
    await this.stores.assertStaff(ctx, id, userId);
    const page = await this.orders.storeQueue(ctx, id, q.queue, q);
    return { ...page, items: page.items.map(toOrderDto) };
  }

  @Get('my-stores/:id/customers')
  @ApiOperation({
    summary: 'Store staff: customers locked to the store now, with the lock’s end (no phone numbers)',
  })
  @ApiOkResponse({ type: CustomerPageDto })
  async lockedCustomers(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQueryDto,
  ): Promise<CustomerPageDto> {
    await this.stores.assertStaff(ctx, id, userId);
    const page = await this.customers.list(ctx, { ...q, storeId: id });
    return { ...page, items: page.items.map((c) => ({ ...toCustomerDto(c), phone: null })) };
  }

  @Get('agent/stores')
  @ApiOperation({
    summary: 'Agent: the stores I look after, with their sales and my override, today and this month',
  })
  @ApiOkResponse({ type: AgentStoreListDto })
  async agentStores(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<AgentStoreListDto> {
    return { items: await this.centre.agentStores(ctx, userId) };
  }
}
