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

export function worksTable(works: WorkItem[], withTotal = true): TableModel {
  const rows: TableRow[] = works.map((w, i) => ({
    kind: 'data',
    cells: [String(i + 1), w.name, w.owner, w.value === undefined ? '' : formatNumberVi(w.value), w.period ?? '', w.occasion ?? '', w.note ?? ''],
  }));
  if (withTotal) {
    const total = works.reduce((s, w) => s + (w.value ?? 0), 0);
    rows.push({ kind: 'total', cells: ['', `Tổng cộng: ${countText(works.length)} công trình, sản phẩm`, '', formatNumberVi(total), '', '', ''] });
  }
  return {
    columns: [
      { header: 'STT', weight: 5, align: 'center' },
      { header: 'Tên công trình, sản phẩm', weight: 26 },
      { header: 'Chủ đầu tư / đơn vị thực hiện', weight: 18 },
      { header: 'Giá trị (đồng)', weight: 13, align: 'right' },
      { header: 'Thời gian khởi công - hoàn thành', weight: 12, align: 'center' },
      { header: 'Dịp gắn biển', weight: 17 },
      { header: 'Ghi chú', weight: 9 },
    ],
    rows,
    fontSize: 12,
  };
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
