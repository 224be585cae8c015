import { Button, Input } from 'antd';
import { memo } from 'react';
import { nearLimit } from '../../../lib/limits';
import { useRemoveWithUndo } from '../../../lib/useRemoveWithUndo';
import { usePlanDraft, type Editable } from '../planDraft';
import { FieldProblem } from './FieldProblem';
import { moveItem } from './move';
import { RowActions } from './RowActions';

const EMPTY: string[] = [];

/** The opening or closing paragraphs (plain strings). */
export const ParagraphList = memo(function ParagraphList({ label, path, get, disabled }: { label: string; path: string; get: (d: Editable) => string[]; disabled: boolean }) {
  const list = usePlanDraft((s) => (s.draft ? get(s.draft) : EMPTY));
  const problems = usePlanDraft((s) => s.problems);
  const edit = usePlanDraft((s) => s.edit);
  const remove = useRemoveWithUndo(usePlanDraft);
  return (
    <div className="plan-blocks">
      {list.map((t, i) => (
        <div className="plan-block plan-block-p" key={i}>
          <Input.TextArea
            aria-label={`${label} ${i + 1}`}
            value={t}
            autoSize={{ minRows: 2, maxRows: 12 }}
            disabled={disabled}
            status={problems[`${path}.${i}`] ? 'error' : undefined}
            aria-invalid={!!problems[`${path}.${i}`]}
            count={nearLimit(t, 8000)}
            onChange={(e) => edit((d) => void (get(d)[i] = e.target.value), `${path}.${i}`)}
          />
          <FieldProblem message={problems[`${path}.${i}`]} />
          <RowActions
            what={`${label.toLowerCase()} ${i + 1}`}
            index={i}
            count={list.length}
            disabled={disabled}
            onMove={(to) => edit((d) => moveItem(get(d), i, to))}
            onRemove={() => remove(`${label.toLowerCase()} ${i + 1}`, (d) => void get(d).splice(i, 1))}
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
