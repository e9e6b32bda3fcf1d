import { Global, Module } from '@nestjs/common';
import { ResellerEarningController } from './reseller-earning.controller';
import { CatalogModule } from '../catalog/catalog.module';
import { SCAN_LISTENER } from '../stores/stores.ports';
import { StoresModule } from '../stores/stores.module';
import { AdminCustomersController, AdminResellersController } from './referral-admin.controller';
import { AppReferralController } from './referral-app.controller';
import { CatalogProductSummary } from './catalog-product-summary';
import { CustomersService } from './customers.service';
import { PosterService } from './poster.service';
import { PRODUCT_SUMMARY_SOURCE } from './referral.ports';
import { ReferralBindingService } from './referral-binding.service';
import { ResellerService } from './reseller.service';
import { ShareLinkService } from './share-link.service';
import { StoreLockScanListener } from './store-lock.scan-listener';
import { StoreLockService } from './store-lock.service';

/**
 * Who gets credit for a customer (SPEC §4): store locks, referrer bindings,
 * resellers, share links and posters, and the binding history. Global because it
 * registers itself as the stores module's SCAN_LISTENER: a logged-in scan locks the
 * customer to the store (一键锁客) inside the scan's transaction.
 */
@Global()
@Module({
  // Stores: a guide link is made, and binds, only by a member of its store.
  imports: [CatalogModule, StoresModule],
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
    { provide: SCAN_LISTENER, useExisting: StoreLockScanListener },
    { provide: PRODUCT_SUMMARY_SOURCE, useClass: CatalogProductSummary },
  ],
  exports: [
    SCAN_LISTENER,
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
