import { Button, Calendar, Input, Popover, type InputRef } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { DATE_FORMAT, dayjs } from './dates';
import { parseTypedDate } from './parseTypedDate';

export interface DateInputProps {
  value?: Dayjs | null;
  /** A valid date, null when emptied, or an invalid Dayjs while the text is not a real date (see `dateRule`). */
  onChange?: (d: Dayjs | null) => void;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  autoFocus?: boolean;
}

const INVALID = () => dayjs('invalid');

/**
 * A dd/mm/yyyy field. The text the clerk typed is never thrown away: a date that does not exist
 * (32/13/2019, 30/02/1930) stays in the box with an error under it. Enter only confirms the date
 * (tidies "1/2/2019" to "01/02/2019"); it never submits the form, so it can never take a number.
 */
export function DateInput({ value, onChange, id, placeholder = 'dd/mm/yyyy', disabled, style, autoFocus, ...rest }: DateInputProps) {
  const [text, setText] = useState(() => (value?.isValid() ? value.format(DATE_FORMAT) : ''));
  const [error, setError] = useState<string | null>(null);
  const [calendar, setCalendar] = useState(false);
  const ref = useRef<InputRef>(null);
  // What we last told the form: an outside change (reset, another record) replaces the text, our own echo does not.
  const emitted = useRef<Dayjs | null | undefined>(value);

  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    if (value?.isValid()) {
      setText(value.format(DATE_FORMAT));
      setError(null);
    } else if (!value) {
      setText('');
      setError(null);
    }
  }, [value]);

  const emit = (d: Dayjs | null) => {
    emitted.current = d;
    onChange?.(d);
  };

  const check = (t: string, final: boolean) => {
    const r = parseTypedDate(t);
    if (r.kind === 'empty') {
      setError(null);
      emit(null);
    } else if (r.kind === 'ok') {
      setError(null);
      if (final) setText(r.date.format(DATE_FORMAT));
      emit(r.date);
    } else {
      // Partial typing is not an error yet; a finished wrong date is.
      if (final || r.kind === 'invalid') setError(r.message);
      else setError(null);
      emit(INVALID());
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      check(text, true);
    }
  };

  return (
    <span className="date-input" style={{ display: 'inline-block', ...style }}>
      <Input
        ref={ref}
        id={id}
        aria-label={rest['aria-label']}
        aria-invalid={error ? true : undefined}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        status={error ? 'error' : undefined}
        inputMode="numeric"
        maxLength={10}
        onChange={(e) => {
          setText(e.target.value);
          check(e.target.value, false);
        }}
        onBlur={() => check(text, true)}
        onKeyDown={onKeyDown}
        suffix={
          <Popover
            open={calendar && !disabled}
            onOpenChange={setCalendar}
            trigger="click"
            content={
              <div style={{ width: 280 }}>
                <Calendar
                  fullscreen={false}
                  value={value?.isValid() ? value : undefined}
                  onSelect={(d, info) => {
                    if (info.source !== 'date') return;
                    setText(d.format(DATE_FORMAT));
                    setError(null);
                    emit(d);
                    setCalendar(false);
                    ref.current?.focus();
                  }}
                />
              </div>
            }
          >
            <Button type="text" size="small" tabIndex={-1} disabled={disabled} aria-label="Chọn ngày trên lịch" style={{ height: 20, padding: '0 4px' }}>
              ▾
            </Button>
          </Popover>
        }
      />
      {error && (
        <div className="date-input-error" role="alert" style={{ color: '#ff4d4f', fontSize: 13 }}>
          {error}
        </div>
      )}
    </span>
  );
}

/** Form rule for a DateInput: a typed date that does not exist blocks the submit (the text stays for fixing). */
export const dateRule: Rule = {
  validator: (_, v: Dayjs | null | undefined) => (v && !v.isValid() ? Promise.reject(new Error('Ngày không hợp lệ (dd/mm/yyyy)')) : Promise.resolve()),
};
