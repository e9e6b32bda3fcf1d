import { Text, View } from '@tarojs/components';

/** A row of equal tabs (centres' lists). */
export function Tabs<K extends string>(props: {
  items: { key: K; label: string }[];
  value: K;
  onChange: (k: K) => void;
}) {
  return (
    <View className="ctabs">
      {props.items.map((t) => (
        <Text
          key={t.key}
          className={`ctabs__item ${t.key === props.value ? 'ctabs__item--on' : ''}`}
          data-testid={`tab-${t.key}`}
          onClick={() => props.onChange(t.key)}
        >
          {t.label}
        </Text>
      ))}
    </View>
  );
}

/** One figure with its label. */
export function Fig(props: { value: string; label: string; negative?: boolean; testId?: string }) {
  return (
    <View className="fig">
      <Text className={`fig__value ${props.negative ? 'fig__value--neg' : ''}`} data-testid={props.testId}>
        {props.value}
      </Text>
      <Text className="fig__label">{props.label}</Text>
    </View>
  );
}

/** A round icon entry of a centre's grid. */
export function Entry(props: { icon: string; label: string; onClick: () => void; testId?: string }) {
  return (
    <View className="entry" data-testid={props.testId} onClick={props.onClick}>
      <Text className="entry__icon">{props.icon}</Text>
      <Text className="entry__label">{props.label}</Text>
    </View>
  );
}
