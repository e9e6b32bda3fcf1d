import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * A plain tappable block styled by our own classes (.btn …). Taro's <Button> carries WeChat's
 * native button look and, on H5, weui's, which fight the design tokens; <Button> stays only where
 * an open-type is needed (share, getPhoneNumber).
 */
export function Btn(props: {
  className?: string;
  disabled?: boolean;
  loading?: boolean;
  onClick?: () => void;
  children?: ReactNode;
  'data-testid'?: string;
  'data-mode'?: string;
}) {
  const off = props.disabled || props.loading;
  return (
    <View
      className={`${props.className ?? ''} ${off ? 'is-disabled' : ''}`}
      data-testid={props['data-testid']}
      data-mode={props['data-mode']}
      aria-disabled={off ? 'true' : undefined}
      onClick={() => {
        if (!off) props.onClick?.();
      }}
    >
      {props.children}
    </View>
  );
}
