import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Schemas } from '@cloudshelf/api-client';
import { S } from '../strings';
import { Cover } from './cover';
import { Price } from './price';
import './product-card.css';

/** A grid card: square image, two-line title, price, mode badges. Opens the product page. */
export function ProductCard(props: { product: Schemas['ProductSummaryDto'] }) {
  const p = props.product;
  return (
    <View
      className="pcard"
      data-testid="product-card"
      onClick={() => Taro.navigateTo({ url: `/packages/goods/detail/index?id=${p.id}` })}
    >
      <Cover url={p.coverUrl} title={p.title} />
      <View className="pcard__body">
        <Text className="pcard__title ellipsis-2">{p.title}</Text>
        <View className="pcard__modes">
          {p.fulfilmentModes.map((m) => (
            <Text key={m} className="badge">
              {S.modes[m]}
            </Text>
          ))}
        </View>
        <View className="pcard__foot">
          <Price fen={p.minPriceFen ?? 0} size="sm" />
          {p.salesCount > 0 && <Text className="muted">{S.goods.soldCount(p.salesCount)}</Text>}
        </View>
      </View>
    </View>
  );
}

export function ProductGrid(props: { products: Schemas['ProductSummaryDto'][] }) {
  return (
    <View className="grid">
      {props.products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </View>
  );
}
