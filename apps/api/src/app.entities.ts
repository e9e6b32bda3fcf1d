import { IdempotencyRecord } from './common/idempotency/idempotency-record.entity';
import { LedgerAccount } from './modules/ledger/entities/ledger-account.entity';
import { LedgerEntry } from './modules/ledger/entities/ledger-entry.entity';
import { LedgerPosting } from './modules/ledger/entities/ledger-posting.entity';
import { Withdrawal } from './modules/withdrawals/entities/withdrawal.entity';
import { WithdrawalEvent } from './modules/withdrawals/entities/withdrawal-event.entity';
import { PayeeRealName } from './modules/withdrawals/entities/payee-real-name.entity';
import { OrderShippingUpload } from './modules/orders/shipping-info/order-shipping-upload.entity';
import { SubscribeConsent } from './modules/subscriptions/subscribe-consent.entity';
import { Reward } from './modules/rewards/entities/reward.entity';
import { RewardEvent } from './modules/rewards/entities/reward-event.entity';
import { RewardClawback } from './modules/rewards/entities/reward-clawback.entity';
import { Payment } from './modules/payments/entities/payment.entity';
import { PaymentEvent } from './modules/payments/entities/payment-event.entity';
import { PaymentNotification } from './modules/payments/entities/payment-notification.entity';
import { Refund } from './modules/payments/entities/refund.entity';
import { RefundEvent } from './modules/payments/entities/refund-event.entity';
import { AuditLog } from './modules/audit/entities/audit-log.entity';
import { AdminUser } from './modules/identity/entities/admin-user.entity';
import { AuthSession } from './modules/identity/entities/auth-session.entity';
import { User } from './modules/identity/entities/user.entity';
import { BindingEvent } from './modules/referral/entities/binding-event.entity';
import { CustomerBinding } from './modules/referral/entities/customer-binding.entity';
import { Reseller } from './modules/referral/entities/reseller.entity';
import { ShareLink } from './modules/referral/entities/share-link.entity';
import { Setting } from './modules/settings/entities/setting.entity';
import { Category } from './modules/catalog/entities/category.entity';
import { Product } from './modules/catalog/entities/product.entity';
import { SkuStockMovement } from './modules/catalog/entities/sku-stock-movement.entity';
import { Sku } from './modules/catalog/entities/sku.entity';
import { QrImage } from './modules/stores/entities/qr-image.entity';
import { ScanCode } from './modules/stores/entities/scan-code.entity';
import { ScanLog } from './modules/stores/entities/scan-log.entity';
import { AnalyticsEvent } from './modules/analytics/entities/analytics-event.entity';
import {
  AnalyticsFact,
  AnalyticsOrder,
  AnalyticsState,
} from './modules/analytics/entities/analytics-state.entity';
import {
  BuyerDay,
  CodeDay,
  PlatformDay,
  ProductDay,
  ResellerDay,
} from './modules/analytics/entities/rollups.entity';
import { ShelfSlot } from './modules/stores/entities/shelf-slot.entity';
import { Shelf } from './modules/stores/entities/shelf.entity';
import { StaffInvite } from './modules/stores/entities/staff-invite.entity';
import { RestockRequest } from './modules/stores/entities/restock-request.entity';
import { StoreMember } from './modules/stores/entities/store-member.entity';
import { StoreStockMovement } from './modules/stores/entities/store-stock-movement.entity';
import { StoreStock } from './modules/stores/entities/store-stock.entity';
import { Store } from './modules/stores/entities/store.entity';
import { AfterSale } from './modules/orders/after-sales/after-sale.entity';
import { AfterSaleEvent } from './modules/orders/after-sales/after-sale-event.entity';
import { CartItem } from './modules/orders/entities/cart-item.entity';
import { MemberCode } from './modules/orders/entities/member-code.entity';
import { OrderEvent } from './modules/orders/entities/order-event.entity';
import { OrderLine } from './modules/orders/entities/order-line.entity';
import { OrderRemark } from './modules/orders/entities/order-remark.entity';
import { Order } from './modules/orders/entities/order.entity';
import { ShippingTemplate } from './modules/orders/entities/shipping-template.entity';
import { UserAddress } from './modules/addresses/entities/user-address.entity';
import { HomeContent } from './modules/storefront/entities/home-content.entity';
import { ProductFlag } from './modules/storefront/entities/product-flag.entity';

/** Every entity of every module, in one list for the data source and the drift test. */
export const ENTITIES = [
  IdempotencyRecord,
  Payment,
  PaymentEvent,
  Refund,
  RefundEvent,
  PaymentNotification,
  LedgerAccount,
  LedgerPosting,
  LedgerEntry,
  Withdrawal,
  WithdrawalEvent,
  PayeeRealName,
  OrderShippingUpload,
  SubscribeConsent,
  Reward,
  RewardClawback,
  RewardEvent,
  AuditLog,
  Setting,
  User,
  AdminUser,
  AuthSession,
  CustomerBinding,
  BindingEvent,
  Reseller,
  ShareLink,
  // catalog
  Category,
  Product,
  Sku,
  SkuStockMovement,
  // stores
  Store,
  StoreStock,
  StoreStockMovement,
  StoreMember,
  StaffInvite,
  RestockRequest,
  Shelf,
  ShelfSlot,
  ScanCode,
  ScanLog,
  QrImage,
  // orders
  Order,
  OrderLine,
  OrderEvent,
  OrderRemark,
  CartItem,
  ShippingTemplate,
  AfterSale,
  AfterSaleEvent,
  MemberCode,
  UserAddress,
  HomeContent,
  ProductFlag,
  AnalyticsEvent,
  AnalyticsState,
  AnalyticsFact,
  AnalyticsOrder,
  CodeDay,
  ProductDay,
  ResellerDay,
  BuyerDay,
  PlatformDay,
];
