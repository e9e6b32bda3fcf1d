import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { api, apiBase, authed } from '../../../services/api';
import { useRequest } from '../../../hooks/use-request';
import { S } from '../../../strings';
import './index.css';

/** The member code shown at the till or for pickup: QR plus digits, refreshed before it expires. */
export default function MemberCodePage() {
  const code = useRequest(() => authed(() => api.GET('/api/app/me/member-code')), []);
  const timer = useRef<ReturnType<typeof setInterval>>();
  useDidShow(() => {
    Taro.setScreenBrightness({ value: 1 }).catch(() => undefined);
    timer.current = setInterval(() => void code.reload(), 50_000);
  });
  useDidHide(() => clearInterval(timer.current));
  const qrSrc = code.data ? `${apiBase()}/api/app/qr.png?text=${code.data.code}` : undefined;
  const digits = code.data?.code ?? '';
  return (
    <View className="mcode">
      <View className="mcode__card">
        <Text className="mcode__title">{S.mine.memberCode}</Text>
        {qrSrc ? <Image className="mcode__qr" src={qrSrc} /> : <View className="mcode__qr mcode__qr--ph" />}
        <Text className="mcode__digits" data-testid="member-code">
          {digits.replace(/(\d{4})(?=\d)/g, '$1 ')}
        </Text>
        <Text className="muted">{S.mine.memberCodeTip}</Text>
        <Text className="mcode__refresh" onClick={() => void code.reload()}>
          {S.mine.refreshCode}
        </Text>
      </View>
    </View>
  );
}
