import { Btn } from '../../../components/btn';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cover } from '../../../components/cover';
import { Price } from '../../../components/price';
import { ErrorView, Skeleton } from '../../../components/states';
import { useAuthedImage } from '../../../hooks/use-authed-image';
import { cstTime, specText, yuan } from '../../../format';
import { S } from '../../../strings';
import { cancelAfterSale } from '../../../services/after-sale';
import { useOrder } from './use-order';
import './index.css';

function PickupQr(props: { orderId: string }) {
  const { src } = useAuthedImage(`/api/app/orders/${props.orderId}/pickup-qr.png`);
  return src ? <Image className="od-pickup__qr" src={src} /> : <View className="od-pickup__qr" />;
}

const AFTER_SALE_OPEN = ['PAID', 'SHIPPED', 'AWAITING_PICKUP', 'COMPLETED'];

export default function OrderDetailPage() {
  const { order, afterSales, cancel, receive, pay } = useOrder();
  const o = order.data;
  if (order.status === 'error' && !o) return <ErrorView message={order.error} onRetry={order.reload} />;
  if (!o) return <Skeleton rows={3} />;
  return (
    <View className="od">
      <View className="od-head">
        <Text className="od-head__status" data-testid="order-status">
          {S.order.status[o.status]}
        </Text>
        {o.status === 'PENDING_PAYMENT' && o.payDeadline && (
          <Text className="od-head__tip">{S.order.payBefore(cstTime(o.payDeadline))}</Text>
        )}
      </View>
      {o.status === 'AWAITING_PICKUP' && o.pickupCode && (
        <View className="card od-pickup" data-testid="pickup">
          <Text className="muted">{S.order.pickupCode}</Text>
          <Text className="od-pickup__code">{o.pickupCode}</Text>
          <PickupQr orderId={o.id} />
          <Text className="muted">{S.order.pickupTip}</Text>
        </View>
      )}
      {o.address && (
        <View className="card">
          <Text className="od-addr__who">
            {o.address.name} {o.address.phone}
          </Text>
          <Text className="muted">
            {o.address.province}
            {o.address.city}
            {o.address.district} {o.address.detail}
          </Text>
        </View>
      )}
      {o.trackingNo && (
        <View className="card">
          <Text className="card__title">{S.order.logistics}</Text>
          <View className="row">
            <Text className="row__label">{S.order.carrier}</Text>
            <Text>{o.carrier}</Text>
          </View>
          <View className="row">
            <Text className="row__label">{S.order.trackingNo}</Text>
            <Text onClick={() => Taro.setClipboardData({ data: o.trackingNo! })}>
              {o.trackingNo} <Text className="od-copy">{S.common.copy}</Text>
            </Text>
          </View>
        </View>
      )}
      <View className="card">
        {o.lines.map((l) => (
          <View key={l.id} className="od-line">
            <View className="od-line__img">
              <Cover url={l.imageUrl} title={l.title} />
            </View>
            <View className="od-line__body">
              <Text className="ellipsis-2">{l.title}</Text>
              <Text className="muted">{specText(l.specs)}</Text>
              <View className="od-line__foot">
                <Price fen={l.priceFen} size="sm" />
                <Text className="muted">×{l.qty}</Text>
              </View>
              {AFTER_SALE_OPEN.includes(o.status) && l.afterSaleQty < l.qty && (
                <Btn
                  className="btn btn--plain btn--sm od-line__as"
                  data-testid="after-sale-btn"
                  onClick={() =>
                    Taro.navigateTo({
                      url: `/packages/order/after-sale/index?orderId=${o.id}&lineId=${l.id}`,
                    })
                  }
                >
                  {S.order.afterSale}
                </Btn>
              )}
              {l.refundedQty > 0 && (
                <Text className="tag-low">
                  已退 {l.refundedQty} 件 {yuan(l.refundedFen)}
                </Text>
              )}
            </View>
          </View>
        ))}
        <View className="row">
          <Text className="row__label">{S.checkout.goods}</Text>
          <Text>{yuan(o.goodsFen)}</Text>
        </View>
        {o.mode === 'express' && (
          <View className="row">
            <Text className="row__label">{S.checkout.shipping}</Text>
            <Text>{o.shippingFen > 0 ? yuan(o.shippingFen) : S.checkout.free}</Text>
          </View>
        )}
        <View className="row">
          <Text className="row__label">{S.checkout.payable}</Text>
          <Price fen={o.payableFen} />
        </View>
      </View>
      {afterSales.data && afterSales.data.length > 0 && (
        <View className="card" data-testid="order-after-sales">
          <Text className="card__title">{S.order.afterSales}</Text>
          {afterSales.data.map((a) => (
            <View key={a.id} className="row">
              <Text>
                {S.afterSale.types[a.type]} × {a.qty} · {a.photos.length} 张凭证
              </Text>
              <Text className="ocard__status">{S.afterSale.status[a.status] ?? a.status}</Text>
              {a.status === 'PENDING_APPROVAL' && (
                <Btn
                  className="btn btn--plain btn--sm"
                  data-testid="cancel-after-sale"
                  onClick={() =>
                    void cancelAfterSale(a.id, () => Promise.all([afterSales.reload(), order.reload()]))
                  }
                >
                  {S.afterSale.cancel}
                </Btn>
              )}
            </View>
          ))}
        </View>
      )}
      <View className="card">
        <View className="row">
          <Text className="row__label">{S.order.no}</Text>
          <Text onClick={() => Taro.setClipboardData({ data: o.orderNo })}>
            {o.orderNo} <Text className="od-copy">{S.common.copy}</Text>
          </Text>
        </View>
        <View className="row">
          <Text className="row__label">{S.order.createdAt}</Text>
          <Text>{cstTime(o.createdAt)}</Text>
        </View>
        {o.paidAt && (
          <View className="row">
            <Text className="row__label">{S.order.paidAt}</Text>
            <Text>{cstTime(o.paidAt)}</Text>
          </View>
        )}
      </View>
      {o.history && o.history.length > 0 && (
        <View className="card">
          <Text className="card__title">{S.order.history}</Text>
          {[...o.history].reverse().map((h, i) => (
            <View key={i} className="od-hist">
              <View className={`od-hist__dot ${i === 0 ? 'od-hist__dot--on' : ''}`} />
              <View className="od-hist__body">
                <Text>{S.order.status[h.toStatus] ?? h.toStatus}</Text>
                <Text className="muted">{cstTime(h.createdAt)}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
      <View className="bar__spacer" />
      {(o.status === 'PENDING_PAYMENT' || o.status === 'SHIPPED') && (
        <View className="bar od-bar">
          <View className="bar__sum" />
          {o.status === 'PENDING_PAYMENT' && (
            <>
              <Btn className="btn btn--plain btn--sm" data-testid="cancel-order" onClick={cancel}>
                {S.order.cancel}
              </Btn>
              <Btn className="btn btn--wechat btn--sm od-bar__main" data-testid="pay-order" onClick={pay}>
                {S.order.pay}
              </Btn>
            </>
          )}
          {o.status === 'SHIPPED' && (
            <Btn
              className="btn btn--primary btn--sm od-bar__main"
              data-testid="receive-order"
              onClick={receive}
            >
              {S.order.receive}
            </Btn>
          )}
        </View>
      )}
    </View>
  );
}
