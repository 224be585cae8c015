import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { memo } from 'react';
import { ORG_LEVEL_LABELS, ORG_LEVEL_RANK, ORG_LEVELS } from '@shared/schemas/organizations';
import { itemWhere, roman, sectionWhere } from '@shared/plans/where';
import type { PlanItem } from '@shared/schemas/plans';
import { useOffice } from '../../../stores/office';
import { newKey } from '../keys';
import { usePlanDraft } from '../planDraft';
import { nearLimit } from '../../../lib/limits';
import { useRemoveWithUndo } from '../../../lib/useRemoveWithUndo';
import { BlockList } from './BlockList';
import { FieldProblem, useProblem } from './FieldProblem';
import { moveItem } from './move';
import { RowActions } from './RowActions';

/** A number the clerk typed at the start of an item ("1. ", "2) "), which the document numbers itself. */
const TYPED_NUMBER = /^\s*\d{1,2}\s*[.)]\s*/;

const emptyItem = (title = ''): PlanItem => ({ key: newKey(), title, text: '', content: [], role: '' });

/** Titles for "III. TỔ CHỨC THỰC HIỆN": this office, then each level below it. */
function levelTitles(officeName: string | undefined, officeLevel: keyof typeof ORG_LEVEL_RANK | undefined): string[] {
  const rank = officeLevel ? ORG_LEVEL_RANK[officeLevel] : -1;
  const below = ORG_LEVELS.filter((l) => ORG_LEVEL_RANK[l] > rank).map((l) => `Các ${ORG_LEVEL_LABELS[l].charAt(0).toLocaleLowerCase('vi')}${ORG_LEVEL_LABELS[l].slice(1)}`);
  return [...(officeName ? [officeName] : []), ...below];
}

const ItemEditor = memo(function ItemEditor({ si, ii, count, disabled, onRefillPhases }: { si: number; ii: number; count: number; disabled: boolean; onRefillPhases?: () => void }) {
  const item = usePlanDraft((s) => s.draft!.body.sections[si].items[ii]);
  const edit = usePlanDraft((s) => s.edit);
  const where = itemWhere(si, ii);
  const path = `body.sections.${si}.items.${ii}`;
  const titleProblem = useProblem(`${path}.title`);
  const textProblem = useProblem(`${path}.text`);
  const remove = useRemoveWithUndo(usePlanDraft);
  const set = (fn: (it: PlanItem) => void, field: string) => edit((d) => fn(d.body.sections[si].items[ii]), `${path}.${field}`);
  return (
    <div className="plan-item" data-testid={`item-${si + 1}-${ii + 1}`}>
      <div className="plan-item-head">
        <strong className="plan-label">{ii + 1}.</strong>
        <Input
          aria-label={`${where}: tiêu đề`}
          placeholder="Tiêu đề mục (in đậm), ví dụ: Nội dung — để trống nếu mục chỉ là một đoạn"
          value={item.title}
          disabled={disabled}
          status={titleProblem ? 'error' : undefined}
          aria-invalid={!!titleProblem}
          count={nearLimit(item.title, 500)}
          onChange={(e) => set((it) => void (it.title = e.target.value), 'title')}
          style={{ fontWeight: 600 }}
        />
        {item.role === 'phases' && <Tag color="blue">Các đợt thi đua</Tag>}
        <RowActions
          what={where}
          index={ii}
          count={count}
          disabled={disabled}
          onMove={(to) => edit((d) => moveItem(d.body.sections[si].items, ii, to))}
          onRemove={() => remove(`${where}`, (d) => void d.body.sections[si].items.splice(ii, 1))}
        />
      </div>
      <FieldProblem message={titleProblem} />
      {!item.title && (
        <Input.TextArea
          aria-label={`${where}: nội dung`}
          placeholder="Nội dung mục khi mục không có tiêu đề, ví dụ: Động viên … (số thứ tự do phần mềm đánh)"
          value={item.text}
          autoSize={{ minRows: 2, maxRows: 12 }}
          disabled={disabled}
          status={textProblem ? 'error' : undefined}
          aria-invalid={!!textProblem}
          count={nearLimit(item.text, 8000)}
          onChange={(e) => set((it) => void (it.text = e.target.value), 'text')}
        />
      )}
      <FieldProblem message={textProblem} />
      {TYPED_NUMBER.test(item.title || item.text) && !disabled && (
        <div className="field-hint" data-testid="typed-number">
          Số “{ii + 1}.” do phần mềm tự đánh; số gõ ở đầu sẽ in thành “{ii + 1}. {(item.title || item.text).trim().slice(0, 12)}…”.{' '}
          <Button size="small" type="link" onClick={() => set((it) => void (it.title ? (it.title = it.title.replace(TYPED_NUMBER, '')) : (it.text = it.text.replace(TYPED_NUMBER, ''))), 'number')}>
            Bỏ số gõ thừa
          </Button>
        </div>
      )}
      <BlockList label={where} path={`${path}.content`} get={(d) => d.body.sections[si].items[ii].content} disabled={disabled} />
      {item.role === 'phases' && onRefillPhases && !disabled && (
        <Button size="small" onClick={onRefillPhases} style={{ marginTop: 4 }}>
          Điền lại các đợt từ phong trào
        </Button>
      )}
    </div>
  );
});

