import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Button, Form } from 'antd';
import { useState } from 'react';
import { yuan } from '../lib/format';
import { MoneyInput, moneyRule } from './MoneyInput';

function Harness({ initial }: { initial?: number }) {
  const [fen, setFen] = useState<number | undefined>(initial);
  return (
    <>
      <MoneyInput aria-label="金额" value={fen} onChange={setFen} />
      <output data-testid="fen">{String(fen)}</output>
      <button onClick={() => setFen(123456)}>外部设置</button>
    </>
  );
}

const input = () => screen.getByLabelText('金额') as HTMLInputElement;
const fen = () => screen.getByTestId('fen').textContent;
const type = (text: string) => fireEvent.change(input(), { target: { value: text } });

// antd's form validation is slow in jsdom on a busy machine.
jest.setTimeout(30_000);

describe('MoneyInput', () => {
  it('turns typed yuan into integer fen', () => {
    render(<Harness />);
    type('12.5');
    expect(fen()).toBe('1250');
    type('0.07');
    expect(fen()).toBe('7');
    type('1,234.56');
    expect(fen()).toBe('123456');
    type('');
    expect(fen()).toBe('undefined');
  });

  it('reports what is not an amount as NaN and keeps the text as typed', () => {
    render(<Harness />);
    for (const bad of ['12.345', 'abc', '-3', '1e3', '12.']) {
      type(bad);
      expect(fen()).toBe('NaN');
      expect(input().value).toBe(bad);
    }
  });

  it('shows a loaded or outside value in yuan, and tidies the text on blur', () => {
    render(<Harness initial={99} />);
    expect(input().value).toBe('0.99');
    fireEvent.click(screen.getByText('外部设置'));
    expect(input().value).toBe('1234.56');
    type('8.5');
    fireEvent.blur(input());
    expect(input().value).toBe('8.50');
    expect(fen()).toBe('850');
  });

  it('makes a form refuse a wrong amount before anything is sent', async () => {
    const onFinish = jest.fn();
    render(
      <Form onFinish={onFinish}>
        <Form.Item name="price" label="价格" rules={[moneyRule('金额格式不对')]}>
          <MoneyInput aria-label="金额" />
        </Form.Item>
        <Button htmlType="submit">提交</Button>
      </Form>,
    );
    type('12.345');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    });
    expect(await screen.findByText('金额格式不对')).toBeTruthy();
    expect(onFinish).not.toHaveBeenCalled();
    type('12.34');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    });
    await waitFor(() => expect(onFinish).toHaveBeenCalledWith({ price: 1234 }));
  });
});

describe('yuan', () => {
  it('formats fen as grouped yuan', () => {
    expect(yuan(123450)).toBe('¥1,234.50');
    expect(yuan(5)).toBe('¥0.05');
    expect(yuan(-123456789)).toBe('-¥1,234,567.89');
    expect(yuan(100000000)).toBe('¥1,000,000.00');
    expect(yuan(null)).toBe('—');
  });
});
