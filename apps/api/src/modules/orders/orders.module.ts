import { Global, Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { DirectoryModule } from '../directory/directory.module';
import { PAYMENT_LISTENER } from '../payments/payments.ports';
import { PaymentsModule } from '../payments/payments.module';
import { ReferralModule } from '../referral/referral.module';
import { StoresModule } from '../stores/stores.module';
import { AfterSalesService } from './after-sales/after-sales.service';
import { AttributionService } from './checkout/attribution.service';
import { CartService } from './checkout/cart.service';
import { CheckoutService } from './checkout/checkout.service';
import { FulfilmentService } from './fulfilment/fulfilment.service';
import { OfflineSalesService } from './fulfilment/offline-sales.service';
import { OrderPaymentListener } from './order-payment.listener';
import { OrderCountsController, OrderCountsService } from './order-counts';
import { OrderQueryService } from './order-query.service';
import { OrderRemarksService } from './order-remarks.service';
import { REWARD_ORDER_SOURCE } from './orders.ports';
import { OrdersAdminController } from './orders-admin.controller';
import { OrdersAppController } from './orders-app.controller';
import { StoreStaffAppController } from './fulfilment/store-staff-app.controller';
import { StoreCentreAppController } from './centres/store-centre-app.controller';
import { StoreCentreService } from './centres/store-centre.service';
import { OrdersWorker } from './orders.worker';
import { QuoteService } from './checkout/quote.service';
import { ShippingService } from './checkout/shipping.service';
import { AppUploadsController } from './after-sales/uploads-app.controller';
import { ShippingInfoService } from './shipping-info/shipping-info.service';
import { ShippingInfoQueue } from './shipping-info/shipping-info.job';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { OrderMessages } from './order-messages';

/**
 * Cart, checkout, orders, fulfilment, after-sales and till sales. Global so the
 * payments module finds PAYMENT_LISTENER and the rewards module REWARD_ORDER_SOURCE.
 */
@Global()
@Module({
  imports: [
    CatalogModule,
    StoresModule,
    ReferralModule,
    PaymentsModule,
    DirectoryModule,
    SubscriptionsModule,
  ],
  controllers: [
    OrdersAppController,
    StoreStaffAppController,
    StoreCentreAppController,
    OrdersAdminController,
    AppUploadsController,
    OrderCountsController,
  ],
  providers: [
    StoreCentreService,
    OrderCountsService,
    CartService,
    ShippingService,
    QuoteService,
    AttributionService,
    CheckoutService,
    OrderQueryService,
    OrderRemarksService,
    OrderPaymentListener,
    FulfilmentService,
    AfterSalesService,
    OfflineSalesService,
    OrdersWorker,
    ShippingInfoService,
    ShippingInfoQueue,
    OrderMessages,
    { provide: PAYMENT_LISTENER, useExisting: OrderPaymentListener },
    { provide: REWARD_ORDER_SOURCE, useExisting: OrderQueryService },
  ],
  exports: [PAYMENT_LISTENER, REWARD_ORDER_SOURCE, OrderQueryService],
})
export class OrdersModule {}
