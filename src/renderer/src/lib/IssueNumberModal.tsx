import { Alert, App, Form, InputNumber, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { RegisterYearView } from '@shared/schemas/register';
import { call, toAppError } from '../api/client';
import { gapText } from '../features/register/gaps';
import { confirmNumber } from './confirmNumber';
import { DateInput, dateRule } from './DateInput';
import { dayjs, fromApiDate, toApiDate } from './dates';
import { FormModal } from './FormModal';

interface Values {
  date: Dayjs | null;
  mode: 'next' | 'chosen';
  number?: number | null;
}

export interface IssueNumberModalProps {
  open: boolean;
  title: string;
  /** KH, QĐ, TTr, BC… */
  kindAbbr: string;
  /** A công văn: its drafting unit for the ký hiệu ({issuer}-{unit}); '' = the issuer alone. */
  letterUnit?: string;
  /** What the number is for, in the confirmation: "Kế hoạch “…”". */
  what: string;
  defaultDate: string | null;
  /** The year the document was drafted for: a date in another year is pointed out. */
  draftYear?: number | null;
  note?: ReactNode;
  /** A công văn: its ký hiệu has no type ("05/LĐLĐ-VP"). */
  letter?: boolean;
  onClose: () => void;
  /** Takes exactly the confirmed number; throws with a Vietnamese message when refused. */
  onIssue: (date: string, number: number) => Promise<void>;
}

/**
 * "Cấp số và ban hành", the one way a number is taken: the date (Enter only confirms it), the next
 * number of that date's year or a chosen free one, then a confirmation naming number, ký hiệu, date
 * and year before anything is written.
 */
export function IssueNumberModal({ open, title, kindAbbr, letterUnit, what, defaultDate, draftYear, note, letter, onClose, onIssue }: IssueNumberModalProps) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const date = Form.useWatch('date', form);
  const mode = Form.useWatch('mode', form);
  const [register, setRegister] = useState<RegisterYearView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const year = date?.isValid() ? date.year() : null;

  useEffect(() => {
    if (!open || year === null) return;
    let live = true;
    call('register.list', { year }).then(
      (r) => live && (setRegister(r), setLoadError(null)),
      (e) => live && setLoadError(toAppError(e).message),
    );
    return () => void (live = false);
  }, [open, year]);

  const shown = register && register.year === year ? register : null;
  return (
    <FormModal<Values>
      open={open}
      title={title}
      okText="Cấp số và ban hành"
      form={form}
      initialValues={{ date: fromApiDate(defaultDate) ?? dayjs(), mode: 'next', number: null }}
      labels={{ date: 'Ngày ban hành', number: 'Số' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = toApiDate(v.date);
        if (!d) throw new Error('Ngày ban hành không hợp lệ.');
        const p = await confirmNumber(modal, { kindAbbr, date: d, number: v.mode === 'chosen' ? (v.number ?? null) : null, what, letter, letterUnit });
        if (!p) return false;
        await onIssue(d, p.number);
      }}
    >
      <Typography.Paragraph type="secondary">
        {note ?? 'Số được lấy từ sổ văn bản đi theo năm của ngày ban hành; mỗi số chỉ cấp một lần. Sau khi ban hành, văn bản bị khóa.'}
      </Typography.Paragraph>
      <Form.Item label="Ngày ban hành" name="date" rules={[{ required: true, message: 'Nhập ngày ban hành' }, dateRule]}>
        <DateInput aria-label="Ngày ban hành" style={{ width: 200 }} autoFocus />
      </Form.Item>
      {draftYear && year && draftYear !== year && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="issue-year-warning"
          title={`Văn bản soạn cho năm ${draftYear}, nhưng ngày ban hành thuộc năm ${year}: số sẽ lấy từ sổ năm ${year}.`}
        />
      )}
      <Form.Item label="Số văn bản" name="mode">
        <Radio.Group>
          <Space orientation="vertical">
            <Radio value="next">
              <span data-testid="issue-next-number">
                Số tiếp theo trong sổ năm {year ?? '…'}
                {shown ? `: ${String(shown.nextNumber).padStart(2, '0')}` : ''}
              </span>
            </Radio>
            <Radio value="chosen">Chọn một số chưa dùng</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {mode === 'chosen' && (
        <Form.Item label="Số" name="number" rules={[{ required: true, message: 'Nhập số văn bản' }]}>
          <InputNumber aria-label="Số văn bản" min={1} max={99999} />
        </Form.Item>
      )}
      {loadError && <Alert type="error" showIcon title={`Không đọc được sổ văn bản: ${loadError}`} />}
      {shown && shown.gaps.length > 0 && <Alert type="info" showIcon title={`Các số chưa dùng trong năm ${shown.year}: ${gapText(shown.gaps)}`} />}
    </FormModal>
  );
}
