import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { PageQueryDto } from '../../common/paging';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import {
  CreateShelfDto,
  IssueScanCodeDto,
  ReplaceSlotsDto,
  ScanCodeDto,
  ScanCodePageDto,
  ScanCodeQueryDto,
  ScanLogPageDto,
  ScanLogQueryDto,
  ShelfDto,
  ShelfPageDto,
  UpdateShelfDto,
} from './dto/shelf.dto';
import {
  AdminStoreDto,
  AdminStorePageDto,
  CreateStoreDto,
  StoreMemberListDto,
  StoreStockAdjustmentDto,
  StoreStockMovementPageDto,
  StoreStockPageDto,
  StoreListQueryDto,
  UpdateStoreDto,
} from './dto/store.dto';
import { QrService } from './qr.service';
import { ScanCodeService } from './scan-code.service';
import { ScanService } from './scan.service';
import { ShelfService } from './shelf.service';
import { StoreStockService } from './store-stock.service';
import { StoresService } from './stores.service';

@ApiTags('admin: stores')
@Controller('admin')
export class StoresAdminController {
  constructor(
    private readonly stores: StoresService,
    private readonly stock: StoreStockService,
    private readonly shelves: ShelfService,
    private readonly codes: ScanCodeService,
    private readonly scans: ScanService,
    private readonly qr: QrService,
  ) {}

