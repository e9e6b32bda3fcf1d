import { Text, View } from '@tarojs/components';
import { priceParts } from '../format';
import './price.css';

/** ¥ + large integer + small ".xx" in the brand colour; the original price struck through beside it. */
export function Price(props: { fen: number; originalFen?: number | null; size?: 'sm' | 'md' | 'lg' }) {
  const { int, dec } = priceParts(props.fen);
  const showOriginal =
    props.originalFen !== null && props.originalFen !== undefined && props.originalFen > props.fen;
  return (
    <View className={`price price--${props.size ?? 'md'}`}>
      <Text className="price__sign">¥</Text>
      <Text className="price__int">{int}</Text>
      <Text className="price__dec">.{dec}</Text>
      {showOriginal && (
        <Text className="price__original">
          ¥{priceParts(props.originalFen!).int}.{priceParts(props.originalFen!).dec}
        </Text>
      )}
    </View>
  );
}
