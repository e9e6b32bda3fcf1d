import { buildRows, dimensionsOf, validateRows, type SkuRow } from './sku-matrix';

describe('SKU matrix rows', () => {
  it('makes one row per combination of the spec values, in order', () => {
    const rows = buildRows(
      [
        { name: '颜色', values: ['红', '蓝'] },
        { name: '容量', values: ['500ml', '1L'] },
      ],
      [],
      'P1',
    );
    expect(rows.map((r) => r.specs)).toEqual([
      { 颜色: '红', 容量: '500ml' },
      { 颜色: '红', 容量: '1L' },
      { 颜色: '蓝', 容量: '500ml' },
      { 颜色: '蓝', 容量: '1L' },
    ]);
    expect(rows.map((r) => r.code)).toEqual(['P1-1', 'P1-2', 'P1-3', 'P1-4']);
  });

  it('is one row without specs; blank names, blank and repeated values do not count', () => {
    expect(buildRows([], [], 'P').map((r) => [r.key, r.specs])).toEqual([['', {}]]);
    const rows = buildRows(
      [
        { name: ' 容量 ', values: ['500ml', ' ', '500ml'] },
        { name: '', values: ['x'] },
        { name: '容量', values: ['1L'] },
      ],
      [],
      'P',
    );
    expect(rows.map((r) => r.specs)).toEqual([{ 容量: '500ml' }]);
  });

  it('keeps what was typed in rows whose combination survives; a new row gets a free code', () => {
    const first = buildRows([{ name: '容量', values: ['500ml', '1L'] }], [], 'P');
    const typed: SkuRow[] = first.map((r, i) => ({ ...r, priceFen: 1000 * (i + 1), stock: 5 }));
    typed[1] = { ...typed[1], id: 'sku-1L', code: 'MY-CODE' };
    const next = buildRows([{ name: '容量', values: ['1L', '2L'] }], typed, 'P');
    expect(next).toEqual([
      expect.objectContaining({ key: '容量:1L', id: 'sku-1L', code: 'MY-CODE', priceFen: 2000, stock: 5 }),
      // Nothing typed yet; P-1 belonged to the unsaved 500ml row that is gone, so it is free again.
      { key: '容量:2L', specs: { 容量: '2L' }, code: 'P-1' },
    ]);
  });

  it('never gives a new row the code of a saved SKU, even one being removed', () => {
    const saved: SkuRow[] = [
      { key: '容量:500ml', specs: { 容量: '500ml' }, code: 'P-1', id: 'sku-1', priceFen: 1 },
    ];
    const next = buildRows(
      [
        { name: '颜色', values: ['红'] },
        { name: '尺码', values: ['L'] },
      ],
      saved,
      'P',
    );
    expect(next.map((r) => r.code)).toEqual(['P-2']);
  });

  it('carries a row over when a spec is added or removed', () => {
    const one: SkuRow[] = [{ key: '', specs: {}, code: 'P-1', priceFen: 990, id: 'sku-1' }];
    const added = buildRows([{ name: '容量', values: ['500ml', '1L'] }], one, 'P');
    expect(added).toEqual([
      { key: '容量:500ml', specs: { 容量: '500ml' }, code: 'P-1', priceFen: 990, id: 'sku-1' },
      { key: '容量:1L', specs: { 容量: '1L' }, code: 'P-2' },
    ]);
    const removed = buildRows([], added, 'P');
    expect(removed).toEqual([{ key: '', specs: {}, code: 'P-1', priceFen: 990, id: 'sku-1' }]);
  });

  it('recovers the dimensions of existing SKUs', () => {
    expect(
      dimensionsOf([
        { specs: { 颜色: '红', 尺码: 'L' } },
        { specs: { 颜色: '蓝', 尺码: 'L' } },
        { specs: { 颜色: '红', 尺码: 'M' } },
      ]),
    ).toEqual([
      { name: '颜色', values: ['红', '蓝'] },
      { name: '尺码', values: ['L', 'M'] },
    ]);
  });

  it('flags rows without a price, with a bad or repeated code, or a fractional stock', () => {
    const rows: SkuRow[] = [
      { key: 'a', specs: {}, code: 'A-1', priceFen: 100 },
      { key: 'b', specs: {}, code: 'A-2' },
      { key: 'c', specs: {}, code: 'A 3', priceFen: 1 },
      { key: 'd', specs: {}, code: 'A-1', priceFen: 1 },
      { key: 'e', specs: {}, code: 'A-5', priceFen: Number.NaN },
      { key: 'f', specs: {}, code: 'A-6', priceFen: 1, stock: 1.5 },
      { key: 'g', specs: {}, code: 'A-7', priceFen: 0, originalPriceFen: 200 },
    ];
    expect(validateRows(rows)).toEqual({
      a: '编码重复',
      b: '请填写正确的价格',
      c: '编码只能包含字母、数字、- 和 _',
      d: '编码重复',
      e: '请填写正确的价格',
      f: '库存须为非负整数',
    });
  });
});