export const SectionEditor = memo(function SectionEditor({ si, count, disabled, onRefillPhases }: { si: number; count: number; disabled: boolean; onRefillPhases?: () => void }) {
  const section = usePlanDraft((s) => s.draft!.body.sections[si]);
  const edit = usePlanDraft((s) => s.edit);
  const office = useOffice((s) => s.office);
  const label = sectionWhere(si);
  const titleProblem = useProblem(`body.sections.${si}.title`);
  const remove = useRemoveWithUndo(usePlanDraft);
  const isOrganisation = /TỔ CHỨC THỰC HIỆN/i.test(section.title);
  return (
    <Card
      size="small"
      className="plan-section"
      data-testid={`section-${si + 1}`}
      title={
        <div className="plan-item-head">
          <strong className="plan-label">{roman(si + 1)}.</strong>
          <Input
            aria-label={`${label}: tiêu đề`}
            value={section.title}
            disabled={disabled}
            placeholder="TIÊU ĐỀ PHẦN (CHỮ IN HOA)"
            status={titleProblem ? 'error' : undefined}
            onChange={(e) => edit((d) => void (d.body.sections[si].title = e.target.value.toLocaleUpperCase('vi')), `body.sections.${si}.title`)}
            style={{ fontWeight: 700 }}
          />
        </div>
      }
      extra={
        <RowActions
          what={label}
          index={si}
          count={count}
          disabled={disabled}
          onMove={(to) => edit((d) => moveItem(d.body.sections, si, to))}
          onRemove={() => remove(`${label} (${section.items.length} mục)`, (d) => void d.body.sections.splice(si, 1))}
        />
      }
    >
      <FieldProblem message={titleProblem} />
      <BlockList label={label} path={`body.sections.${si}.content`} get={(d) => d.body.sections[si].content} disabled={disabled} />
      {section.items.map((it, ii) => (
        <ItemEditor key={it.key ?? ii} si={si} ii={ii} count={section.items.length} disabled={disabled} onRefillPhases={onRefillPhases} />
      ))}
      {!disabled && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button onClick={() => edit((d) => void d.body.sections[si].items.push(emptyItem()))} aria-label={`${label}: thêm mục`}>
            + Mục {section.items.length + 1}.
          </Button>
          {isOrganisation && (
            <Select<string>
              placeholder="+ Trách nhiệm theo cấp…"
              aria-label={`${label}: thêm trách nhiệm theo cấp`}
              style={{ minWidth: 260 }}
              value={null as unknown as string}
              options={levelTitles(office?.name, office?.level).map((t) => ({ value: t, label: t }))}
              onChange={(t) => edit((d) => void d.body.sections[si].items.push({ ...emptyItem(t), content: [{ key: newKey(), marker: '-', text: '' }] }))}
            />
          )}
          <Typography.Text type="secondary">Mục có tiêu đề in đậm; “-” và “+” là các ý; *chữ* in nghiêng.</Typography.Text>
        </Space>
      )}
    </Card>
  );
});
