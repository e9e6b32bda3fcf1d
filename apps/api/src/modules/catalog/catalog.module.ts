import * as path from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CatalogAdminController } from './catalog-admin.controller';
import { CatalogAppController } from './catalog-app.controller';
import { CatalogStockService } from './catalog-stock.service';
import { CategoryService } from './category.service';
import { FILE_STORAGE, LocalFileStorage } from './file-storage';
import { ProductService } from './product.service';
import { UploadsController } from './uploads.controller';

/** Categories, products, SKUs, platform stock and images. Other modules use its exported services. */
@Module({
  controllers: [CatalogAdminController, CatalogAppController, UploadsController],
  providers: [
    CategoryService,
    ProductService,
    CatalogStockService,
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalFileStorage(path.join(config.dataDir, 'uploads')),
    },
  ],
  exports: [CategoryService, ProductService, CatalogStockService, FILE_STORAGE],
})
export class CatalogModule {}
