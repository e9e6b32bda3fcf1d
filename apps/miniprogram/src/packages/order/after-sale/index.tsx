import { Btn } from '../../../components/btn';
import { Image, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { absoluteUrl, Cover } from '../../../components/cover';
import { ErrorView, Skeleton } from '../../../components/states';
import { api, authed, errorText, newIdempotencyKey } from '../../../services/api';
import { uploadImage } from '../../../services/upload';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { specText } from '../../../format';
import { S } from '../../../strings';
import './index.css';
import { askSubscribe } from '../../../services/subscribe';

type Kind = 'refund_only' | 'return_refund';

/** One line's after-sale: type, quantity, reason, up to nine photos (uploaded first), one key per tap. */
export default function AfterSalePage() {
  const { orderId, lineId } = useNavParams();
  const order = useRequest(
    () => authed(() => api.GET('/api/app/orders/{id}', { params: { path: { id: orderId! } } })),
    [orderId],
  );
  const line = order.data?.lines.find((l) => l.id === lineId);
  const shipped = order.data && ['SHIPPED', 'COMPLETED'].includes(order.data.status);
  const [type, setType] = useState<Kind | undefined>(undefined);
  const [qty, setQty] = useState(1);
  const [reasonIdx, setReasonIdx] = useState(0);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  if (order.status === 'error' && !order.data)
    return <ErrorView message={order.error} onRetry={order.reload} />;
  if (!order.data || !line) return <Skeleton rows={2} />;
  const kind: Kind = type ?? (shipped ? 'return_refund' : 'refund_only');
  const maxQty = line.qty - line.afterSaleQty;

  async function addPhotos() {
    try {
      const r = await Taro.chooseImage({
        count: 9 - photos.length,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      setBusy(true);
      Taro.showLoading({ title: S.afterSale.uploading });
      const urls: string[] = [];
      for (const p of r.tempFilePaths) urls.push(await uploadImage(p));
      setPhotos([...photos, ...urls].slice(0, 9));
    } catch (e) {
      if (!/cancel/.test((e as { errMsg?: string }).errMsg ?? ''))
        Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      Taro.hideLoading();
      setBusy(false);
    }
  }

  async function submit() {
    setBusy(true);
    void askSubscribe(['refundDone']); // from the tap, as WeChat requires: tell me when the refund lands

    try {
      const reason = [S.afterSale.reasons[reasonIdx], note.trim()].filter(Boolean).join('：');
      await authed(() =>
        api.POST('/api/app/after-sales', {
          params: { header: { 'Idempotency-Key': key.current } },
          body: { orderId: orderId!, lineId: lineId!, qty, type: kind, reason, photos },
        }),
      );
      Taro.showToast({ title: S.afterSale.submitted, icon: 'success' });
      setTimeout(() => Taro.redirectTo({ url: `/packages/order/detail/index?id=${orderId}` }), 800);
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none', duration: 2500 });
      key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="as">
      <View className="card as-line">
        <View className="as-line__img">
          <Cover url={line.imageUrl} title={line.title} />
        </View>
        <View className="as-line__body">
          <Text className="ellipsis-2">{line.title}</Text>
          <Text className="muted">
            {specText(line.specs)} ×{line.qty}
          </Text>
        </View>
      </View>
      <View className="card">
        <View className="row">
          <Text className="row__label">{S.afterSale.type}</Text>
          <View>
            {(['refund_only', 'return_refund'] as Kind[]).map((k) => (
              <Text
                key={k}
                className={`chip as-chip ${k === kind ? 'chip--active' : ''}`}
                onClick={() => setType(k)}
              >
                {S.afterSale.types[k]}
              </Text>
            ))}
          </View>
        </View>
        <View className="row">
          <Text className="row__label">{S.afterSale.qty}</Text>
          <View className="stepper">
            <Text className="stepper__btn" onClick={() => setQty(Math.max(1, qty - 1))}>
              −
            </Text>
            <Text className="stepper__num">{qty}</Text>
            <Text className="stepper__btn" onClick={() => setQty(Math.min(maxQty, qty + 1))}>
              ＋
            </Text>
          </View>
        </View>
        <Picker
          mode="selector"
          range={S.afterSale.reasons}
          value={reasonIdx}
          onChange={(e) => setReasonIdx(Number(e.detail.value))}
        >
          <View className="row">
            <Text className="row__label">{S.afterSale.reason}</Text>
            <Text>{S.afterSale.reasons[reasonIdx]} ›</Text>
          </View>
        </Picker>
        <Textarea
          className="as-note"
          placeholder="补充说明（选填）"
          value={note}
          maxlength={200}
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      <View className="card">
        <Text className="card__title">{S.afterSale.photos}</Text>
        <View className="as-photos">
          {photos.map((p) => (
            <Image
              key={p}
              className="as-photo"
              src={absoluteUrl(p)!}
              mode="aspectFill"
              data-testid="as-photo"
              onClick={() => setPhotos(photos.filter((x) => x !== p))}
            />
          ))}
          {photos.length < 9 && (
            <View className="as-photo as-photo--add" data-testid="add-photo" onClick={addPhotos}>
              <Text className="as-photo__plus">＋</Text>
              <Text className="muted">{S.afterSale.addPhoto}</Text>
            </View>
          )}
        </View>
      </View>
      <View className="bar__spacer" />
      <View className="bar">
        <Btn
          className="btn btn--primary as-submit"
          data-testid="submit-after-sale"
          disabled={busy}
          loading={busy}
          onClick={submit}
        >
          {S.afterSale.submit}
        </Btn>
      </View>
    </View>
  );
}
