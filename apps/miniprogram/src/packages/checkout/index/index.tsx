import { Btn } from '../../../components/btn';
import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cover } from '../../../components/cover';
import { Price } from '../../../components/price';
import { ErrorView, Skeleton } from '../../../components/states';
import { specText, yuan } from '../../../format';
import { S } from '../../../strings';
import { useCheckout } from './use-checkout';
import './index.css';

export default function CheckoutPage() {
  const c = useCheckout();
  if (!c.draft)
    return (
      <ErrorView
        message={S.common.loadFailed}
        onRetry={() => Taro.switchTab({ url: '/pages/index/index' })}
      />
    );
  const q = c.quote.data;
  if (!q && c.quote.status === 'error') return <ErrorView message={c.quote.error} onRetry={c.quote.reload} />;
  if (!q) return <Skeleton rows={3} />;

  return (
    <View className="checkout">
      {c.needsAddress && (
        <View
          className="card co-address"
          data-testid="checkout-address"
          onClick={() => Taro.navigateTo({ url: '/packages/address/list/index?pick=1' })}
        >
          {c.address ? (
            <View>
              <Text className="co-address__who">
                {c.address.name} {c.address.phone}
              </Text>
              <Text className="co-address__where">
                {c.address.province}
                {c.address.city}
                {c.address.district} {c.address.detail}
              </Text>
            </View>
          ) : (
            <Text className="co-address__empty">{S.checkout.chooseAddress}</Text>
          )}
          <Text className="co-arrow">›</Text>
        </View>
      )}
      {c.draft.storeName && (
        <View className="card co-address" data-testid="checkout-store">
          <View>
            <Text className="co-address__who">{c.draft.storeName}</Text>
            <Text className="co-address__where">{S.modeLong[c.draft.items[0].mode]}</Text>
          </View>
        </View>
      )}
      {c.needsStore && (
        <View
          className="card co-address"
          onClick={() =>
            Taro.navigateTo({ url: `/packages/checkout/stores/index?skuId=${c.draft!.items[0].skuId}` })
          }
        >
          <View>
            <Text className="co-address__who">{S.checkout.pickupStore}</Text>
            <Text className="co-address__where">
              {c.store ? `${c.store.name} · ${c.store.address}` : S.checkout.chooseStore}
            </Text>
          </View>
          <Text className="co-arrow">›</Text>
        </View>
      )}
      {q.groups.map((g, i) => (
        <View className="card" key={i} data-testid="checkout-group">
          <View className="co-group__head">
            <Text className="badge">{S.modeLong[g.mode]}</Text>
            <Text className="muted">
              {g.mode === 'take_away'
                ? S.checkout.takeAwayTip
                : g.mode === 'pickup'
                  ? S.checkout.pickupTip
                  : ''}
            </Text>
          </View>
          {g.lines.map((l) => (
            <View className="co-line" key={l.skuId}>
              <View className="co-line__img">
                <Cover url={l.imageUrl} title={l.title} />
              </View>
              <View className="co-line__body">
                <Text className="ellipsis-2">{l.title}</Text>
                <Text className="muted">{specText(l.specs)}</Text>
                <View className="co-line__foot">
                  <Price fen={l.priceFen} size="sm" />
                  <Text className="muted">×{l.qty}</Text>
                </View>
              </View>
            </View>
          ))}
        </View>
      ))}
      <View className="card">
        <View className="row">
          <Text className="row__label">{S.checkout.goods}</Text>
          <Text>{yuan(q.goodsFen)}</Text>
        </View>
        <Picker
          mode="selector"
          range={[S.promo.noCoupon, ...c.coupons.map((x) => x.template.name)]}
          onChange={(e) => {
            const i = Number(e.detail.value);
            c.setCouponId(i > 0 ? c.coupons[i - 1].id : undefined);
          }}
        >
          <View className="row" data-testid="checkout-coupon">
            <Text className="row__label">{S.promo.useCoupon}</Text>
            <Text className="muted">
              {c.coupons.find((x) => x.id === c.couponId)?.template.name ?? S.promo.noCoupon} ›
            </Text>
          </View>
        </Picker>
        <View className="row" data-testid="checkout-points">
          <Text className="row__label">
            {c.pointsBalance ? S.promo.usePoints(c.points || c.pointsBalance) : S.promo.pointsNone}
          </Text>
          <Switch checked={c.points > 0} disabled={!c.pointsBalance} onChange={c.togglePoints} />
        </View>
        {q.groups
          .flatMap((g) => g.discounts)
          .map((d, i) => (
            <View className="row" key={i}>
              <Text className="row__label">{d.label}</Text>
              <Text className="co-red">-{yuan(d.amountFen)}</Text>
            </View>
          ))}
        {q.discountFen > 0 && (
          <View className="row">
            <Text className="row__label">{S.checkout.discount}</Text>
            <Text className="co-red">-{yuan(q.discountFen)}</Text>
          </View>
        )}
        {c.needsAddress && (
          <View className="row" data-testid="shipping-fee">
            <Text className="row__label">{S.checkout.shipping}</Text>
            <Text>{q.shippingFen > 0 ? yuan(q.shippingFen) : S.checkout.free}</Text>
          </View>
        )}
        <View className="row">
          <Text className="row__label">{S.checkout.remark}</Text>
          <Input
            className="co-remark"
            placeholder={S.checkout.remarkPlaceholder}
            value={c.remark}
            onInput={(e) => c.setRemark(e.detail.value)}
            maxlength={200}
          />
        </View>
      </View>
      <View className="bar__spacer" />
      <View className="bar">
        <View className="bar__sum">
          <Text>{S.checkout.payable}</Text>
          <View data-testid="payable">
            <Price fen={q.payableFen} size="lg" />
          </View>
        </View>
        <Btn
          className="btn btn--primary"
          data-testid="submit-order"
          loading={c.submitting}
          disabled={c.submitting || c.quote.status === 'loading'}
          onClick={c.submit}
        >
          {c.submitting ? S.checkout.submitting : S.checkout.submit}
        </Btn>
      </View>
    </View>
  );
}
