import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogModule } from '../catalog/catalog.module';
import { StorefrontAdminController, StorefrontAppController } from './storefront.controller';
import { StorefrontService } from './storefront.service';

/** The operator-curated home page: banners, notices, hot / new / recommended products. */
@Module({
  imports: [CatalogModule, AuditModule],
  controllers: [StorefrontAppController, StorefrontAdminController],
  providers: [StorefrontService],
})
export class StorefrontModule {}