  @Get('stores')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'List stores, newest first, by keyword (name, address) and status' })
  @ApiOkResponse({ type: AdminStorePageDto })
  list(@Ctx() ctx: RequestContext, @Query() q: StoreListQueryDto): Promise<AdminStorePageDto> {
    return this.stores.list(ctx, q);
  }

  @Post('stores')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Create a store (active); the owner becomes its first member' })
  @ApiCreatedResponse({ type: AdminStoreDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateStoreDto): Promise<AdminStoreDto> {
    return this.stores.create(ctx, dto);
  }

  @Get('stores/:id')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'A store' })
  @ApiOkResponse({ type: AdminStoreDto })
  get(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<AdminStoreDto> {
    return this.stores.get(ctx, id);
  }

  @Patch('stores/:id')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Change a store: details, owner, agent, or suspend/reactivate it' })
  @ApiOkResponse({ type: AdminStoreDto })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateStoreDto,
  ): Promise<AdminStoreDto> {
    return this.stores.update(ctx, id, dto);
  }

  @Get('stores/:id/members')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'The owner and staff of a store' })
  @ApiOkResponse({ type: StoreMemberListDto })
  async members(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<StoreMemberListDto> {
    await this.stores.load(ctx, id);
    return { items: await this.stores.members(ctx, id) };
  }

  @Get('stores/:id/stock')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'What a store holds, per SKU' })
  @ApiOkResponse({ type: StoreStockPageDto })
  async stockList(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQueryDto,
  ): Promise<StoreStockPageDto> {
    await this.stores.load(ctx, id);
    return this.stock.list(ctx, id, q);
  }

  @Post('stores/:id/stock-adjustments')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Add or remove store stock of a SKU (never below zero), logged' })
  @ApiCreatedResponse({
    type: StoreStockPageDto,
    description: 'The store’s stock after the change (first page)',
  })
  async adjust(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: StoreStockAdjustmentDto,
  ): Promise<StoreStockPageDto> {
    await this.stores.load(ctx, id);
    await this.stock.adjustStoreStock(ctx, id, dto.skuId, dto.delta, { reason: 'adjust', note: dto.note });
    return this.stock.list(ctx, id, { page: 1, pageSize: 100 });
  }

  @Get('stores/:id/stock-movements')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'The store stock movement log, newest first' })
  @ApiOkResponse({ type: StoreStockMovementPageDto })
  async movements(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQueryDto,
  ): Promise<StoreStockMovementPageDto> {
    await this.stores.load(ctx, id);
    return this.stock.movements(ctx, id, q);
  }

  @Get('stores/:id/shelves')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'The shelves of a store with their slots and shelf codes' })
  @ApiOkResponse({ type: ShelfPageDto })
  shelfList(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQueryDto,
  ): Promise<ShelfPageDto> {
    return this.shelves.list(ctx, id, q);
  }

  @Post('stores/:id/shelves')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Add a shelf to a store (its scan code is issued at once)' })
  @ApiCreatedResponse({ type: ShelfDto })
  createShelf(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateShelfDto,
  ): Promise<ShelfDto> {
    return this.shelves.create(ctx, id, dto);
  }

  @Get('shelves/:id')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'A shelf with its slots' })
  @ApiOkResponse({ type: ShelfDto })
  shelf(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<ShelfDto> {
    return this.shelves.get(ctx, id);
  }

  @Patch('shelves/:id')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Rename or reorder a shelf' })
  @ApiOkResponse({ type: ShelfDto })
  updateShelf(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateShelfDto,
  ): Promise<ShelfDto> {
    return this.shelves.update(ctx, id, dto);
  }

  @Put('shelves/:id/slots')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Replace a shelf’s ordered slots (products, optionally one SKU each)' })
  @ApiOkResponse({ type: ShelfDto })
  replaceSlots(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: ReplaceSlotsDto,
  ): Promise<ShelfDto> {
    return this.shelves.replaceSlots(ctx, id, dto);
  }

  @Get('stores/:id/scan-codes')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'The scan codes of a store (active and disabled)' })
  @ApiOkResponse({ type: ScanCodePageDto })
  async codeList(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Query() q: ScanCodeQueryDto,
  ): Promise<ScanCodePageDto> {
    await this.stores.load(ctx, id);
    return this.codes.listForStore(ctx, id, q);
  }

  @Post('scan-codes')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Issue a scan code for a shelf or one of its slots (one active code each)' })
  @ApiCreatedResponse({ type: ScanCodeDto })
  issue(@Ctx() ctx: RequestContext, @Body() dto: IssueScanCodeDto): Promise<ScanCodeDto> {
    return this.codes.issue(ctx, dto);
  }

  @Post('scan-codes/:id/disable')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Disable a scan code for good (scanning it then answers SCAN_CODE_DISABLED)' })
  @ApiCreatedResponse({ type: ScanCodeDto })
  disable(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<ScanCodeDto> {
    return this.codes.disable(ctx, id);
  }

  @Post('scan-codes/:id/reissue')
  @AdminRoute('stores:write')
  @ApiOperation({ summary: 'Disable a code and issue a new one for the same shelf or slot' })
  @ApiCreatedResponse({ type: ScanCodeDto, description: 'The new code' })
  reissue(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<ScanCodeDto> {
    return this.codes.reissue(ctx, id);
  }

  @Get('scan-codes/:id/qr.png')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'The mini-program code (PNG) of a scan code, from WeChat once, then cached' })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'PNG image' })
  async png(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { code, png } = await this.qr.pngForScanCode(ctx, id);
    void reply
      .header('content-type', 'image/png')
      .header('content-disposition', `inline; filename="${code}.png"`)
      .header('cache-control', 'private, max-age=86400');
    return png;
  }

  @Get('stores/:id/qr-sheet.pdf')
  @AdminRoute('stores:read')
  @ApiOperation({
    summary: 'A4 PDF of the store’s active codes, 12 per page, store and shelf name under each',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF document' })
  async sheet(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { pdf, pages, codes } = await this.qr.sheet(ctx, id);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="qr-sheet-${id}.pdf"`)
      .header('x-pages', String(pages))
      .header('x-codes', String(codes))
      .header('cache-control', 'no-store');
    return pdf;
  }

  @Get('scan-logs')
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'Scan log (every resolution), newest first, by store, user and result' })
  @ApiOkResponse({ type: ScanLogPageDto })
  scanLogs(@Ctx() ctx: RequestContext, @Query() q: ScanLogQueryDto): Promise<ScanLogPageDto> {
    return this.scans.logs(ctx, q);
  }
}
