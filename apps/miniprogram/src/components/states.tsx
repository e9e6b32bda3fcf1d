import { Btn } from './btn';
import { Text, View } from '@tarojs/components';
import { S } from '../strings';
import './states.css';

/** Grey blocks where content will be: rows of cards, or a grid. */
export function Skeleton(props: { rows?: number; grid?: boolean }) {
  const n = props.rows ?? 4;
  return (
    <View className={`skeleton ${props.grid ? 'skeleton--grid' : ''}`} data-testid="skeleton">
      {Array.from({ length: n }, (_, i) => (
        <View key={i} className="skeleton__item">
          <View className="skeleton__img" />
          <View className="skeleton__lines">
            <View className="skeleton__line" />
            <View className="skeleton__line skeleton__line--short" />
          </View>
        </View>
      ))}
    </View>
  );
}

export function Empty(props: { text?: string; action?: string; onAction?: () => void; icon?: string }) {
  return (
    <View className="state">
      <Text className="state__icon">{props.icon ?? '空'}</Text>
      <Text className="state__text">{props.text ?? S.common.empty}</Text>
      {props.onAction && (
        <Btn className="state__btn" onClick={props.onAction}>
          {props.action ?? S.common.goShopping}
        </Btn>
      )}
    </View>
  );
}

export function ErrorView(props: { message: string; onRetry?: () => void; title?: string }) {
  return (
    <View className="state state--error">
      <Text className="state__icon state__icon--warn">!</Text>
      {props.title && <Text className="state__title">{props.title}</Text>}
      <Text className="state__text">{props.message}</Text>
      {props.onRetry && (
        <Btn className="state__btn" onClick={props.onRetry}>
          {S.common.retry}
        </Btn>
      )}
    </View>
  );
}
