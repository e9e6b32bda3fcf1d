import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { NearbyStockController, NearbyStockService } from './nearby-stock';
import { QrService } from './qr.service';
import { RestockAdminController, RestockAppController } from './restock.controller';
import { RestockService } from './restock.service';
import { ScanCodeService } from './scan-code.service';
import { ScanService } from './scan.service';
import { ScanLogWriter } from './scan-log.writer';
import { ShelfService } from './shelf.service';
import { StoreStockService } from './store-stock.service';
import { StoresAdminController } from './stores-admin.controller';
import { StoresAppController } from './stores-app.controller';
import { StoresService } from './stores.service';

/**
 * Stores, staff, store stock, shelves, scan codes, scan resolution and QR sheets.
 * Exports StoresService (assertStaff, get), StoreStockService (reserve/release)
 * and ScanCodeService. Whoever wants to hear scans (the referral module's store lock)
 * provides SCAN_LISTENER globally (scan-listener.ts); this module knows none of them.
 */
@Module({
  imports: [CatalogModule],
  controllers: [
    StoresAdminController,
    StoresAppController,
    NearbyStockController,
    RestockAppController,
    RestockAdminController,
  ],
  providers: [
    NearbyStockService,
    StoresService,
    StoreStockService,
    ShelfService,
    ScanCodeService,
    ScanService,
    ScanLogWriter,
    QrService,
    RestockService,
  ],
  exports: [StoresService, StoreStockService, ScanCodeService],
})
export class StoresModule {}
