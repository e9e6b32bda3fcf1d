import { parseYuan } from '@cloudshelf/money';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Btn } from '../../../components/btn';
import { Empty, Skeleton } from '../../../components/states';
import { specText } from '../../../format';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { api, authed, errorText, newIdempotencyKey } from '../../../services/api';
import { S } from '../../../strings';
import '../../../centres/centre.css';

const T = S.centres.store;

/** A till sale for a member: scan their member code, choose what they bought, what they paid. */
export default function TillSalePage() {
  const { storeId = '' } = useNavParams();
  const stock = useRequest(
    () =>
      authed(() =>
        api.GET('/api/app/my-stores/{id}/stock', {
          params: { path: { id: storeId }, query: { pageSize: 100 } },
        }),
      ),
    [storeId],
  );
  const [memberCode, setMemberCode] = useState('');
  const [skuId, setSkuId] = useState<string>();
  const [qty, setQty] = useState('1');
  const [paid, setPaid] = useState('');
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  async function scan() {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true });
      setMemberCode(r.result.replace(/\D/g, ''));
    } catch {
      // cancelled: type the digits instead
    }
  }

  async function record() {
    let amountFen = 0;
    try {
      amountFen = parseYuan(paid.trim());
    } catch {
      amountFen = 0;
    }
    const n = Number(qty);
    if (!skuId || !Number.isInteger(n) || n < 1 || amountFen <= 0) {
      Taro.showToast({ title: S.centres.wallet.badAmount, icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await authed(() =>
        api.POST('/api/app/stores/{storeId}/offline-sales', {
          params: { path: { storeId }, header: { 'Idempotency-Key': key } },
          body: { memberCode: memberCode.replace(/\s/g, ''), items: [{ skuId, qty: n }], amountFen },
        }),
      );
      Taro.showToast({ title: T.recorded, icon: 'success' });
      setKey(newIdempotencyKey());
      setMemberCode('');
      setPaid('');
      setQty('1');
      await stock.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="centre" data-testid="till">
      <View className="card">
        <View className="field">
          <Text className="field__label">{T.memberCode}</Text>
          <Input
            className="field__input"
            type="number"
            maxlength={24}
            value={memberCode}
            placeholder={T.memberPlaceholder}
            data-testid="till-member"
            onInput={(e) => setMemberCode(e.detail.value)}
          />
          <Text className="field__act" onClick={() => void scan()}>
            {T.scan}
          </Text>
        </View>
        <View className="field">
          <Text className="field__label">{T.qty}</Text>
          <Input
            className="field__input"
            type="number"
            value={qty}
            data-testid="till-qty"
            onInput={(e) => setQty(e.detail.value)}
          />
        </View>
        <View className="field">
          <Text className="field__label">{T.paid}</Text>
          <Input
            className="field__input"
            type="digit"
            value={paid}
            data-testid="till-paid"
            onInput={(e) => setPaid(e.detail.value)}
          />
        </View>
      </View>
      <View className="card">
        <Text className="card__title">{T.choose}</Text>
        {stock.status === 'loading' && !stock.data ? (
          <Skeleton rows={2} />
        ) : !stock.data?.items.length ? (
          <Empty text={T.noStock} />
        ) : (
          <View className="chips">
            {stock.data.items.map((s) => (
              <Text
                key={s.skuId}
                className={`chip ${s.skuId === skuId ? 'chip--on' : ''}`}
                data-testid="till-sku"
                onClick={() => setSkuId(s.skuId)}
              >
                {s.title ?? s.skuId.slice(0, 8)} {specText(s.specs)} · {S.common.stock(s.qty)}
              </Text>
            ))}
          </View>
        )}
        <Btn
          className="btn btn--primary centre-btn"
          loading={busy}
          disabled={!skuId || !memberCode}
          data-testid="till-submit"
          onClick={() => void record()}
        >
          {T.record}
        </Btn>
      </View>
    </View>
  );
}
