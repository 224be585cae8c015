import { DatePicker, type DatePickerProps } from 'antd';
import { useState } from 'react';
import { DATE_FORMAT } from './dates';

/**
 * A dd/mm/yyyy date field for forms. Enter while the calendar is open only confirms the typed
 * date; Enter with the calendar closed submits the form like any other field.
 */
export function DateInput(props: DatePickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <DatePicker
      format={DATE_FORMAT}
      placeholder="dd/mm/yyyy"
      {...props}
      onOpenChange={(o) => {
        setOpen(o);
        props.onOpenChange?.(o);
      }}
      onKeyDown={(e, preventDefault) => {
        if (e.key === 'Enter' && open) e.preventDefault();
        props.onKeyDown?.(e, preventDefault);
      }}
    />
  );
}
