import { Btn } from '../../components/btn';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Cover } from '../../components/cover';
import { Price } from '../../components/price';
import { SkuSheet } from '../../components/sku-sheet';
import { ErrorView, Skeleton } from '../../components/states';
import { stockHint } from '../../format';
import { S } from '../../strings';
import type { Mode } from '../../services/checkout-draft';
import { skusFor, useScan, type ScanItem } from './use-scan';
import './index.css';

const MODE_ORDER: Mode[] = ['take_away', 'pickup', 'express'];

function goHome() {
  Taro.switchTab({ url: '/pages/index/index' });
}

function ItemRow(props: { item: ScanItem; onMode: (mode: Mode) => void }) {
  const { item } = props;
  const minPrice = Math.min(...item.skus.map((s) => s.priceFen));
  const cheapest = item.skus.find((s) => s.priceFen === minPrice);
  const storeStock = item.skus.reduce((n, s) => n + s.storeStock, 0);
  const platformStock = item.skus.reduce((n, s) => n + s.platformStock, 0);
  const hint = stockHint(
    item.modes.includes('take_away') || item.modes.includes('pickup') ? storeStock : platformStock,
  );
  const modes = MODE_ORDER.filter((m) => item.modes.includes(m));
  return (
    <View className={`scan-item ${hint?.soldOut ? 'scan-item--out' : ''}`} data-testid="scan-item">
      <View
        className="scan-item__img"
        onClick={() => Taro.navigateTo({ url: `/packages/goods/detail/index?id=${item.productId}` })}
      >
        <Cover url={item.coverUrl} title={item.title} dim={hint?.soldOut} />
      </View>
      <View className="scan-item__body">
        <Text className="scan-item__title ellipsis-2">{item.title}</Text>
        {item.subtitle && <Text className="scan-item__sub ellipsis">{item.subtitle}</Text>}
        <View className="scan-item__price">
          <Price fen={minPrice} originalFen={cheapest?.originalPriceFen} size="sm" />
          {hint && <Text className={hint.soldOut ? 'tag-soldout' : 'tag-low'}>{hint.text}</Text>}
        </View>
        <View className="scan-item__modes">
          {modes.map((m) => {
            const stock = m === 'express' ? platformStock : storeStock;
            return (
              <Btn
                key={m}
                className={`mode-btn ${m === 'take_away' ? 'mode-btn--main' : ''}`}
                disabled={stock <= 0}
                data-mode={m}
                onClick={() => props.onMode(m)}
              >
                {S.modes[m]}
              </Btn>
            );
          })}
        </View>
      </View>
    </View>
  );
}

export default function ScanPage() {
  const { code, result, sheet, setSheet, buy, addToCart, distance } = useScan();

  if (!code) {
    return <ErrorView title={S.appName} message={S.scan.noScene} onRetry={goHome} />;
  }
  if (result.status === 'error') {
    const known = result.code === 'SCAN_CODE_DISABLED' || result.code === 'SCAN_CODE_NOT_FOUND';
    return (
      <View className="scan-gone" data-testid="scan-error">
        <ErrorView
          title={
            result.code === 'SCAN_CODE_DISABLED'
              ? S.scan.disabledTitle
              : known
                ? S.scan.unknownTitle
                : S.common.loadFailed
          }
          message={
            result.code === 'SCAN_CODE_DISABLED'
              ? S.scan.disabledBody
              : known
                ? S.scan.unknownBody
                : result.error
          }
          onRetry={known ? undefined : result.reload}
        />
        {known && (
          <Btn className="btn btn--primary scan-gone__home" onClick={goHome}>
            {S.common.backHome}
          </Btn>
        )}
      </View>
    );
  }
  const data = result.data;
  if (!data) return <Skeleton rows={4} />;

  return (
    <View className="scan">
      <View className="scan-store" data-testid="scan-store">
        <Text className="scan-store__name">{data.store.name}</Text>
        <Text className="scan-store__meta">
          {S.scan.hours} {data.store.openingHours || '—'}
          {distance !== undefined ? ` · 距你 ${S.common.distance(distance)}` : ''}
        </Text>
        <Text className="scan-store__meta ellipsis">{data.store.address}</Text>
        <View className="scan-store__shelf">
          <Text className="badge scan-store__badge">{S.scan.shelf}</Text>
          <Text>{data.shelf.name}</Text>
        </View>
      </View>
      {data.items.length === 0 ? (
        <ErrorView message={S.scan.empty} onRetry={goHome} />
      ) : (
        <View className="scan-list">
          {data.items.map((item) => (
            <ItemRow key={item.slotId} item={item} onMode={(mode) => setSheet({ item, mode })} />
          ))}
        </View>
      )}
      {sheet && (
        <SkuSheet
          title={sheet.item.title}
          coverUrl={sheet.item.coverUrl}
          skus={skusFor(sheet.item, sheet.mode)}
          modeLabel={S.modeLong[sheet.mode]}
          stockLabel={sheet.mode === 'express' ? S.sku.platformStock : S.sku.storeStock}
          onConfirm={buy}
          onAddToCart={addToCart}
          onClose={() => setSheet(null)}
        />
      )}
    </View>
  );
}
