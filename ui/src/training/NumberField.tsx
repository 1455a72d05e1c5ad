import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { parseNumber } from '../measurements';

const upToTwo = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false });

/**
 * A compact number box that keeps what is typed ("62." or "62,5") while the value it reports
 * is a number, or null when empty. A new value from outside (undo, generate, unit change)
 * replaces the text; the echo of what was just typed does not.
 */
export function NumberField({
  value,
  onChange,
  decimals = false,
  format = (n) => upToTwo.format(n),
  testId,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & {
  value: number | null;
  onChange: (value: number | null) => void;
  decimals?: boolean;
  format?: (value: number) => string;
  testId: string;
}) {
  const show = (v: number | null) => (v === null ? '' : format(v));
  const [text, setText] = useState(() => show(value));
  const sent = useRef(value);

  useEffect(() => {
    if (show(value) !== show(sent.current)) setText(show(value));
    sent.current = value;
    // Only a changed value matters; `show` is rebuilt every render.
  }, [value]);

  const change = (raw: string) => {
    const typed = raw.replace(decimals ? /[^\d.,]/g : /\D/g, '');
    setText(typed);
    const parsed = typed.trim() === '' ? null : parseNumber(typed);
    if (typed.trim() !== '' && parsed === null) return; // "1.2.3": wait for a number
    sent.current = parsed;
    onChange(parsed);
  };

  return (
    <TextInput
      size="xs"
      inputMode={decimals ? 'decimal' : 'numeric'}
      autoComplete="off"
      value={text}
      onChange={(e) => change(e.currentTarget.value)}
      data-testid={testId}
      {...rest}
    />
  );
}
