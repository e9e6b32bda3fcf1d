import { Global, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ORDER_DISCOUNTS } from '../orders/checkout/discounts.ports';
import { CouponsService } from './coupons.service';
import { LevelsService } from './levels.service';
import { CouponsAdminController, MembersAdminController } from './marketing-admin.controller';
import { MarketingAppController } from './marketing-app.controller';
import { MarketingDiscounts } from './marketing-discounts';
import { MarketingWorker } from './marketing.worker';
import { PointsService } from './points.service';

/**
 * Members and marketing: levels by spend online and offline, the points ledger, coupons.
 * Global so the orders module finds ORDER_DISCOUNTS (checkout's discount port).
 */
@Global()
@Module({
  imports: [CatalogModule],
  controllers: [MembersAdminController, CouponsAdminController, MarketingAppController],
  providers: [
    LevelsService,
    PointsService,
    CouponsService,
    MarketingDiscounts,
    MarketingWorker,
    { provide: ORDER_DISCOUNTS, useFactory: (d: MarketingDiscounts) => [d], inject: [MarketingDiscounts] },
  ],
  exports: [ORDER_DISCOUNTS, LevelsService, PointsService, CouponsService],
})
export class MarketingModule {}
