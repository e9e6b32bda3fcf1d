import { toAfterSaleDto, toOrderDto } from './dto/mappers';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UserRoute } from '../../common/auth/auth.decorators';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { AfterSalesService } from './after-sales/after-sales.service';
import { CartService } from './checkout/cart.service';
import { CheckoutService } from './checkout/checkout.service';
import {
  AfterSaleDto,
  AfterSaleInputDto,
  AfterSalePageDto,
  MyAfterSalesQuery,
} from './after-sales/after-sale.dto';
import {
  CartDto,
  CartItemInputDto,
  CartQtyDto,
  CheckoutDto,
  QuoteDto,
  SplitQuoteDto,
} from './checkout/checkout.dto';
import { CancelOrderResultDto, MyOrdersQuery, OrderDto, OrderPageDto, PayResultDto } from './dto/order.dto';
import { MemberCodeDto } from './fulfilment/fulfilment.dto';
import { FulfilmentService } from './fulfilment/fulfilment.service';
import { OfflineSalesService } from './fulfilment/offline-sales.service';
import { OrderQueryService } from './order-query.service';
import { pickupQrPng } from './fulfilment/pickup-code';
import { QuoteService } from './checkout/quote.service';

/** The buyer's side in the mini-program: cart, checkout, orders, after-sales, the member code. */
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
  async cartList(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<CartDto> {
    return { items: await this.cart.list(ctx, userId) };
  }

  @Post('cart/items')
  @ApiOperation({ summary: 'Add to the cart (same SKU, mode and store add up)' })
  @ApiCreatedResponse({ type: CartDto })
  async cartAdd(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: CartItemInputDto,
  ): Promise<CartDto> {
    return { items: await this.cart.add(ctx, userId, dto) };
  }

  @Patch('cart/items/:id')
  @ApiOperation({ summary: 'Change a cart line’s quantity' })
  @ApiOkResponse({ type: CartDto })
  async cartQty(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Body() dto: CartQtyDto,
  ): Promise<CartDto> {
    return { items: await this.cart.setQty(ctx, userId, id, dto.qty) };
  }

  @Delete('cart/items/:id')
  @ApiOperation({ summary: 'Remove a cart line' })
  @ApiOkResponse({ type: CartDto })
  async cartRemove(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<CartDto> {
    return { items: await this.cart.remove(ctx, userId, id) };
  }

  @Post('checkout/quote')
  @HttpCode(200)
  @ApiOperation({ summary: 'Price a checkout: lines, discounts, shipping, payable (server prices only)' })
  @ApiOkResponse({ type: QuoteDto })
  async quote(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: CheckoutDto,
  ): Promise<QuoteDto> {
    return this.quotes.view(ctx, userId, dto);
  }

  @Post('checkout/split-quote')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Price a checkout whose lines have different fulfilment modes: one group per mode',
  })
  @ApiOkResponse({ type: SplitQuoteDto })
  splitQuote(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: CheckoutDto,
  ): Promise<SplitQuoteDto> {
    return this.quotes.splitQuote(ctx, userId, dto);
  }

  @Post('checkout/orders')
  @ApiOperation({ summary: 'Place a mixed-mode checkout as one order per mode, all or none (repeat-safe)' })
  @ApiCreatedResponse({ type: [OrderDto] })
  async createSplit(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @IdempotencyKey() key: string,
    @Body() dto: CheckoutDto,
  ): Promise<OrderDto[]> {
    const ids = await this.checkout.createSplit(ctx, userId, key, dto);
    const orders: OrderDto[] = [];
    for (const id of ids) orders.push(toOrderDto(await this.query.getForBuyer(ctx, userId, id)));
    return orders;
  }

  @Post('orders')
  @ApiOperation({ summary: 'Place an order: quote again, reserve stock, snapshot attribution (repeat-safe)' })
  @ApiCreatedResponse({ type: OrderDto })
  async create(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @IdempotencyKey() key: string,
    @Body() dto: CheckoutDto,
  ): Promise<OrderDto> {
    const id = await this.checkout.create(ctx, userId, key, dto);
    return toOrderDto(await this.query.getForBuyer(ctx, userId, id));
  }

  @Get('orders')
  @ApiOperation({ summary: 'My orders, newest first' })
  @ApiOkResponse({ type: OrderPageDto })
  async list(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: MyOrdersQuery,
  ): Promise<OrderPageDto> {
    const page = await this.query.listForBuyer(ctx, userId, q);
    return { ...page, items: page.items.map(toOrderDto) };
  }

  @Get('orders/:id')
  @ApiOperation({ summary: 'One of my orders (an unpaid one asks WeChat first)' })
  @ApiOkResponse({ type: OrderDto })
  async get(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<OrderDto> {
    return toOrderDto(await this.query.getForBuyer(ctx, userId, id));
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
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await pickupQrPng(await this.query.pickupCodeForBuyer(ctx, userId, id));
    // The code is a pickup credential: no shared cache may keep it past the pickup.
    void reply.header('content-type', 'image/png').header('cache-control', 'private, no-store');
    return png;
  }

  @Post('orders/:id/pay')
  @HttpCode(200)
  @ApiOperation({ summary: 'wx.requestPayment parameters (JSAPI prepay; a repeat re-issues the same trade)' })
  @ApiOkResponse({ type: PayResultDto })
  async pay(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<PayResultDto> {
    return this.query.pay(ctx, userId, id);
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel my unpaid order (WeChat’s order is closed first; if it was paid, it stays paid)',
  })
  @ApiOkResponse({ type: CancelOrderResultDto })
  async cancel(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<CancelOrderResultDto> {
    await this.query.getForBuyer(ctx, userId, id);
    const outcome = await this.fulfilment.cancelUnpaid(ctx, id, 'cancelled by the buyer');
    return { outcome, order: toOrderDto(await this.query.getForBuyer(ctx, userId, id)) };
  }

  @Post('orders/:id/receive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm receipt of a shipped order (completes it)' })
  @ApiOkResponse({ type: OrderDto })
  async receive(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<OrderDto> {
    await this.fulfilment.receive(ctx, id, userId, 'received by the buyer');
    return toOrderDto(await this.query.getForBuyer(ctx, userId, id));
  }

  @Post('after-sales')
  @ApiOperation({ summary: 'Ask for a refund of part of a line (repeat-safe with Idempotency-Key)' })
  @ApiCreatedResponse({ type: AfterSaleDto })
  async afterSale(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @IdempotencyKey() key: string,
    @Body() dto: AfterSaleInputDto,
  ): Promise<AfterSaleDto> {
    return toAfterSaleDto(await this.afterSales.request(ctx, userId, key, dto));
  }

  @Get('after-sales')
  @ApiOperation({ summary: 'My after-sales, newest first, paged, by status' })
  @ApiOkResponse({ type: AfterSalePageDto })
  async myAfterSales(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Query() q: MyAfterSalesQuery,
  ): Promise<AfterSalePageDto> {
    const page = await this.afterSales.list(ctx, { ...q, buyerId: userId });
    return { ...page, items: page.items.map(toAfterSaleDto) };
  }

  @Get('after-sales/:id')
  @ApiOperation({ summary: 'One of my after-sales' })
  @ApiOkResponse({ type: AfterSaleDto })
  async myAfterSale(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<AfterSaleDto> {
    return toAfterSaleDto(await this.afterSales.getForBuyer(ctx, userId, id));
  }

  @Post('after-sales/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw my after-sale while it awaits approval (a repeat answers the cancelled one)',
  })
  @ApiOkResponse({ type: AfterSaleDto })
  async cancelAfterSale(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<AfterSaleDto> {
    return toAfterSaleDto(await this.afterSales.cancelForBuyer(ctx, userId, id));
  }

  @Get('me/member-code')
  @ApiOperation({ summary: 'My member code for the till (valid five minutes)' })
  @ApiOkResponse({ type: MemberCodeDto })
  async memberCode(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<MemberCodeDto> {
    const c = await this.offline.memberCode(ctx, userId);
    return { code: c.code, expiresAt: c.expiresAt.toISOString() };
  }
}
