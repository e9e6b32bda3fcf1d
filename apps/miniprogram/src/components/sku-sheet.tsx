import { Btn } from './btn';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { specText } from '../format';
import { S } from '../strings';
import { Cover } from './cover';
import { Price } from './price';
import { clampQty, initialChoice, matchSku, specGroups, valueAvailable, type PickSku } from './sku-select';
import './sku-sheet.css';

export interface SkuSheetProps {
  title: string;
  coverUrl?: string | null;
  skus: PickSku[];
  /** e.g. "拎走" / "门店自提": shown on the sheet so the shopper knows what they are buying. */
  modeLabel?: string;
  stockLabel: (n: number) => string;
  confirmText?: string;
  onConfirm: (sku: PickSku, qty: number) => void;
  onAddToCart?: (sku: PickSku, qty: number) => void;
  onClose: () => void;
}

/** The bottom sheet: choose the spec and the quantity, then one button. */
export function SkuSheet(props: SkuSheetProps) {
  const [chosen, setChosen] = useState<Record<string, string>>(() => initialChoice(props.skus));
  const [qty, setQty] = useState(1);
  const groups = specGroups(props.skus);
  const sku = matchSku(props.skus, chosen);
  const stock = sku?.stock ?? 0;
  const canBuy = !!sku && stock > 0;

  return (
    <View className="sheet-mask" onClick={props.onClose}>
      <View className="sheet" onClick={(e) => e.stopPropagation()} data-testid="sku-sheet">
        <View className="sheet__head">
          <Cover url={props.coverUrl} title={props.title} className="sheet__cover" />
          <View className="sheet__info">
            <Price
              fen={sku?.priceFen ?? props.skus[0]?.priceFen ?? 0}
              originalFen={sku?.originalPriceFen}
              size="lg"
            />
            <Text className="sheet__stock">
              {sku ? (stock > 0 ? props.stockLabel(stock) : S.common.soldOut) : S.sku.chooseSpec}
            </Text>
            <Text className="sheet__spec">
              {props.modeLabel ? `${props.modeLabel} · ` : ''}
              {sku ? specText(sku.specs) : S.sku.chooseSpec}
            </Text>
          </View>
          <Text className="sheet__close" onClick={props.onClose}>
            ×
          </Text>
        </View>
        {groups.map((g) => (
          <View key={g.name} className="sheet__group">
            <Text className="sheet__label">{g.name}</Text>
            <View className="sheet__chips">
              {g.values.map((v) => {
                const active = chosen[g.name] === v;
                const ok = valueAvailable(props.skus, chosen, g.name, v);
                return (
                  <Text
                    key={v}
                    className={`chip ${active ? 'chip--active' : ''} ${ok ? '' : 'chip--off'}`}
                    onClick={() => setChosen({ ...chosen, [g.name]: v })}
                  >
                    {v}
                  </Text>
                );
              })}
            </View>
          </View>
        ))}
        <View className="sheet__qty">
          <Text className="sheet__label">{S.sku.qty}</Text>
          <View className="stepper">
            <Text className="stepper__btn" onClick={() => setQty(clampQty(qty - 1, stock))}>
              −
            </Text>
            <Text className="stepper__num" data-testid="qty">
              {qty}
            </Text>
            <Text className="stepper__btn" onClick={() => setQty(clampQty(qty + 1, stock))}>
              ＋
            </Text>
          </View>
        </View>
        <View className="sheet__actions">
          {props.onAddToCart && (
            <Btn
              className="btn btn--ghost"
              disabled={!canBuy}
              onClick={() => sku && props.onAddToCart!(sku, clampQty(qty, stock))}
            >
              {S.sku.addToCart}
            </Btn>
          )}
          <Btn
            className="btn btn--primary"
            disabled={!canBuy}
            onClick={() => sku && props.onConfirm(sku, clampQty(qty, stock))}
          >
            {canBuy ? (props.confirmText ?? S.sku.buyNow) : S.common.soldOut}
          </Btn>
        </View>
      </View>
    </View>
  );
}
