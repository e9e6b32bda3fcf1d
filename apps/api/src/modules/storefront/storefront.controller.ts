import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute, Public } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { OkDto } from '../identity/dto/auth.dto';
import {
  FlaggedProductDto,
  FlagQueryDto,
  HomeContentDto,
  HomeContentInputDto,
  HomeContentPatchDto,
  HomeDto,
  ProductFlagsDto,
} from './dto/storefront.dto';
import { StorefrontService } from './storefront.service';

@ApiTags('app: home')
@Controller('app/home')
export class StorefrontAppController {
  constructor(private readonly storefront: StorefrontService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The home page: live banners and notices, hot / new / recommended products' })
  @ApiOkResponse({ type: HomeDto })
  home(@Ctx() ctx: RequestContext): Promise<HomeDto> {
    return this.storefront.home(ctx);
  }
}

@ApiTags('admin: home')
@Controller('admin')
export class StorefrontAdminController {
  constructor(private readonly storefront: StorefrontService) {}

  @Get('home-contents')
  @AdminRoute('catalog:read')
  @ApiOperation({ summary: 'Home banners and notices, live or not' })
  @ApiOkResponse({ type: [HomeContentDto] })
  async list(@Ctx() ctx: RequestContext): Promise<HomeContentDto[]> {
    return (await this.storefront.list(ctx)).map(HomeContentDto.of);
  }

  @Post('home-contents')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Add a banner (needs an image) or a notice; audited' })
  @ApiCreatedResponse({ type: HomeContentDto })
  async create(@Ctx() ctx: RequestContext, @Body() dto: HomeContentInputDto): Promise<HomeContentDto> {
    return HomeContentDto.of(await this.storefront.create(ctx, dto));
  }

  @Patch('home-contents/:id')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Change a banner or notice; audited with before and after' })
  @ApiOkResponse({ type: HomeContentDto })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: HomeContentPatchDto,
  ): Promise<HomeContentDto> {
    return HomeContentDto.of(await this.storefront.update(ctx, id, dto));
  }

  @Delete('home-contents/:id')
  @AdminRoute('catalog:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a banner or notice; audited' })
  @ApiOkResponse({ type: OkDto })
  async remove(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<OkDto> {
    await this.storefront.remove(ctx, id);
    return { ok: true };
  }

  @Get('product-flags')
  @AdminRoute('catalog:read')
  @ApiOperation({ summary: 'Products flagged hot / new / recommended' })
  @ApiOkResponse({ type: [FlaggedProductDto] })
  async flags(@Ctx() ctx: RequestContext, @Query() q: FlagQueryDto): Promise<FlaggedProductDto[]> {
    return (await this.storefront.listFlags(ctx, q.productId)).map((f) => ({
      productId: f.productId,
      flag: f.flag,
      sortOrder: f.sortOrder,
    }));
  }

  @Put('products/:id/flags')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Set a product’s home-page flags (replaces them); audited' })
  @ApiOkResponse({ type: [FlaggedProductDto] })
  async setFlags(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidParam) id: string,
    @Body() dto: ProductFlagsDto,
  ): Promise<FlaggedProductDto[]> {
    return (await this.storefront.setFlags(ctx, id, dto.flags, dto.sortOrder)).map((f) => ({
      productId: f.productId,
      flag: f.flag,
      sortOrder: f.sortOrder,
    }));
  }
}
