import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { validateRows } from './sku-matrix';
import { SkuMatrix, type SkuMatrixValue } from './SkuMatrix';

jest.setTimeout(30_000);

let latest: SkuMatrixValue;
function Harness() {
  const [value, setValue] = useState<SkuMatrixValue>({
    dimensions: [],
    rows: [{ key: '', specs: {}, code: 'P-1' }],
  });
  latest = value;
  return <SkuMatrix value={value} onChange={setValue} codePrefix="P" errors={validateRows(value.rows)} />;
}

const addValue = (dim: number, text: string) => {
  const box = screen.getByRole('combobox', { name: `规格值（回车添加） ${dim}` });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
};

describe('SkuMatrix', () => {
  it('starts as one SKU without specs and grows one row per combination as values are added', () => {
    render(<Harness />);
    expect(screen.getByText('单一规格')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /添加规格/ }));
    fireEvent.change(screen.getByLabelText('规格名 1'), { target: { value: '颜色' } });
    addValue(1, '红');
    addValue(1, '蓝');
    fireEvent.click(screen.getByRole('button', { name: /添加规格/ }));
    fireEvent.change(screen.getByLabelText('规格名 2'), { target: { value: '尺码' } });
    addValue(2, 'L');
    expect(latest.rows.map((r) => r.specs)).toEqual([
      { 颜色: '红', 尺码: 'L' },
      { 颜色: '蓝', 尺码: 'L' },
    ]);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['颜色', '尺码', '价格']),
    );
  });

  it('takes prices in yuan per row, stores fen, and marks rows without a price', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: /添加规格/ }));
    fireEvent.change(screen.getByLabelText('规格名 1'), { target: { value: '容量' } });
    addValue(1, '500ml');
    addValue(1, '1L');
    fireEvent.change(screen.getByLabelText('价格 容量:500ml'), { target: { value: '1,499' } });
    fireEvent.change(screen.getByLabelText('库存 容量:500ml'), { target: { value: '12' } });
    expect(latest.rows[0]).toMatchObject({ priceFen: 149900, stock: 12, code: 'P-1' });
    // The 1L row has no price yet: its error shows next to it.
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['请填写正确的价格']);
    fireEvent.change(screen.getByLabelText('价格 容量:1L'), { target: { value: '2688.5' } });
    expect(latest.rows[1]).toMatchObject({ priceFen: 268850 });
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('removing a spec collapses the rows and keeps what fits', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: /添加规格/ }));
    fireEvent.change(screen.getByLabelText('规格名 1'), { target: { value: '容量' } });
    addValue(1, '500ml');
    fireEvent.change(screen.getByLabelText('价格 容量:500ml'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: /添加规格/ }));
    fireEvent.change(screen.getByLabelText('规格名 2'), { target: { value: '包装' } });
    addValue(2, '礼盒');
    expect(latest.rows.map((r) => r.key)).toEqual(['容量:500ml|包装:礼盒']);
    fireEvent.click(screen.getByLabelText('删除规格 2'));
    expect(latest.rows).toEqual([expect.objectContaining({ key: '容量:500ml', priceFen: 1000 })]);
  });
});
