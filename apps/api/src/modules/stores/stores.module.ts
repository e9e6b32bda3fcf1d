import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ReferralModule } from '../referral/referral.module';
import { StoreLockScanListener } from '../referral/store-lock.scan-listener';
import { NearbyStockController, NearbyStockService } from './nearby-stock';
import { QrService } from './qr.service';
import { ScanCodeService } from './scan-code.service';
import { SCAN_LISTENER } from './scan-listener';
import { ScanService } from './scan.service';
import { ShelfService } from './shelf.service';
import { StoreStockService } from './store-stock.service';
import { StoresAdminController } from './stores-admin.controller';
import { StoresAppController } from './stores-app.controller';
import { StoresService } from './stores.service';

/**
 * Stores, staff, store stock, shelves, scan codes, scan resolution and QR sheets.
 * Exports StoresService (assertStaff, get), StoreStockService (reserve/release)
 * and ScanCodeService; the store lock plugs in through SCAN_LISTENER (scan-listener.ts).
 */
@Module({
  imports: [CatalogModule, ReferralModule],
  controllers: [StoresAdminController, StoresAppController, NearbyStockController],
  providers: [
    StoresService,
    StoreStockService,
    NearbyStockService,
    ShelfService,
    ScanCodeService,
    ScanService,
    QrService,
    // A logged-in scan locks the customer to the store (一键锁客), inside the scan's transaction.
    { provide: SCAN_LISTENER, useExisting: StoreLockScanListener },
  ],
  exports: [StoresService, StoreStockService, ScanCodeService],
})
export class StoresModule {}
