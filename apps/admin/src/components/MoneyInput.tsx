import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { fenToInput, toFen } from '../lib/format';

export interface MoneyInputProps {
  /** Integer fen (what the API takes); undefined while empty. */
  value?: number | null;
  onChange?: (fen: number | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
  status?: 'error' | 'warning';
}

/**
 * Yuan in the box, fen in the form: "12.5" → 1250. What the person types stays as typed
 * while it is not yet an amount (e.g. "12."); the form's validator sees `NaN` then and
 * shows its message, so a wrong amount is never sent.
 */
export function MoneyInput({ value, onChange, placeholder, disabled, id, status, ...rest }: MoneyInputProps) {
  const [text, setText] = useState(() => fenToInput(value));
  useEffect(() => {
    // An outside change (form reset, loaded record) replaces the text; our own echo does not.
    if (value === undefined || value === null) {
      if (text !== '' && toFen(text) !== null) setText('');
    } else if (Number.isSafeInteger(value) && toFen(text) !== value) setText(fenToInput(value));
    // NaN is our own "not an amount" echo: the text stays as typed.
  }, [value]);
  return (
    <Input
      id={id}
      aria-label={rest['aria-label']}
      prefix="¥"
      inputMode="decimal"
      value={text}
      disabled={disabled}
      status={status}
      placeholder={placeholder ?? '0.00'}
      onChange={(e) => {
        const next = e.target.value.replace(/[,，\s]/g, '');
        setText(next);
        if (next === '') onChange?.(undefined);
        else {
          const fen = toFen(next);
          onChange?.(fen === null || fen < 0 ? Number.NaN : fen);
        }
      }}
      onBlur={() => {
        const fen = toFen(text);
        if (fen !== null && fen >= 0) setText(fenToInput(fen));
      }}
    />
  );
}

/** antd Form rule: a non-negative amount (in fen) was entered. */
export const moneyRule = (msg = '请输入正确的金额（最多两位小数）', required = true) => ({
  validator: (_: unknown, v: number | undefined) => {
    if (v === undefined || v === null) return required ? Promise.reject(new Error(msg)) : Promise.resolve();
    return Number.isInteger(v) && v >= 0 ? Promise.resolve() : Promise.reject(new Error(msg));
  },
});
