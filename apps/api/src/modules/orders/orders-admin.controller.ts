import { csvCell, getExportMaxRows } from '../../common/csv';
import { toAfterSaleDto, toOrderDto, toOrderRemarkDto, toShippingTemplateDto } from './dto/mappers';
import { OrderRemarksService } from './order-remarks.service';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { formatYuan } from '@cloudshelf/money';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { CommonErrors } from '../../common/errors';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { AuditService } from '../audit/audit.service';
import { NamesService } from '../directory/names.service';
import { AfterSalesService } from './after-sales/after-sales.service';
import {
  AfterSaleDto,
  AfterSalePageDto,
  AfterSaleQuery,
  RejectAfterSaleDto,
} from './after-sales/after-sale.dto';
import { ShippingTemplateDto, ShippingTemplateInputDto } from './checkout/checkout.dto';
import {
  AdminCancelOrderDto,
  AdminOrdersQuery,
  CancelOrderResultDto,
  OrderDto,
  OrderPageDto,
  OrderRemarkDto,
  OrderRemarkInputDto,
  OrderRemarkListDto,
} from './dto/order.dto';
import { BulkShipResultDto, ShipDto } from './fulfilment/fulfilment.dto';
import { FulfilmentService } from './fulfilment/fulfilment.service';
import { OrderQueryService } from './order-query.service';
import { OrderErrors } from './orders.errors';
import { ShippingService } from './checkout/shipping.service';

/** Parses `orderNo,carrier,trackingNo` rows (a header row and blank lines are skipped). */
export function parseShipCsv(text: string): { orderNo: string; carrier: string; trackingNo: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.split(',').map((c) => c.trim().replace(/^"|"$/g, '')))
    .filter((c) => c.length >= 3 && /^OD\d+$/.test(c[0]))
    .map(([orderNo, carrier, trackingNo]) => ({ orderNo, carrier, trackingNo }));
}

/** The operator's side: orders, shipping, after-sales, fee templates. */
@ApiTags('admin-orders')
@Controller('admin')
export class OrdersAdminController {
  constructor(
    private readonly query: OrderQueryService,
    private readonly fulfilment: FulfilmentService,
    private readonly afterSales: AfterSalesService,
    private readonly shipping: ShippingService,
    private readonly audit: AuditService,
    private readonly remarks: OrderRemarksService,
    private readonly names: NamesService,
  ) {}

