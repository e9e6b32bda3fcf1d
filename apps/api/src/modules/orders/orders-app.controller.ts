import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UserRoute } from '../../common/auth/auth.decorators';
import { CommonErrors } from '../../common/errors';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { AfterSalesService } from './after-sales.service';
import { CartService } from './cart.service';
import { CheckoutService } from './checkout.service';
import {
  AfterSaleDto,
  AfterSaleInputDto,
  CancelOrderResultDto,
  CartDto,
  CartItemInputDto,
  CartQtyDto,
  CheckoutDto,
  MemberCodeDto,
  MyOrdersQuery,
  OfflineSaleDto,
  OrderDto,
  OrderPageDto,
  PayResultDto,
  QuoteDto,
  SplitQuoteDto,
  VerifyPickupDto,
} from './dto/order.dto';
import { FulfilmentService } from './fulfilment.service';
import { OfflineSalesService } from './offline-sales.service';
import { OrderQueryService } from './order-query.service';
import { pickupQrPng } from './pickup-code';
import { QuoteService, splitByMode } from './quote.service';

const KEY = /^[0-9A-Za-z_-]{8,128}$/;
function idempotencyKey(key: string | undefined): string {
  if (!key || !KEY.test(key)) {
    throw CommonErrors.VALIDATION_FAILED({
      fields: [{ field: 'Idempotency-Key', problems: ['header required: 8–128 of [0-9A-Za-z_-]'] }],
    });
  }
  return key;
}
const KEY_HEADER = {
  name: 'Idempotency-Key',
  required: true,
  description: '8–128 of [0-9A-Za-z_-], one per tap',
};

/** The buyer's side in the mini-program: cart, checkout, orders, after-sales; staff: pickup and till sales. */
@ApiTags('orders')
@UserRoute()
@Controller('app')
export class OrdersAppController {
  constructor(
    private readonly cart: CartService,
    private readonly quotes: QuoteService,
    private readonly checkout: CheckoutService,
    private readonly query: OrderQueryService,
    private readonly fulfilment: FulfilmentService,
    private readonly afterSales: AfterSalesService,
    private readonly offline: OfflineSalesService,
  ) {}

  @Get('cart/items')
  @ApiOperation({ summary: 'My cart with current prices and availability' })
  @ApiOkResponse({ type: CartDto })
  async cartList(@Ctx() ctx: RequestContext): Promise<CartDto> {
    return { items: await this.cart.list(ctx, ctx.actor!.id) };
  }

  @Post('cart/items')
  @ApiOperation({ summary: 'Add to the cart (same SKU, mode and store add up)' })
  @ApiCreatedResponse({ type: CartDto })
  async cartAdd(@Ctx() ctx: RequestContext, @Body() dto: CartItemInputDto): Promise<CartDto> {
    return { items: await this.cart.add(ctx, ctx.actor!.id, dto) };
  }

  @Patch('cart/items/:id')
  @ApiOperation({ summary: 'Change a cart line’s quantity' })
  @ApiOkResponse({ type: CartDto })
  async cartQty(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: CartQtyDto,
  ): Promise<CartDto> {
    return { items: await this.cart.setQty(ctx, ctx.actor!.id, id, dto.qty) };
  }

