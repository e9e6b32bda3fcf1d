import { clampQty, initialChoice, matchSku, specGroups, valueAvailable, type PickSku } from './sku-select';

const skus: PickSku[] = [
  { id: 'a', specs: { 容量: '500ml', 包装: '单瓶' }, priceFen: 100, stock: 0 },
  { id: 'b', specs: { 容量: '500ml', 包装: '礼盒' }, priceFen: 200, stock: 3 },
  { id: 'c', specs: { 容量: '1L', 包装: '单瓶' }, priceFen: 300, stock: 9 },
];

describe('SKU picker', () => {
  it('groups spec values by dimension in first-seen order', () => {
    expect(specGroups(skus)).toEqual([
      { name: '容量', values: ['500ml', '1L'] },
      { name: '包装', values: ['单瓶', '礼盒'] },
    ]);
  });

  it('preselects the first SKU in stock and matches only a full selection', () => {
    expect(initialChoice(skus)).toEqual({ 容量: '500ml', 包装: '礼盒' });
    expect(matchSku(skus, { 容量: '1L', 包装: '单瓶' })?.id).toBe('c');
    expect(matchSku(skus, { 容量: '1L' })).toBeUndefined();
    expect(matchSku([skus[1]], {})?.id).toBe('b');
  });

  it('greys out values that only sold-out SKUs have with the rest of the choice', () => {
    expect(valueAvailable(skus, { 容量: '500ml', 包装: '礼盒' }, '包装', '单瓶')).toBe(false);
    expect(valueAvailable(skus, { 容量: '1L', 包装: '单瓶' }, '包装', '单瓶')).toBe(true);
  });

  it('keeps the quantity between 1 and the stock', () => {
    expect(clampQty(0, 5)).toBe(1);
    expect(clampQty(9, 5)).toBe(5);
    expect(clampQty(3, 0)).toBe(1);
    expect(clampQty(5000, 5000)).toBe(999);
  });
});
