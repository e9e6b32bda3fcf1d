import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute, UserRoute } from '../../common/auth/auth.decorators';
import { PageQueryDto } from '../../common/paging';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import {
  CreateRestockDto,
  HandleRestockDto,
  RestockDto,
  RestockPageDto,
  RestockQueryDto,
} from './dto/restock.dto';
import { RestockService } from './restock.service';

/** Store staff ask for stock in the mini-program (补货). */
@ApiTags('app: stores')
@UserRoute()
@Controller('app/my-stores/:id/restock-requests')
export class RestockAppController {
  constructor(private readonly restock: RestockService) {}

  @Post()
  @ApiOperation({ summary: 'Store staff: ask the operators to restock one SKU (404 for others; audited)' })
  @ApiCreatedResponse({ type: RestockDto })
  create(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateRestockDto,
  ): Promise<RestockDto> {
    return this.restock.create(ctx, userId, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Store staff: the store’s restock requests, newest first' })
  @ApiOkResponse({ type: RestockPageDto })
  list(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQueryDto,
  ): Promise<RestockPageDto> {
    return this.restock.listForStore(ctx, userId, id, q);
  }
}

/** Operators handle the stores' restock requests. */
@ApiTags('admin: stores')
@Controller('admin/restock-requests')
export class RestockAdminController {
  constructor(private readonly restock: RestockService) {}

  @Get()
  @AdminRoute('stores:read')
  @ApiOperation({ summary: 'Restock requests from the stores (a store manager sees only theirs)' })
  @ApiOkResponse({ type: RestockPageDto })
  list(@Ctx() ctx: RequestContext, @Query() q: RestockQueryDto): Promise<RestockPageDto> {
    return this.restock.list(ctx, q);
  }

  @Post(':id/handle')
  @AdminRoute('stores:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark an open restock request done or rejected (409 once handled; audited)' })
  @ApiOkResponse({ type: RestockDto })
  handle(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: HandleRestockDto,
  ): Promise<RestockDto> {
    return this.restock.handle(ctx, id, dto);
  }
}
