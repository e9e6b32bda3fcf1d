import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { applyBp } from '@cloudshelf/money';
import { UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { UuidParam } from '../../common/uuid-param';
import { CatalogErrors } from '../catalog/catalog.errors';
import { ProductService } from '../catalog/product.service';
import { SettingsService } from '../settings/settings.service';
import { ReferralErrors } from './referral.errors';
import { ResellerService } from './reseller.service';

export class SkuEarningDto {
  @ApiProperty({ format: 'uuid' }) skuId: string;
  @ApiProperty({
    description: 'What the reseller earns (L1) when a customer they brought buys one at list price',
  })
  earnFen: number;
}

export class ProductEarningDto {
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ type: [SkuEarningDto] }) skus: SkuEarningDto[];
}

/**
 * A reseller's own "赚 ¥x" figure on a product page, computed here so the mini-program
 * never sees the operator's rates (the consumer product DTO carries none).
 */
@ApiTags('app: referral')
@Controller('app')
export class ResellerEarningController {
  constructor(
    private readonly products: ProductService,
    private readonly resellers: ResellerService,
    private readonly settings: SettingsService,
  ) {}

  @Get('products/:id/my-earning')
  @UserRoute()
  @ApiOperation({ summary: 'What I earn per SKU when my share sells this product (approved resellers only)' })
  @ApiOkResponse({ type: ProductEarningDto })
  async earning(@Ctx() ctx: RequestContext, @Param('id', UuidParam) id: string): Promise<ProductEarningDto> {
    if (!(await this.resellers.isApproved(ctx, ctx.actor!.id))) throw ReferralErrors.REFERRAL_NOT_RESELLER();
    const [product] = await this.products.findMany(ctx, [id], { onSaleOnly: true });
    if (!product) throw CatalogErrors.PRODUCT_NOT_FOUND({ id });
    const rateBp = product.commissionRateBp ?? (await this.settings.get(ctx)).l1RateBp;
    return {
      productId: product.id,
      skus: product.skus.map((s) => ({ skuId: s.id, earnFen: applyBp(s.priceFen, rateBp) })),
    };
  }
}
