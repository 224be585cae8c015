/**
 * Danh sách công trình, sản phẩm gắn biển: a landscape list with the value column summed.
 * The works table is shared with the registration form.
 */
import { formatNumberVi } from '../../../../shared/vi-text/money';
import { countText, type OfficialDocument, type TableModel, type TableRow } from '../model';
import {
  headerOf, numberOf, recipientsOf, signatureOf,
  type IssuerInput, type RecipientsInput, type SignerInput,
} from './common';
import type { DateInput } from '../../../../shared/vi-text/dates';

export interface WorkItem {
  /** Tên công trình, sản phẩm. */
  name: string;
  /** Chủ đầu tư / đơn vị thực hiện. */
  owner: string;
  /** Giá trị in đồng, if known. */
  value?: number;
  /** "01/2024 - 8/2024". */
  period?: string;
  /** Dịp gắn biển: "Chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam". */
  occasion?: string;
  note?: string;
}

/**
 * The works table. `compact` (portrait pages, e.g. inside a registration) leaves out the note
 * column so the value column still holds "12.500.000.000" on one line.
 */
export function worksTable(works: WorkItem[], options: { withTotal?: boolean; compact?: boolean } = {}): TableModel {
  const { withTotal = true, compact = false } = options;
  const cellsOf = (w: WorkItem, i: number) => {
    const cells = [String(i + 1), w.name, w.owner, w.value === undefined ? '' : formatNumberVi(w.value), w.period ?? '', w.occasion ?? ''];
    return compact ? cells : [...cells, w.note ?? ''];
  };
  const rows: TableRow[] = works.map((w, i) => ({ kind: 'data', cells: cellsOf(w, i) }));
  if (withTotal) {
    const total = works.reduce((s, w) => s + (w.value ?? 0), 0);
    const cells = ['', `Tổng cộng: ${countText(works.length)} công trình, sản phẩm`, '', formatNumberVi(total), '', ''];
    rows.push({ kind: 'total', cells: compact ? cells : [...cells, ''] });
  }
  const columns: TableModel['columns'] = [
    { header: 'STT', weight: compact ? 7 : 5, align: 'center' },
    { header: 'Tên công trình, sản phẩm', weight: 26 },
    { header: 'Chủ đầu tư / đơn vị thực hiện', weight: compact ? 19 : 18 },
    { header: 'Giá trị (đồng)', weight: compact ? 18 : 13, align: 'right' },
    { header: 'Thời gian khởi công - hoàn thành', weight: compact ? 14 : 12, align: 'center' },
    { header: 'Dịp gắn biển', weight: compact ? 16 : 17 },
  ];
  if (!compact) columns.push({ header: 'Ghi chú', weight: 9 });
  return { columns, rows, fontSize: 12 };
}

export interface WorksListInput {
  issuer: IssuerInput;
  /** null for a draft; undefined when the list has no number of its own. */
  number?: number | null;
  date: DateInput;
  /** "Công trình, sản phẩm đề nghị gắn biển chào mừng …". */
  subject: string;
  works: WorkItem[];
  signer: SignerInput;
  recipients?: RecipientsInput;
}

export function composeWorksList(input: WorksListInput): OfficialDocument {
  return {
    header: headerOf(input.issuer),
    number: input.number === undefined ? undefined : numberOf(input.issuer, 'DS', input.number),
    placeDate: { place: input.issuer.place, date: input.date },
    kindName: 'DANH SÁCH',
    subject: input.subject,
    body: [{ type: 'table', table: worksTable(input.works) }],
    closingMark: false,
    signature: signatureOf(input.signer),
    recipients: input.recipients ? recipientsOf(input.recipients) : undefined,
    // A document that is one wide table may be landscape (ND30 Phần I, I.2).
    landscape: true,
  };
}
