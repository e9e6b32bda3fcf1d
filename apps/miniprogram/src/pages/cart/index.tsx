import { Btn } from '../../components/btn';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cover } from '../../components/cover';
import { Price } from '../../components/price';
import { Empty, ErrorView, Skeleton } from '../../components/states';
import { specText } from '../../format';
import { S } from '../../strings';
import { useCart } from './use-cart';
import './index.css';

export default function CartPage() {
  const c = useCart();
  if (c.cart.status === 'error' && !c.cart.data)
    return <ErrorView message={c.cart.error} onRetry={c.cart.reload} />;
  if (!c.cart.data) return <Skeleton rows={3} />;
  if (!c.items.length)
    return <Empty text={S.cart.empty} onAction={() => Taro.switchTab({ url: '/pages/index/index' })} />;
  return (
    <View className="cart">
      {c.mixed && <View className="cart__tip">{S.cart.mixedTip}</View>}
      {c.items.map((i) => (
        <View
          key={i.id}
          className={`card cart-item ${i.available ? '' : 'cart-item--off'}`}
          data-testid="cart-item"
        >
          <View
            className={`check ${i.available && !c.unchecked.has(i.id) ? 'check--on' : ''}`}
            onClick={() => i.available && c.toggle(i.id)}
          >
            ✓
          </View>
          <View className="cart-item__img">
            <Cover url={i.imageUrl} title={i.title ?? ''} dim={!i.available} />
          </View>
          <View className="cart-item__body">
            <Text className="ellipsis-2">{i.title}</Text>
            <View>
              <Text className="badge">{S.modes[i.mode]}</Text>
              <Text className="muted">{specText(i.specs as Record<string, string>)}</Text>
            </View>
            <View className="cart-item__foot">
              {i.available ? (
                <Price fen={i.priceFen ?? 0} size="sm" />
              ) : (
                <Text className="tag-soldout">{S.cart.unavailable}</Text>
              )}
              <View className="stepper">
                <Text
                  className="stepper__btn"
                  onClick={() => (i.qty > 1 ? c.setQty(i, i.qty - 1) : c.remove(i))}
                >
                  −
                </Text>
                <Text className="stepper__num">{i.qty}</Text>
                <Text className="stepper__btn" onClick={() => c.setQty(i, i.qty + 1)}>
                  ＋
                </Text>
              </View>
            </View>
          </View>
        </View>
      ))}
      <View className="bar__spacer" />
      <View className="bar">
        <View className="bar__sum">
          <Text>{S.cart.total}</Text>
          <Price fen={c.quote.data?.payableFen ?? 0} />
        </View>
        <Btn className="btn btn--primary" disabled={!c.chosen.length} onClick={c.settle}>
          {S.cart.settle(c.chosen.reduce((n, i) => n + i.qty, 0))}
        </Btn>
      </View>
    </View>
  );
}
