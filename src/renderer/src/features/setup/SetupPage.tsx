import { Button, Card, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '@shared/errors';
import type { OrgLevel } from '@shared/schemas/organizations';
import { toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { applyServerErrors } from '../../lib/serverErrors';
import { useOffice } from '../../stores/office';
import { levelOptions } from '../organizations/orgOptions';
import { ORG_NAME_LABELS, OrgNameFields, orgNameInput, type OrgNameValues } from '../organizations/OrgNameFields';
import { SIGNER_LABELS, SignerFields, signerInput, type SignerValues } from '../../lib/SignerFields';
import { RestoreFromBackups } from '../restore/RestoreFromBackups';
import { DirectorySetup } from './DirectorySetup';

type SetupValues = OrgNameValues & SignerValues & { level: OrgLevel };

const LABELS: Record<keyof SetupValues, string> = { level: 'Cấp công đoàn', ...ORG_NAME_LABELS, ...SIGNER_LABELS };

/** First run: which union office this installation works for, and who signs its documents. */
export function SetupPage() {
  const [form] = Form.useForm<SetupValues>();
  const setup = useOffice((s) => s.setup);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const finish = async (v: SetupValues) => {
    setBusy(true);
    setError(null);
    try {
      await setup({ level: v.level, ...orgNameInput(v), ...signerInput(v) });
    } catch (e) {
      const err = toAppError(e);
      setError(err);
      applyServerErrors(form, err, LABELS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="center-page">
      <Card className="setup-card">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Thiết lập đơn vị sử dụng phần mềm
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Nhập thông tin của cơ quan công đoàn dùng phần mềm này. Các thông tin này được dùng cho phần đầu văn bản
          (dòng chủ quản, tên đơn vị, địa danh, số ký hiệu) và phần chữ ký. Có thể sửa lại sau trong mục Cài đặt.
        </Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form<SetupValues>
          form={form}
          layout="vertical"
          onFinish={finish}
          initialValues={{ level: 'province', signerAuthority: 'TM. BAN THƯỜNG VỤ', signerTitle: 'CHỦ TỊCH' }}
          aria-label="Thiết lập đơn vị sử dụng phần mềm"
        >
          <Form.Item label={LABELS.level} name="level" rules={[{ required: true, message: 'Chọn cấp công đoàn' }]}>
            <Select autoFocus options={levelOptions()} />
          </Form.Item>
          <OrgNameFields autoFocus={false} example="Bắc Kạn" />
          <Typography.Title level={5}>Người ký văn bản</Typography.Title>
          <SignerFields inRow />
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            Lưu và bắt đầu
          </Button>
        </Form>
      </Card>
      <DirectorySetup />
      <RestoreFromBackups firstRun onRestored={() => void useOffice.getState().load()} />
    </div>
  );
}
