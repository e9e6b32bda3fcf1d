import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { CategoryService } from './category.service';
import { CategoryTreeListDto } from './dto/category.dto';
import { AppProductDto, ProductPageDto, ProductSearchQueryDto } from './dto/product.dto';
import { ProductService } from './product.service';

/** What a visitor of the mini-program sees before logging in: categories, search, product pages. */
@ApiTags('app: catalog')
@Public()
@Controller('app')
export class CatalogAppController {
  constructor(
    private readonly categories: CategoryService,
    private readonly products: ProductService,
  ) {}

  @Get('categories')
  @ApiOperation({ summary: 'The two-level category tree, ordered' })
  @ApiOkResponse({ type: CategoryTreeListDto })
  async tree(@Ctx() ctx: RequestContext): Promise<CategoryTreeListDto> {
    return { items: await this.categories.tree(ctx) };
  }

  @Get('products')
  @ApiOperation({
    summary:
      'Search products on sale by keyword (substring, Chinese included) and category; sort by sales, price or newest',
  })
  @ApiOkResponse({ type: ProductPageDto })
  search(@Ctx() ctx: RequestContext, @Query() q: ProductSearchQueryDto): Promise<ProductPageDto> {
    return this.products.appSearch(ctx, q);
  }

  @Get('products/:id')
  @ApiOperation({ summary: 'A product on sale with its SKUs (404 for anything not on sale)' })
  @ApiOkResponse({ type: AppProductDto })
  get(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<AppProductDto> {
    return this.products.getOnSale(ctx, id);
  }
}
