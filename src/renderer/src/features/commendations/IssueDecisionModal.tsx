import { Form, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { FormModal } from '../../lib/FormModal';
import { DateInput } from '../../lib/DateInput';
import { fromApiDate, toApiDate } from '../../lib/dates';

interface Values {
  date: Dayjs;
  number?: number | null;
}

/** "Cấp số và ban hành": the date (money is computed on it) and the next register number or a chosen free one. */
export function IssueDecisionModal(props: { open: boolean; title: string; kindAbbr: string; defaultDate: string; onClose: () => void; onIssue: (date: string, number: number | null) => Promise<void> }) {
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (props.open) form.setFieldsValue({ date: fromApiDate(props.defaultDate) ?? undefined, number: null });
  }, [props.open, props.defaultDate, form]);
  return (
    <FormModal<Values>
      open={props.open}
      title={props.title}
      okText="Cấp số và ban hành"
      form={form}
      labels={{ date: 'Ngày ban hành', number: 'Số' }}
      onClose={props.onClose}
      onSubmit={(v) => props.onIssue(toApiDate(v.date) ?? '', v.number ?? null)}
    >
      <Typography.Paragraph type="secondary">
        Số {props.kindAbbr} lấy từ sổ văn bản đi của năm ban hành. Sau khi ban hành, văn bản bị khóa; sai sót được sửa bằng văn bản đính chính.
      </Typography.Paragraph>
      <Form.Item label="Ngày ban hành" name="date" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DateInput />
      </Form.Item>
      <Form.Item label="Số (để trống: số tiếp theo)" name="number">
        <InputNumber min={1} max={99999} />
      </Form.Item>
    </FormModal>
  );
}
