import { Btn } from '../../../components/btn';
import { Button, RichText, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cover } from '../../../components/cover';
import { Price } from '../../../components/price';
import { SkuSheet } from '../../../components/sku-sheet';
import { ErrorView, Skeleton } from '../../../components/states';
import { stockHint } from '../../../format';
import { S } from '../../../strings';
import { useDetail } from './use-detail';
import './index.css';

export default function GoodsDetailPage() {
  const d = useDetail();
  const p = d.product.data;
  if (d.product.status === 'error' && !p)
    return <ErrorView message={d.product.error} onRetry={d.product.reload} />;
  if (!p) return <Skeleton rows={2} />;
  const images = p.images.length ? p.images : [p.coverUrl];
  const totalStock = p.skus.reduce((n, s) => n + s.stock, 0);
  const hint = stockHint(totalStock);
  const original = p.skus.find((s) => s.priceFen === p.minPriceFen)?.originalPriceFen;
  return (
    <View className="goods">
      <Swiper className="goods__gallery" indicatorDots circular indicatorActiveColor="#E4393C">
        {images.map((url, i) => (
          <SwiperItem key={i}>
            <Cover url={url} title={p.title} />
          </SwiperItem>
        ))}
      </Swiper>
      <View className="card goods__head">
        <View className="goods__price">
          <Price fen={p.minPriceFen ?? 0} originalFen={original} size="lg" />
          <Text className="muted">{S.goods.soldCount(p.salesCount)}</Text>
        </View>
        <Text className="goods__title">{p.title}</Text>
        {p.subtitle && <Text className="muted">{p.subtitle}</Text>}
        {hint && <Text className={hint.soldOut ? 'tag-soldout' : 'tag-low'}>{hint.text}</Text>}
      </View>
      <View className="card">
        <View className="row">
          <Text className="row__label">{S.goods.modes}</Text>
          <View className="goods__modes">
            {d.modes.map((m) => (
              <Text
                key={m}
                className={`chip ${m === d.current ? 'chip--active' : ''}`}
                onClick={() => d.setMode(m)}
              >
                {S.modeLong[m]}
              </Text>
            ))}
            {p.fulfilmentModes.includes('take_away') && (
              <Text className="badge badge--gray">{S.modeLong.take_away}</Text>
            )}
          </View>
        </View>
      </View>
      {d.reseller && (
        <View
          className="card row"
          onClick={() => Taro.navigateTo({ url: `/pages/share/poster/index?productId=${p.id}` })}
        >
          <Text>{S.share.poster}</Text>
          <Text className="muted">›</Text>
        </View>
      )}
      {d.stores.data && (
        <View className="card">
          <Text className="card__title">{S.goods.storesWithStock}</Text>
          {d.stores.data.items.length === 0 && <Text className="muted">{S.goods.noStores}</Text>}
          {d.stores.data.items.map((s) => (
            <View className="row" key={s.id}>
              <Text className="ellipsis">{s.name}</Text>
              <Text className="muted">
                {S.stores.stock(s.stock)} · {S.common.distance(s.distanceM)}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className="card">
        <Text className="card__title">{S.goods.detail}</Text>
        {p.descriptionHtml ? (
          <RichText nodes={p.descriptionHtml} />
        ) : (
          <Text className="muted">{p.subtitle}</Text>
        )}
      </View>
      <View className="bar__spacer" />
      <View className="bar">
        <View className="goods__icon" onClick={() => Taro.switchTab({ url: '/pages/cart/index' })}>
          <Text className="goods__icon-glyph">购</Text>
          <Text>{S.goods.cart}</Text>
        </View>
        <Button className="goods__icon goods__share" openType="share">
          <Text className="goods__icon-glyph">享</Text>
          <Text>{S.goods.share}</Text>
        </Button>
        <Btn
          className="btn btn--ghost goods__btn"
          disabled={!d.current || totalStock <= 0}
          onClick={() => d.setSheet('cart')}
        >
          {S.sku.addToCart}
        </Btn>
        <Btn
          className="btn btn--primary goods__btn"
          disabled={!d.current || totalStock <= 0}
          onClick={() => d.setSheet('buy')}
        >
          {totalStock > 0 ? S.sku.buyNow : S.common.soldOut}
        </Btn>
      </View>
      {d.sheet && (
        <SkuSheet
          title={p.title}
          coverUrl={p.coverUrl}
          skus={d.skus}
          modeLabel={d.current ? S.modeLong[d.current] : undefined}
          stockLabel={S.common.stock}
          confirmText={d.sheet === 'cart' ? S.sku.addToCart : S.sku.buyNow}
          onConfirm={d.sheet === 'cart' ? d.addToCart : d.buy}
          onClose={() => d.setSheet(null)}
        />
      )}
    </View>
  );
}
