import { Select } from 'antd';
import type { ImportPersonCandidate } from '@shared/schemas/registrations';

/** A person row of a sheet preview (registration or history import). */
export interface SheetPersonRow {
  row: number;
  action: string;
  candidates?: ImportPersonCandidate[];
  suggestedPersonId?: string | null;
}

/** Who a person row is: one of the people already here it may be ("Cùng người"), or a new person. */
export function PersonChoice({ row, value, onChange }: { row: SheetPersonRow; value: string | undefined; onChange: (v: string) => void }) {
  const candidates = row.candidates ?? [];
  if (row.action === 'error') return null;
  if (!candidates.length) return <span className="muted">Người mới (chưa có trong danh sách)</span>;
  const current = value ?? row.suggestedPersonId ?? 'new';
  const chosen = candidates.find((c) => c.id === current);
  return (
    <div data-testid={`person-choice-${row.row}`} style={{ width: 300 }}>
      <Select
        aria-label={`Cá nhân ở dòng ${row.row}`}
        size="small"
        style={{ width: 300 }}
        value={current}
        onChange={onChange}
        popupMatchSelectWidth={false}
        options={[
          ...candidates.map((c) => ({ value: c.id, label: `Cùng người: ${c.label}`, title: c.reason })),
          { value: 'new', label: 'Người mới (khác người đã có)' },
        ]}
      />
      <div className="muted" style={{ fontSize: 12, whiteSpace: 'normal' }}>
        {chosen ? chosen.reason : row.suggestedPersonId === null && value === undefined ? `Có ${candidates.length} người có thể trùng: hãy chọn` : `Có ${candidates.length} người có thể trùng`}
      </div>
    </div>
  );
}
