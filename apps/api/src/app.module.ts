import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ENTITIES } from './app.entities';
import { AuthModule } from './common/auth/auth.module';
import { CommonModule } from './common/common.module';
import { loggerParams } from './common/logging';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { LedgerModule } from './modules/ledger/ledger.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { AuditModule } from './modules/audit/audit.module';
import { IdentityModule } from './modules/identity/identity.module';
import { ReferralModule } from './modules/referral/referral.module';
import { SettingsModule } from './modules/settings/settings.module';
import { WithdrawalsModule } from './modules/withdrawals/withdrawals.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { StoresModule } from './modules/stores/stores.module';
import { OrdersModule } from './modules/orders/orders.module';
import { MarketingModule } from './modules/marketing/marketing.module';
import { RewardsModule } from './modules/rewards/rewards.module';
import { AddressesModule } from './modules/addresses/addresses.module';
import { MiniappModule } from './modules/miniapp/miniapp.module';
import { RegionsModule } from './modules/regions/regions.module';
import { StorefrontModule } from './modules/storefront/storefront.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { SubscriptionsModule } from './modules/subscriptions/subscriptions.module';
import { WechatModule } from './wechat/wechat.module';
import { resolveWechatConfig } from './app.wechat';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraModules: Type<unknown>[] = []): DynamicModule {
    if (!config.databaseUrl) throw new Error('AppModule needs a resolved databaseUrl');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, config.databasePoolSize, ENTITIES),
          retryAttempts: 2,
          retryDelay: 1000,
        }),
        CommonModule,
        AuthModule,
        JobsModule,
        HealthModule,
        PaymentsModule,
        LedgerModule,
        WechatModule.forRootAsync({ useFactory: () => resolveWechatConfig(config.wechat) }),
        AuditModule,
        SettingsModule,
        IdentityModule,
        ReferralModule,
        WithdrawalsModule,
        CatalogModule,
        StoresModule,
        RegionsModule,
        AddressesModule,
        StorefrontModule,
        MiniappModule,
        DirectoryModule,
        AnalyticsModule,
        SubscriptionsModule,
        ...extraModules,
        // Last: a test's stand-in PAYMENT_LISTENER or REWARD_ORDER_SOURCE (an extra module) is found
        // before the orders module's.
        OrdersModule,
        MarketingModule,
        RewardsModule,
      ],
    };
  }
}
