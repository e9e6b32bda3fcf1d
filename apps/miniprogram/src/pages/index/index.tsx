import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { absoluteUrl } from '../../components/cover';
import { ProductGrid } from '../../components/product-card';
import { Empty, ErrorView, Skeleton } from '../../components/states';
import { S } from '../../strings';
import { useHome } from './use-home';
import './index.css';

function openLink(link: string | null | undefined) {
  if (!link) return;
  if (
    link.startsWith('/pages/index') ||
    link.startsWith('/pages/category') ||
    link.startsWith('/pages/cart') ||
    link.startsWith('/pages/mine')
  ) {
    Taro.switchTab({ url: link });
  } else if (link.startsWith('/')) {
    Taro.navigateTo({ url: link });
  }
}

export default function HomePage() {
  const { home, categories, stores } = useHome();
  const h = home.data;
  return (
    <View className="home">
      <View className="home-search" onClick={() => Taro.navigateTo({ url: '/packages/goods/search/index' })}>
        <Text className="home-search__box">{S.home.search}</Text>
      </View>
      {home.status === 'error' && !h && <ErrorView message={home.error} onRetry={home.reload} />}
      {!h && home.status === 'loading' && <Skeleton grid rows={4} />}
      {h && (
        <>
          {h.banners.length > 0 && (
            <Swiper className="home-banner" autoplay circular indicatorDots indicatorActiveColor="#E4393C">
              {h.banners.map((b) => (
                <SwiperItem key={b.id} onClick={() => openLink(b.link)}>
                  <Image className="home-banner__img" src={absoluteUrl(b.imageUrl)!} mode="aspectFill" />
                </SwiperItem>
              ))}
            </Swiper>
          )}
          {h.notices.length > 0 && (
            <View className="home-notice">
              <Text className="badge">{S.home.notices}</Text>
              <Text className="ellipsis home-notice__text">{h.notices.map((n) => n.title).join('　')}</Text>
            </View>
          )}
          {categories.data && categories.data.items.length > 0 && (
            <View className="home-cats">
              {categories.data.items.slice(0, 10).map((c) => (
                <View
                  key={c.id}
                  className="home-cats__item"
                  onClick={() => Taro.switchTab({ url: '/pages/category/index' })}
                >
                  <View className="home-cats__icon">{c.name.slice(0, 1)}</View>
                  <Text className="home-cats__name">{c.name}</Text>
                </View>
              ))}
            </View>
          )}
          {stores.data && stores.data.items.length > 0 && (
            <View className="card">
              <Text className="card__title">{S.home.nearby}</Text>
              {stores.data.items.map((s) => (
                <View key={s.id} className="row">
                  <Text className="ellipsis">{s.name}</Text>
                  <Text className="muted">{S.common.distance(s.distanceM)}</Text>
                </View>
              ))}
            </View>
          )}
          {h.hot.length > 0 && (
            <>
              <View className="section-title">{S.home.hot}</View>
              <ProductGrid products={h.hot} />
            </>
          )}
          {h.fresh.length > 0 && (
            <>
              <View className="section-title">{S.home.fresh}</View>
              <ProductGrid products={h.fresh} />
            </>
          )}
          <View className="section-title">{S.home.recommended}</View>
          {h.recommended.length > 0 ? (
            <ProductGrid products={h.recommended} />
          ) : (
            <Empty text={S.common.empty} />
          )}
        </>
      )}
    </View>
  );
}
