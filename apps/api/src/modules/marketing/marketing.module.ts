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
import { OffersService } from './offers.service';
import { SegmentsService } from './segments.service';
import { OffersAppController, OffersSegmentsAdminController } from './marketing-extra.controller';

/**
 * Members and marketing: levels by spend online and offline, the points ledger, coupons,
 * limited-time offers, tags and segments.
 * Global so the orders module finds ORDER_DISCOUNTS (checkout's discount port).
 */
@Global()
@Module({
  imports: [CatalogModule],
  controllers: [
    MembersAdminController,
    CouponsAdminController,
    OffersSegmentsAdminController,
    MarketingAppController,
    OffersAppController,
  ],
  providers: [
    LevelsService,
    PointsService,
    CouponsService,
    OffersService,
    SegmentsService,
    MarketingDiscounts,
    MarketingWorker,
    { provide: ORDER_DISCOUNTS, useFactory: (d: MarketingDiscounts) => [d], inject: [MarketingDiscounts] },
  ],
  exports: [ORDER_DISCOUNTS, LevelsService, PointsService, CouponsService],
})
export class MarketingModule {}
