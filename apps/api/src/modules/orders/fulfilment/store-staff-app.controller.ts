import { toOrderDto } from '../dto/mappers';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../../common/auth/auth.decorators';
import { IdempotencyKey } from '../../../common/idempotency/idempotency-key.decorator';
import { Ctx, CurrentUserId, RequestContext } from '../../../common/request-context';
import { UuidParam } from '../../../common/uuid-param';
import { OrderDto } from '../dto/order.dto';
import { OrderQueryService } from '../order-query.service';
import { OfflineSalesService } from './offline-sales.service';
import { FulfilmentService } from './fulfilment.service';
import { OfflineSaleDto, VerifyPickupDto } from './fulfilment.dto';

/** Store staff in the mini-program: verify pickup codes and record till sales (the service checks the staff's store). */
@ApiTags('orders')
@UserRoute()
@Controller('app')
export class StoreStaffAppController {
  constructor(
    private readonly query: OrderQueryService,
    private readonly fulfilment: FulfilmentService,
    private readonly offline: OfflineSalesService,
  ) {}

  @Post('pickups/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Store staff: verify a pickup code (only the order’s store); completes the order',
  })
  @ApiOkResponse({ type: OrderDto })
  async verifyPickup(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: VerifyPickupDto,
  ): Promise<OrderDto> {
    const order = await this.fulfilment.verifyPickup(ctx, userId, dto.code);
    return toOrderDto(await this.query.adminGet(ctx, order.id));
  }

  @Post('stores/:storeId/offline-sales')
  @ApiOperation({
    summary: 'Store staff: record a till sale for a member (repeat-safe with Idempotency-Key)',
  })
  @ApiCreatedResponse({ type: OrderDto })
  async offlineSale(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('storeId', UuidParam) storeId: string,
    @IdempotencyKey() key: string,
    @Body() dto: OfflineSaleDto,
  ): Promise<OrderDto> {
    const id = await this.offline.record(ctx, userId, storeId, key, dto);
    return toOrderDto(await this.query.adminGet(ctx, id));
  }
}
