import { Foundation1795688810762 } from './1795688810762-foundation';
import { Payments1795690059036 } from './1795690059036-payments';
import { Identity1795690230300 } from './1795690230300-identity';
import { Catalog1795690301903 } from './1795690301903-catalog';
import { Ledger1795690308559 } from './1795690308559-ledger';
import { Withdrawals1795690568261 } from './1795690568261-withdrawals';
import { Rewards1795691733765 } from './1795691733765-rewards';
import { Orders1795691828341 } from './1795691828341-orders';
import { StoreManagerScope1795693007381 } from './1795693007381-store-manager-scope';
import { AfterSaleShippingRefund1795694734721 } from './1795694734721-after-sale-shipping-refund';
import { HistoryBase1796098445749 } from './1796098445749-history-base';
import { ShopperApp1796098895974 } from './1796098895974-shopper-app';
import { RateLimitCounter1796100000000 } from './1796100000000-rate-limit-counter';
import { OrderRefunds1796101013516 } from './1796101013516-order-refunds';
import { EarnerRoles1796200000000 } from './1796200000000-earner-roles';
import { RestockRequests1796200000001 } from './1796200000001-restock-requests';
import { PayeeRealName1796300000000 } from './1796300000000-payee-real-name';
import { OrderShippingUpload1796300000001 } from './1796300000001-order-shipping-upload';
import { SubscribeConsent1796300000002 } from './1796300000002-subscribe-consent';
import { Marketing1796400000000 } from './1796400000000-marketing';
import { OffersSegments1796400000001 } from './1796400000001-offers-segments';
import { Analytics1796500000000 } from './1796500000000-analytics';
import { CatalogCacheNotify1796600000000 } from './1796600000000-catalog-cache-notify';
import { OrderRemarks1796700000000 } from './1796700000000-order-remarks';
import { ResellerRevoke1796700100000 } from './1796700100000-reseller-revoke';
import { ShoppingGuides1796800000000 } from './1796800000000-shopping-guides';
import { MemberPhoneEncryption1796900000000 } from './1796900000000-member-phone-encryption';

/** The one linear migration history, oldest first. Never edit a migration that has landed. */
export const MIGRATIONS = [
  Foundation1795688810762,
  Payments1795690059036,
  Identity1795690230300,
  Catalog1795690301903,
  Ledger1795690308559,
  Withdrawals1795690568261,
  Rewards1795691733765,
  Orders1795691828341,
  StoreManagerScope1795693007381,
  AfterSaleShippingRefund1795694734721,
  HistoryBase1796098445749,
  ShopperApp1796098895974,
  RateLimitCounter1796100000000,
  OrderRefunds1796101013516,
  EarnerRoles1796200000000,
  RestockRequests1796200000001,
  PayeeRealName1796300000000,
  OrderShippingUpload1796300000001,
  SubscribeConsent1796300000002,
  Marketing1796400000000,
  OffersSegments1796400000001,
  Analytics1796500000000,
  CatalogCacheNotify1796600000000,
  OrderRemarks1796700000000,
  ResellerRevoke1796700100000,
  ShoppingGuides1796800000000,
  MemberPhoneEncryption1796900000000,
];
