import { ResellerEarningController } from './reseller-earning.controller';
import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AdminCustomersController, AdminResellersController } from './admin-referral.controller';
import { AppReferralController } from './app-referral.controller';
import { CatalogProductSummary } from './catalog-product-summary';
import { CustomersService } from './customers.service';
import { PosterService } from './poster.service';
import { PRODUCT_SUMMARY_SOURCE } from './product-summary';
import { ReferralBindingService } from './referral-binding.service';
import { ResellerService } from './reseller.service';
import { ShareLinkService } from './share-link.service';
import { StoreLockScanListener } from './store-lock.scan-listener';
import { StoreLockService } from './store-lock.service';

/**
 * Who gets credit for a customer (SPEC §4): store locks, referrer bindings,
 * resellers, share links and posters, and the binding history.
 */
@Module({
  imports: [CatalogModule],
  controllers: [
    AppReferralController,
    AdminResellersController,
    AdminCustomersController,
    ResellerEarningController,
  ],
  providers: [
    StoreLockService,
    StoreLockScanListener,
    ReferralBindingService,
    ResellerService,
    ShareLinkService,
    PosterService,
    CustomersService,
    { provide: PRODUCT_SUMMARY_SOURCE, useClass: CatalogProductSummary },
  ],
  exports: [
    StoreLockService,
    StoreLockScanListener,
    CustomersService,
    ResellerService,
    ReferralBindingService,
    // Orders read a share code opened in a checkout (credits that reseller).
    ShareLinkService,
  ],
})
export class ReferralModule {}
