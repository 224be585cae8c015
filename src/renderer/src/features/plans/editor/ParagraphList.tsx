import { Button, Input } from 'antd';
import { memo } from 'react';
import { usePlanDraft, type Editable } from '../planDraft';
import { moveItem } from './move';
import { RowActions } from './RowActions';

const EMPTY: string[] = [];

/** The opening or closing paragraphs (plain strings). */
export const ParagraphList = memo(function ParagraphList({ label, get, disabled }: { label: string; get: (d: Editable) => string[]; disabled: boolean }) {
  const list = usePlanDraft((s) => (s.draft ? get(s.draft) : EMPTY));
  const edit = usePlanDraft((s) => s.edit);
  return (
    <div className="plan-blocks">
      {list.map((t, i) => (
        <div className="plan-block plan-block-p" key={i}>
          <Input.TextArea
            aria-label={`${label} ${i + 1}`}
            value={t}
            autoSize={{ minRows: 2, maxRows: 12 }}
            disabled={disabled}
            onChange={(e) => edit((d) => void (get(d)[i] = e.target.value))}
          />
          <RowActions
            what={`${label.toLowerCase()} ${i + 1}`}
            index={i}
            count={list.length}
            disabled={disabled}
            onMove={(to) => edit((d) => moveItem(get(d), i, to))}
            onRemove={() => edit((d) => void get(d).splice(i, 1))}
          />
        </div>
      ))}
      {!disabled && (
        <Button size="small" onClick={() => edit((d) => void get(d).push(''))} aria-label={`${label}: thêm đoạn`}>
          + Đoạn
        </Button>
      )}
    </div>
  );
});
