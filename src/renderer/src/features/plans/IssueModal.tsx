import { Alert, DatePicker, Form, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { PlanView } from '@shared/schemas/plans';
import type { RegisterYearView } from '@shared/schemas/register';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { DATE_FORMAT, dayjs, fromApiDate, toApiDate } from '../../lib/dates';
import { gapText } from '../register/gaps';

interface Values {
  date: Dayjs;
  mode: 'next' | 'chosen';
  number?: number;
}

/** "Cấp số và ban hành": the next number of the register for the date's year, or a chosen free one. */
export function IssueModal({ plan, open, onClose, onIssued, beforeIssue }: {
  plan: PlanView;
  open: boolean;
  onClose: () => void;
  onIssued: (p: PlanView) => void;
  beforeIssue: () => Promise<boolean>;
}) {
  const [form] = Form.useForm<Values>();
  const date = Form.useWatch('date', form);
  const mode = Form.useWatch('mode', form);
  const [register, setRegister] = useState<RegisterYearView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const year = date?.isValid() ? date.year() : null;

  useEffect(() => {
    if (!open || year === null) return;
    call('register.list', { year })
      .then(setRegister)
      .catch((e) => setError(toAppError(e)));
  }, [open, year]);

  const finish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (!(await beforeIssue())) throw new Error('Chưa lưu được bản nháp; hãy sửa lỗi rồi thử lại.');
      const issued = await call('plans.issue', { id: plan.id, date: toApiDate(v.date)!, number: v.mode === 'chosen' ? (v.number ?? null) : null });
      onIssued(issued);
      onClose();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="Cấp số và ban hành kế hoạch"
      okText="Cấp số và ban hành"
      cancelText="Hủy"
      onCancel={() => !busy && onClose()}
      okButtonProps={{ htmlType: 'submit', loading: busy }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={{ date: fromApiDate(plan.plannedDate) ?? dayjs(), mode: 'next' }} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">
        Số được lấy từ sổ văn bản đi của đơn vị theo năm của ngày ban hành; mỗi số chỉ cấp một lần. Sau khi ban hành, kế hoạch
        không sửa được nữa.
      </Typography.Paragraph>
      <Form.Item label="Ngày ban hành" name="date" rules={[{ required: true, message: 'Chọn ngày ban hành' }]}>
        <DatePicker format={DATE_FORMAT} aria-label="Ngày ban hành" allowClear={false} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="Số văn bản" name="mode">
        <Radio.Group>
          <Space orientation="vertical">
            <Radio value="next">Số tiếp theo trong sổ{register ? `: ${String(register.nextNumber).padStart(2, '0')}` : ''}</Radio>
            <Radio value="chosen">Chọn một số chưa dùng</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {mode === 'chosen' && (
        <Form.Item label="Số" name="number" rules={[{ required: true, message: 'Nhập số văn bản' }]}>
          <InputNumber aria-label="Số văn bản" min={1} max={99999} autoFocus />
        </Form.Item>
      )}
      {register && register.gaps.length > 0 && (
        <Alert type="info" showIcon title={`Các số chưa dùng trong năm ${register.year}: ${gapText(register.gaps)}`} />
      )}
    </Modal>
  );
}
