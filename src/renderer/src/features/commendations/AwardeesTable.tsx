import { Button, Select, Table, Tag } from 'antd';
import { memo, useMemo } from 'react';
import { TARGET_LABELS, type AwardFormView, type MoneyComputation, type Target } from '@shared/schemas/commendations';
import { useRemoveWithUndo } from '../../lib/useRemoveWithUndo';
import { useDecisionDraft, type AwardeeRow } from './decisionDraft';
import { longListProps } from '../../lib/longList';
import { formsFor, money } from './shared';
import { rateKey } from './useMoneyPreview';

/**
 * The awardee list being drafted. Virtualized (only the rows on screen exist in the page), so 2,000
 * rows open and redraw an edit as fast as 20.
 */
export const AwardeesTable = memo(function AwardeesTable({ locked, forms, rates, date }: {
  locked: boolean;
  forms: AwardFormView[];
  rates: Record<string, MoneyComputation | undefined>;
  date: string;
}) {
  const rows = useDecisionDraft((s) => s.draft?.rows ?? EMPTY);
  const problems = useDecisionDraft((s) => s.problems);
  const edit = useDecisionDraft((s) => s.edit);
  const remove = useRemoveWithUndo(useDecisionDraft);
  const options = useMemo(
    () => ({ individual: formsFor(forms, 'individual').map((f) => ({ value: f.id, label: f.name })), collective: formsFor(forms, 'collective').map((f) => ({ value: f.id, label: f.name })) }) as Record<Target, { value: string; label: string }[]>,
    [forms],
  );
  const index = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);

  return (
    <Table<AwardeeRow>
      size="small"
      rowKey="key"
      {...longListProps(rows.length, 520, 1000)}
      pagination={false}
      dataSource={rows}
      data-testid="awardees-table"
      rowClassName={(r) => (problems[`rows.${index.get(r.key)}`] ? 'row-problem' : '')}
      locale={{ emptyText: 'Chưa có ai trong danh sách. Thêm từ các đề nghị đã được bình xét thông qua.' }}
      columns={[
        { title: 'TT', width: 56, render: (_: unknown, r) => (index.get(r.key) ?? 0) + 1 },
        { title: 'Đối tượng', dataIndex: 'target', width: 90, render: (t: Target) => TARGET_LABELS[t] },
        {
          title: 'Tên tập thể / Họ và tên',
          dataIndex: 'name',
          width: 260,
          render: (n: string, r) => (
            <>
              {n} {!r.nominationId && <Tag color="orange" title="Không qua đề nghị và bình xét của Hội đồng">ngoài đề nghị</Tag>}
            </>
          ),
        },
        { title: 'Chức vụ, đơn vị', dataIndex: 'positionUnit', width: 220 },
        {
          title: 'Hình thức',
          dataIndex: 'formId',
          width: 240,
          render: (fid: string, r) => (
            <Select
              aria-label={`Hình thức cho ${r.name}`}
              disabled={locked}
              value={fid}
              style={{ width: '100%' }}
              options={options[r.target]}
              onChange={(v) => edit((d) => void (d.rows[index.get(r.key)!].formId = v))}
            />
          ),
        },
        ...(locked
          ? []
          : [
              {
                title: 'Tiền (xem trước)',
                width: 140,
                align: 'right' as const,
                render: (_: unknown, r: AwardeeRow) => {
                  const k = rateKey(r.formId, r.target, date);
                  if (!(k in rates)) return '…';
                  return rates[k] ? money(rates[k]!.amount) : <span style={{ color: '#cf1322' }}>không tính được</span>;
                },
              },
              {
                title: '',
                width: 70,
                render: (_: unknown, r: AwardeeRow) => (
                  <Button size="small" danger aria-label={`Bỏ ${r.name}`} onClick={() => remove(r.name, (d) => void d.rows.splice(index.get(r.key)!, 1))}>
                    Bỏ
                  </Button>
                ),
              },
            ]),
      ]}
    />
  );
});

const EMPTY: AwardeeRow[] = [];