  @Delete('cart/items/:id')
  @ApiOperation({ summary: 'Remove a cart line' })
  @ApiOkResponse({ type: CartDto })
  async cartRemove(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<CartDto> {
    return { items: await this.cart.remove(ctx, ctx.actor!.id, id) };
  }

  @Post('checkout/quote')
  @HttpCode(200)
  @ApiOperation({ summary: 'Price a checkout: lines, discounts, shipping, payable (server prices only)' })
  @ApiOkResponse({ type: QuoteDto })
  async quote(@Ctx() ctx: RequestContext, @Body() dto: CheckoutDto): Promise<QuoteDto> {
    const { products: _products, ...q } = await this.quotes.quote(ctx, ctx.actor!.id, dto);
    return q;
  }

  @Post('checkout/split-quote')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Price a checkout whose lines have different fulfilment modes: one group per mode',
  })
  @ApiOkResponse({ type: SplitQuoteDto })
  async splitQuote(@Ctx() ctx: RequestContext, @Body() dto: CheckoutDto): Promise<SplitQuoteDto> {
    const groups: QuoteDto[] = [];
    for (const g of splitByMode(dto)) {
      const { products: _products, ...q } = await this.quotes.quote(ctx, ctx.actor!.id, g);
      groups.push(q);
    }
    const sum = (f: (q: QuoteDto) => number) => groups.reduce((s, q) => s + f(q), 0);
    return {
      groups,
      goodsFen: sum((q) => q.goodsFen),
      discountFen: sum((q) => q.discountFen),
      shippingFen: sum((q) => q.shippingFen),
      payableFen: sum((q) => q.payableFen),
    };
  }

  @Post('checkout/orders')
  @ApiOperation({ summary: 'Place a mixed-mode checkout as one order per mode, all or none (repeat-safe)' })
  @ApiHeader(KEY_HEADER)
  @ApiCreatedResponse({ type: [OrderDto] })
  async createSplit(
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CheckoutDto,
  ): Promise<OrderDto[]> {
    const ids = await this.checkout.createSplit(ctx, ctx.actor!.id, idempotencyKey(key), dto);
    const orders: OrderDto[] = [];
    for (const id of ids) orders.push(OrderDto.of(await this.query.getForBuyer(ctx, ctx.actor!.id, id)));
    return orders;
  }

  @Post('orders')
  @ApiOperation({ summary: 'Place an order: quote again, reserve stock, snapshot attribution (repeat-safe)' })
  @ApiHeader(KEY_HEADER)
  @ApiCreatedResponse({ type: OrderDto })
  async create(
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CheckoutDto,
  ): Promise<OrderDto> {
    const id = await this.checkout.create(ctx, ctx.actor!.id, idempotencyKey(key), dto);
    return OrderDto.of(await this.query.getForBuyer(ctx, ctx.actor!.id, id));
  }

  @Get('orders')
  @ApiOperation({ summary: 'My orders, newest first' })
  @ApiOkResponse({ type: OrderPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() q: MyOrdersQuery): Promise<OrderPageDto> {
    const page = await this.query.listForBuyer(ctx, ctx.actor!.id, q);
    return { ...page, items: page.items.map(OrderDto.of) };
  }

  @Get('orders/:id')
  @ApiOperation({ summary: 'One of my orders (an unpaid one asks WeChat first)' })
  @ApiOkResponse({ type: OrderDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<OrderDto> {
    return OrderDto.of(await this.query.getForBuyer(ctx, ctx.actor!.id, id));
  }

  @Get('orders/:id/pickup-qr.png')
  @ApiOperation({
    summary: 'The pickup QR (PNG) of my order awaiting pickup; staff scan it to verify (else 404)',
  })
  @ApiProduces('image/png')
  @ApiOkResponse({
    description: 'PNG image of `cloudshelf:pickup:<code>`',
    content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
  })
  async pickupQr(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await pickupQrPng(await this.query.pickupCodeForBuyer(ctx, ctx.actor!.id, id));
    // The code is a pickup credential: no shared cache may keep it past the pickup.
    void reply.header('content-type', 'image/png').header('cache-control', 'private, no-store');
    return png;
  }

  @Post('orders/:id/pay')
  @HttpCode(200)
  @ApiOperation({ summary: 'wx.requestPayment parameters (JSAPI prepay; a repeat re-issues the same trade)' })
  @ApiOkResponse({ type: PayResultDto })
  async pay(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<PayResultDto> {
    return this.query.pay(ctx, ctx.actor!.id, id);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel my unpaid order (WeChat’s order is closed first; if it was paid, it stays paid)',
  })
  @ApiOkResponse({ type: CancelOrderResultDto })
  async cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
  ): Promise<CancelOrderResultDto> {
    await this.query.getForBuyer(ctx, ctx.actor!.id, id);
    const outcome = await this.fulfilment.cancelUnpaid(ctx, id, 'cancelled by the buyer');
    return { outcome, order: OrderDto.of(await this.query.getForBuyer(ctx, ctx.actor!.id, id)) };
  }

  @Post('orders/:id/receive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm receipt of a shipped order (completes it)' })
  @ApiOkResponse({ type: OrderDto })
  async receive(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<OrderDto> {
    await this.fulfilment.receive(ctx, id, ctx.actor!.id, 'received by the buyer');
    return OrderDto.of(await this.query.getForBuyer(ctx, ctx.actor!.id, id));
  }

  @Post('after-sales')
  @ApiOperation({ summary: 'Ask for a refund of part of a line (repeat-safe with Idempotency-Key)' })
  @ApiHeader(KEY_HEADER)
  @ApiCreatedResponse({ type: AfterSaleDto })
  async afterSale(
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: AfterSaleInputDto,
  ): Promise<AfterSaleDto> {
    return AfterSaleDto.of(await this.afterSales.request(ctx, ctx.actor!.id, idempotencyKey(key), dto));
  }

  @Get('after-sales')
  @ApiOperation({ summary: 'My after-sales, newest first (at most 100)' })
  @ApiOkResponse({ type: [AfterSaleDto] })
  async myAfterSales(@Ctx() ctx: RequestContext): Promise<AfterSaleDto[]> {
    return (await this.afterSales.list(ctx, { buyerId: ctx.actor!.id })).map(AfterSaleDto.of);
  }

  @Post('pickups/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Store staff: verify a pickup code (only the order’s store); completes the order',
  })
  @ApiOkResponse({ type: OrderDto })
  async verifyPickup(@Ctx() ctx: RequestContext, @Body() dto: VerifyPickupDto): Promise<OrderDto> {
    const order = await this.fulfilment.verifyPickup(ctx, ctx.actor!.id, dto.code);
    return OrderDto.of(await this.query.adminGet(ctx, order.id));
  }

  @Get('me/member-code')
  @ApiOperation({ summary: 'My member code for the till (valid five minutes)' })
  @ApiOkResponse({ type: MemberCodeDto })
  async memberCode(@Ctx() ctx: RequestContext): Promise<MemberCodeDto> {
    const c = await this.offline.memberCode(ctx, ctx.actor!.id);
    return { code: c.code, expiresAt: c.expiresAt.toISOString() };
  }

  @Post('stores/:storeId/offline-sales')
  @ApiOperation({
    summary: 'Store staff: record a till sale for a member (repeat-safe with Idempotency-Key)',
  })
  @ApiHeader(KEY_HEADER)
  @ApiCreatedResponse({ type: OrderDto })
  async offlineSale(
    @Ctx() ctx: RequestContext,
    @Param('storeId', UuidParam) storeId: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: OfflineSaleDto,
  ): Promise<OrderDto> {
    const id = await this.offline.record(ctx, ctx.actor!.id, storeId, idempotencyKey(key), dto);
    return OrderDto.of(await this.query.adminGet(ctx, id));
  }
}