  @Get('orders')
  @AdminRoute('orders:read')
  @ApiOperation({ summary: 'Orders with filters (status, store, reseller, buyer, mode, channel, date)' })
  @ApiOkResponse({ type: OrderPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() q: AdminOrdersQuery): Promise<OrderPageDto> {
    const page = await this.query.adminList(ctx, q);
    return { ...page, items: page.items.map(toOrderDto) };
  }

  @Get('orders/export.csv')
  @AdminRoute('orders:read')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="orders.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Export orders (filters as the list) as CSV for Excel; above EXPORT_MAX_ROWS refused',
  })
  async exportCsv(@Ctx() ctx: RequestContext, @Query() q: AdminOrdersQuery): Promise<string> {
    const rows = [
      '订单号,渠道,方式,状态,买家,门店,分销员,商品金额(元),优惠(元),运费(元),应付(元),下单时间,支付时间,完成时间',
    ];
    for (let page = 1; ; page++) {
      const batch = await this.query.adminList(ctx, { ...q, page, pageSize: 100 });
      if (batch.total > getExportMaxRows())
        throw CommonErrors.EXPORT_TOO_LARGE({ total: batch.total, maxRows: getExportMaxRows() });
      // Names, not ids: one query per kind for the batch (buyer and reseller as 昵称 138****5678).
      const found = await this.names.names(ctx, {
        userIds: [...new Set(batch.items.flatMap(({ order: o }) => [o.buyerId, o.resellerId ?? []].flat()))],
        storeIds: [...new Set(batch.items.flatMap(({ order: o }) => (o.storeId ? [o.storeId] : [])))],
      });
      const users = new Map(
        found.users.map((u) => [u.id, [u.nickname ?? '微信用户', u.phoneMasked].filter(Boolean).join(' ')]),
      );
      const stores = new Map(found.stores.map((s) => [s.id, s.name]));
      for (const { order: o } of batch.items) {
        rows.push(
          [
            o.orderNo,
            o.channel,
            o.mode,
            o.status,
            users.get(o.buyerId) ?? o.buyerId,
            o.storeId ? (stores.get(o.storeId) ?? o.storeId) : '',
            o.resellerId ? (users.get(o.resellerId) ?? o.resellerId) : '',
            formatYuan(o.goodsFen),
            formatYuan(o.discountFen),
            formatYuan(o.shippingFen),
            formatYuan(o.payableFen),
            o.createdAt.toISOString(),
            o.paidAt?.toISOString(),
            o.completedAt?.toISOString(),
          ]
            .map(csvCell)
            .join(','),
        );
      }
      if (batch.items.length < 100 || page * 100 >= batch.total) break;
    }
    return `\uFEFF${rows.join('\r\n')}\r\n`;
  }

  @Get('orders/:id')
  @AdminRoute('orders:read')
  @ApiOperation({ summary: 'One order with lines and its history' })
  @ApiOkResponse({ type: OrderDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<OrderDto> {
    return toOrderDto(await this.query.adminGet(ctx, id));
  }

  @Get('orders/:id/remarks')
  @AdminRoute('orders:read')
  @ApiOperation({
    summary: 'Operators’ remarks on an order, oldest first (internal, never shown to the buyer)',
  })
  @ApiOkResponse({ type: OrderRemarkListDto })
  async listRemarks(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
  ): Promise<OrderRemarkListDto> {
    return { items: (await this.remarks.list(ctx, id)).map(toOrderRemarkDto) };
  }

  @Post('orders/:id/remarks')
  @AdminRoute('orders:write')
  @ApiOperation({ summary: 'Add a remark to an order (audited)' })
  @ApiCreatedResponse({ type: OrderRemarkDto })
  async addRemark(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: OrderRemarkInputDto,
  ): Promise<OrderRemarkDto> {
    return toOrderRemarkDto(await this.remarks.add(ctx, id, dto.text));
  }

  @Post('orders/:id/ship')
  @HttpCode(200)
  @AdminRoute('orders:write')
  @ApiOperation({ summary: 'Ship an express order (carrier and tracking number)' })
  @ApiOkResponse({ type: OrderDto })
  async ship(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: ShipDto,
  ): Promise<OrderDto> {
    await this.fulfilment.ship(ctx, id, dto);
    return toOrderDto(await this.query.adminGet(ctx, id));
  }

  @Post('orders/:id/cancel')
  @HttpCode(200)
  @AdminRoute('orders:write')
  @ApiOperation({
    summary:
      'Cancel an unpaid order for the buyer, with a reason (WeChat’s order is closed first; if it was paid meanwhile, it stays paid: refund through an after-sale)',
  })
  @ApiOkResponse({ type: CancelOrderResultDto })
  async cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: AdminCancelOrderDto,
  ): Promise<CancelOrderResultDto> {
    const order = await this.query.adminGet(ctx, id);
    if (order.order.status !== 'PENDING_PAYMENT' && order.order.status !== 'CANCELLED')
      throw OrderErrors.ORDER_STATE_INVALID({ status: order.order.status });
    const outcome = await this.fulfilment.cancelUnpaid(ctx, id, `cancelled by the operator: ${dto.reason}`);
    return { outcome, order: toOrderDto(await this.query.adminGet(ctx, id)) };
  }

  @Post('orders/ship-csv')
  @HttpCode(200)
  @AdminRoute('orders:write')
  @ApiOperation({ summary: 'Bulk shipping: CSV `orderNo,carrier,trackingNo` as multipart field `file`' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: BulkShipResultDto })
  async shipCsv(@Ctx() ctx: RequestContext, @Req() req: FastifyRequest): Promise<BulkShipResultDto> {
    if (!req.isMultipart()) throw CommonErrors.BAD_REQUEST({ reason: 'not multipart/form-data' });
    const part = await req.file({ limits: { fileSize: 1024 * 1024, files: 1 } });
    if (!part) throw CommonErrors.BAD_REQUEST({ reason: 'no file' });
    const rows = parseShipCsv((await part.toBuffer()).toString('utf8'));
    if (!rows.length || rows.length > 2000)
      throw CommonErrors.BAD_REQUEST({ reason: 'no rows or more than 2000' });
    return this.fulfilment.shipMany(ctx, rows);
  }

  @Get('after-sales')
  @AdminRoute('orders:read')
  @ApiOperation({ summary: 'After-sales, newest first, paged, by order or status' })
  @ApiOkResponse({ type: AfterSalePageDto })
  async afterSaleList(@Ctx() ctx: RequestContext, @Query() q: AfterSaleQuery): Promise<AfterSalePageDto> {
    const page = await this.afterSales.list(ctx, q);
    return { ...page, items: page.items.map(toAfterSaleDto) };
  }

  @Post('after-sales/:id/approve')
  @HttpCode(200)
  @AdminRoute('refunds:write')
  @ApiOperation({
    summary:
      'Approve an after-sale: a refund only is refunded through WeChat Pay at once; a return and refund then awaits the goods (AWAITING_RETURN, see confirm-return)',
  })
  @ApiOkResponse({ type: AfterSaleDto })
  async approve(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<AfterSaleDto> {
    return toAfterSaleDto(await this.afterSales.approve(ctx, id));
  }

  @Post('after-sales/:id/confirm-return')
  @HttpCode(200)
  @AdminRoute('refunds:write')
  @ApiOperation({
    summary:
      'Confirm the returned goods of an approved return and refund (AWAITING_RETURN): the refund starts through WeChat Pay (audited)',
  })
  @ApiOkResponse({ type: AfterSaleDto })
  async confirmReturn(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<AfterSaleDto> {
    return toAfterSaleDto(await this.afterSales.confirmReturn(ctx, id));
  }

  @Post('after-sales/:id/reject')
  @HttpCode(200)
  @AdminRoute('refunds:write')
  @ApiOperation({ summary: 'Reject an after-sale with a reason' })
  @ApiOkResponse({ type: AfterSaleDto })
  async reject(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: RejectAfterSaleDto,
  ): Promise<AfterSaleDto> {
    return toAfterSaleDto(await this.afterSales.reject(ctx, id, dto.reason));
  }

  @Get('shipping-templates')
  @AdminRoute('orders:read')
  @ApiOperation({ summary: 'Express fee templates' })
  @ApiOkResponse({ type: [ShippingTemplateDto] })
  async templates(@Ctx() ctx: RequestContext): Promise<ShippingTemplateDto[]> {
    return (await this.shipping.list(ctx)).map(toShippingTemplateDto);
  }

  @Post('shipping-templates')
  @AdminRoute('orders:write')
  @ApiOperation({ summary: 'Create an express fee template (the first, or isDefault, applies)' })
  @ApiCreatedResponse({ type: ShippingTemplateDto })
  async createTemplate(
    @Ctx() ctx: RequestContext,
    @Body() dto: ShippingTemplateInputDto,
  ): Promise<ShippingTemplateDto> {
    const t = await this.shipping.create(ctx, dto);
    await this.audit.record(ctx, {
      action: 'shipping-template.create',
      entityType: 'shipping_template',
      entityId: t.id,
      after: t,
    });
    return toShippingTemplateDto(t);
  }

  @Patch('shipping-templates/:id')
  @AdminRoute('orders:write')
  @ApiOperation({ summary: 'Change an express fee template' })
  @ApiOkResponse({ type: ShippingTemplateDto })
  async updateTemplate(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: ShippingTemplateInputDto,
  ): Promise<ShippingTemplateDto> {
    const t = await this.shipping.update(ctx, id, dto);
    await this.audit.record(ctx, {
      action: 'shipping-template.update',
      entityType: 'shipping_template',
      entityId: id,
      after: t,
    });
    return toShippingTemplateDto(t);
  }

  @Delete('shipping-templates/:id')
  @HttpCode(204)
  @AdminRoute('orders:write')
  @ApiOperation({ summary: 'Delete an express fee template' })
  async removeTemplate(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<void> {
    await this.shipping.remove(ctx, id);
    await this.audit.record(ctx, {
      action: 'shipping-template.delete',
      entityType: 'shipping_template',
      entityId: id,
    });
  }
}
