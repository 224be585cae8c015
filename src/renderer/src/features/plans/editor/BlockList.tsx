import { Button, Input, Select, Space } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { memo, useRef } from 'react';
import type { ContentBlock, ContentMarker } from '@shared/schemas/plans';
import { nearLimit } from '../../../lib/limits';
import { useRemoveWithUndo } from '../../../lib/useRemoveWithUndo';
import { newKey } from '../keys';
import { blocksFromPaste } from '../paste';
import { PasteButton } from '../PasteButton';
import { usePlanDraft, type Editable } from '../planDraft';
import { FieldProblem, useProblem } from './FieldProblem';
import { moveItem } from './move';
import { RowActions } from './RowActions';

const EMPTY: ContentBlock[] = [];

const MARKERS: { value: ContentMarker; label: string }[] = [
  { value: '', label: 'Đoạn' },
  { value: '-', label: 'Ý “-”' },
  { value: '+', label: 'Ý “+”' },
];

/** Wraps the selection (or inserts at the caret) as an italic quoted slogan: *“…”*. */
export function wrapSlogan(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}*“${text.slice(start, end)}”*${text.slice(end)}`;
}

function BlockRow({ block, label, path, index, count, disabled, onText, onMarker, onMove, onRemove }: {
  block: ContentBlock;
  path: string;
  label: string;
  index: number;
  count: number;
  disabled: boolean;
  onText: (t: string) => void;
  onMarker: (m: ContentMarker) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const ref = useRef<TextAreaRef>(null);
  const problem = useProblem(`${path}.text`);
  const slogan = () => {
    const el = ref.current?.resizableTextArea?.textArea;
    if (!el) return;
    onText(wrapSlogan(block.text, el.selectionStart, el.selectionEnd));
  };
  return (
    <div className={`plan-block plan-block-${block.marker === '' ? 'p' : block.marker === '-' ? 'dash' : 'plus'}`}>
      <Select<ContentMarker>
        size="small"
        aria-label={`${label}: kiểu`}
        value={block.marker}
        options={MARKERS}
        onChange={onMarker}
        disabled={disabled}
        style={{ width: 84 }}
      />
      <Input.TextArea
        ref={ref}
        aria-label={label}
        value={block.text}
        autoSize={{ minRows: 1, maxRows: 12 }}
        status={problem ? 'error' : undefined}
        aria-invalid={!!problem}
        count={nearLimit(block.text, 8000)}
        onChange={(e) => onText(e.target.value)}
        disabled={disabled}
        placeholder={block.marker === '' ? 'Đoạn văn…' : 'Nội dung ý…'}
      />
      <Space size={4}>
        <Button size="small" title="In nghiêng khẩu hiệu: *“…”*" aria-label={`${label}: khẩu hiệu nghiêng`} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={slogan}>
          <i>“…”</i>
        </Button>
        <RowActions what={label} index={index} count={count} disabled={disabled} onMove={onMove} onRemove={onRemove} />
      </Space>
      <FieldProblem message={problem} />
    </div>
  );
}

/** Paragraphs, "-" bullets and "+" sub-bullets of one section or item. */
export const BlockList = memo(function BlockList({ label, path, get, disabled }: { label: string; path: string; get: (d: Editable) => ContentBlock[]; disabled: boolean }) {
  const blocks = usePlanDraft((s) => (s.draft ? get(s.draft) : EMPTY));
  const edit = usePlanDraft((s) => s.edit);
  const remove = useRemoveWithUndo(usePlanDraft);
  const add = (marker: ContentMarker) => edit((d) => void get(d).push({ key: newKey(), marker, text: '' }));
  const lastMarker = blocks.length ? blocks[blocks.length - 1].marker : '';
  return (
    <div className="plan-blocks">
      {blocks.map((b, i) => (
        <BlockRow
          key={b.key ?? i}
          block={b}
          label={`${label}, đoạn ${i + 1}`}
          path={`${path}.${i}`}
          index={i}
          count={blocks.length}
          disabled={disabled}
          onText={(t) => edit((d) => void (get(d)[i].text = t), `${path}.${i}.text`)}
          onMarker={(m) => edit((d) => void (get(d)[i].marker = m))}
          onMove={(to) => edit((d) => moveItem(get(d), i, to))}
          onRemove={() => remove(`${label}, đoạn ${i + 1}`, (d) => void get(d).splice(i, 1))}
        />
      ))}
      {!disabled && (
        <Space size={4} wrap>
          <Button size="small" onClick={() => add('')} aria-label={`${label}: thêm đoạn`}>
            + Đoạn
          </Button>
          <Button size="small" onClick={() => add('-')} aria-label={`${label}: thêm ý -`}>
            + Ý “-”
          </Button>
          <Button size="small" onClick={() => add('+')} disabled={lastMarker === ''} aria-label={`${label}: thêm ý +`}>
            + Ý “+”
          </Button>
          <PasteButton
            label={label}
            hint="Dán từ Word (Ctrl+V): chữ đậm, nghiêng, gạch chân được giữ; dòng bắt đầu bằng “-” là ý “-”, bằng “+” là ý “+”."
            onPaste={(text, html) => edit((d) => void get(d).push(...blocksFromPaste(text, html)))}
          />
        </Space>
      )}
    </div>
  );
});
