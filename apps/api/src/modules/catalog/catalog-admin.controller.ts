import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { PageQueryDto } from '../../common/paging';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { CatalogStockService } from './catalog-stock.service';
import { CategoryService } from './category.service';
import {
  CategoryDto,
  CategoryListQueryDto,
  CategoryPageDto,
  CategoryTreeListDto,
  CreateCategoryDto,
  UpdateCategoryDto,
} from './dto/category.dto';
import {
  AdminProductQueryDto,
  CreateProductDto,
  ProductDto,
  ProductPageDto,
  ProductStatusDto,
  SkuDto,
  SkuInputDto,
  SkuStockMovementPageDto,
  StockAdjustmentDto,
  UpdateProductDto,
  UpdateSkuDto,
} from './dto/product.dto';
import { ProductService } from './product.service';

const uuid = UuidParam;

@ApiTags('admin: catalog')
@Controller('admin')
export class CatalogAdminController {
  constructor(
    private readonly categories: CategoryService,
    private readonly products: ProductService,
    private readonly stock: CatalogStockService,
  ) {}

  @Get('categories')
  @AdminRoute('catalog:read')
  @ApiOperation({ summary: 'List categories of one level (roots, or the children of parentId)' })
  @ApiOkResponse({ type: CategoryPageDto })
  listCategories(@Ctx() ctx: RequestContext, @Query() q: CategoryListQueryDto): Promise<CategoryPageDto> {
    return this.categories.list(ctx, q);
  }

  @Get('categories/tree')
  @AdminRoute('catalog:read')
  @ApiOperation({ summary: 'The whole two-level category tree, ordered' })
  @ApiOkResponse({ type: CategoryTreeListDto })
  async categoryTree(@Ctx() ctx: RequestContext): Promise<CategoryTreeListDto> {
    return { items: await this.categories.tree(ctx) };
  }

  @Post('categories')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Create a category (a root, or a child of a root)' })
  @ApiCreatedResponse({ type: CategoryDto })
  createCategory(@Ctx() ctx: RequestContext, @Body() dto: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(ctx, dto);
  }

  @Patch('categories/:id')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Rename, reorder or move a category' })
  @ApiOkResponse({ type: CategoryDto })
  updateCategory(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateCategoryDto,
  ): Promise<CategoryDto> {
    return this.categories.update(ctx, id, dto);
  }

  @Delete('categories/:id')
  @HttpCode(204)
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Delete an empty category (no children, no products)' })
  @ApiNoContentResponse()
  async deleteCategory(@Ctx() ctx: RequestContext, @Param('id', uuid) id: string): Promise<void> {
    await this.categories.remove(ctx, id);
  }

  @Get('products')
  @AdminRoute('catalog:read')
  @ApiOperation({
    summary: 'List products (any status), newest first, with keyword, category and status filters',
  })
  @ApiOkResponse({ type: ProductPageDto })
  listProducts(@Ctx() ctx: RequestContext, @Query() q: AdminProductQueryDto): Promise<ProductPageDto> {
    return this.products.adminList(ctx, q);
  }

  @Post('products')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Create a product (as draft), optionally with its SKUs' })
  @ApiCreatedResponse({ type: ProductDto })
  createProduct(@Ctx() ctx: RequestContext, @Body() dto: CreateProductDto): Promise<ProductDto> {
    return this.products.create(ctx, dto);
  }

  @Get('products/:id')
  @AdminRoute('catalog:read')
  @ApiOperation({ summary: 'A product with its SKUs' })
  @ApiOkResponse({ type: ProductDto })
  getProduct(@Ctx() ctx: RequestContext, @Param('id', uuid) id: string): Promise<ProductDto> {
    return this.products.get(ctx, id);
  }

  @Patch('products/:id')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Change a product’s fields (not its status or SKUs)' })
  @ApiOkResponse({ type: ProductDto })
  updateProduct(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateProductDto,
  ): Promise<ProductDto> {
    return this.products.update(ctx, id, dto);
  }

  @Post('products/:id/status')
  @HttpCode(200)
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Put on sale or take off sale (on sale needs a SKU with a price)' })
  @ApiOkResponse({ type: ProductDto })
  setStatus(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() dto: ProductStatusDto,
  ): Promise<ProductDto> {
    return this.products.setStatus(ctx, id, dto.status);
  }

  @Post('products/:id/skus')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Add a SKU to a product' })
  @ApiCreatedResponse({ type: SkuDto })
  addSku(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() dto: SkuInputDto,
  ): Promise<SkuDto> {
    return this.products.addSku(ctx, id, dto);
  }

  @Patch('skus/:id')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Change a SKU (price, specs, codes; stock only through adjustments)' })
  @ApiOkResponse({ type: SkuDto })
  updateSku(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateSkuDto,
  ): Promise<SkuDto> {
    return this.products.updateSku(ctx, id, dto);
  }

  @Delete('skus/:id')
  @HttpCode(204)
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Delete a SKU (an on-sale product keeps at least one priced SKU)' })
  @ApiNoContentResponse()
  async deleteSku(@Ctx() ctx: RequestContext, @Param('id', uuid) id: string): Promise<void> {
    await this.products.removeSku(ctx, id);
  }

  @Post('skus/:id/stock-adjustments')
  @AdminRoute('catalog:write')
  @ApiOperation({ summary: 'Adjust a SKU’s platform stock by a delta (never below zero), logged' })
  @ApiCreatedResponse({ type: SkuDto })
  async adjustSkuStock(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Body() dto: StockAdjustmentDto,
  ): Promise<SkuDto> {
    await this.stock.adjustSkuStock(ctx, id, dto.delta, { reason: 'adjust', note: dto.note });
    return this.products.getSku(ctx, id);
  }

  @Get('skus/:id/stock-movements')
  @AdminRoute('catalog:read')
  @ApiOperation({ summary: 'The platform stock movement log of a SKU, newest first' })
  @ApiOkResponse({ type: SkuStockMovementPageDto })
  skuMovements(
    @Ctx() ctx: RequestContext,
    @Param('id', uuid) id: string,
    @Query() q: PageQueryDto,
  ): Promise<SkuStockMovementPageDto> {
    return this.stock.movements(ctx, id, q);
  }
}
