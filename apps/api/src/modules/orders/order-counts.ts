import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { ORDER_STATUSES, type OrderStatus } from './entities/order.entity';

export class OrderCountsDto {
  @ApiProperty() PENDING_PAYMENT: number;
  @ApiProperty() PAID: number;
  @ApiProperty() SHIPPED: number;
  @ApiProperty() AWAITING_PICKUP: number;
  @ApiProperty() COMPLETED: number;
  @ApiProperty() CANCELLED: number;
  @ApiProperty({ description: 'after-sales still being handled (awaiting approval or refunding)' })
  afterSalesOpen: number;
}

/** The badges of 我的 and the order tabs: one grouped count instead of six list calls. */
@Injectable()
export class OrderCountsService {
  constructor(private readonly tx: TransactionService) {}

  async forBuyer(ctx: RequestContext, buyerId: string): Promise<OrderCountsDto> {
    const m = this.tx.manager(ctx);
    const rows: { status: OrderStatus; n: number }[] = await m.query(
      'SELECT status, count(*)::int AS n FROM orders WHERE buyer_id = $1 GROUP BY status',
      [buyerId],
    );
    const open: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM after_sale a JOIN orders o ON o.id = a.order_id
        WHERE o.buyer_id = $1 AND a.status IN ('PENDING_APPROVAL', 'REFUNDING')`,
      [buyerId],
    );
    const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
    for (const r of rows) counts[r.status] = r.n;
    return { ...counts, afterSalesOpen: open[0].n };
  }
}

@ApiTags('orders')
@Controller('app/orders')
export class OrderCountsController {
  constructor(private readonly counts: OrderCountsService) {}

  @Get('counts')
  @UserRoute()
  @ApiOperation({ summary: 'How many of my orders are in each status, and my open after-sales' })
  @ApiOkResponse({ type: OrderCountsDto })
  mine(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<OrderCountsDto> {
    return this.counts.forBuyer(ctx, userId);
  }
}
