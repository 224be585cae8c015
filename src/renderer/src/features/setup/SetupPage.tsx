import { Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '@shared/errors';
import type { OrgLevel } from '@shared/schemas/organizations';
import { toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { applyServerErrors } from '../../lib/serverErrors';
import { useOffice } from '../../stores/office';
import { levelOptions } from '../organizations/orgOptions';
import { RestoreFromBackups } from '../restore/RestoreFromBackups';
import { DirectorySetup } from './DirectorySetup';

interface SetupValues {
  level: OrgLevel;
  name: string;
  shortName?: string;
  abbreviation?: string;
  placeName?: string;
  parentLine?: string;
  signerAuthority?: string;
  signerTitle: string;
  signerName: string;
}

const LABELS: Record<keyof SetupValues, string> = {
  level: 'Cấp công đoàn',
  name: 'Tên đơn vị',
  shortName: 'Tên viết tắt',
  abbreviation: 'Chữ viết tắt trong số ký hiệu',
  placeName: 'Địa danh',
  parentLine: 'Dòng cơ quan chủ quản',
  signerAuthority: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
};

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
      await setup({
        level: v.level,
        name: v.name ?? '',
        shortName: v.shortName ?? '',
        abbreviation: v.abbreviation ?? '',
        placeName: v.placeName ?? '',
        parentLine: v.parentLine ?? '',
        signerAuthority: v.signerAuthority ?? '',
        signerTitle: v.signerTitle ?? '',
        signerName: v.signerName ?? '',
      });
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
          <Form.Item
            label={LABELS.name}
            name="name"
            rules={[{ required: true, whitespace: true, message: 'Tên đơn vị: không được để trống' }]}
          >
            <Input placeholder="Ví dụ: Liên đoàn Lao động tỉnh Bắc Kạn" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={LABELS.shortName} name="shortName">
                <Input placeholder="Ví dụ: LĐLĐ tỉnh Bắc Kạn" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={LABELS.abbreviation} name="abbreviation" extra="Ví dụ số ký hiệu: 12/KH-LĐLĐ">
                <Input placeholder="Ví dụ: LĐLĐ" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={LABELS.placeName} name="placeName" extra="Dùng ở dòng “…, ngày … tháng … năm …”">
                <Input placeholder="Ví dụ: Bắc Kạn" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={LABELS.parentLine} name="parentLine">
                <Input placeholder="Ví dụ: TỔNG LĐLĐ VIỆT NAM" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>Người ký văn bản</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={LABELS.signerAuthority} name="signerAuthority">
                <Input placeholder="Ví dụ: TM. BAN THƯỜNG VỤ" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={LABELS.signerTitle}
                name="signerTitle"
                rules={[{ required: true, whitespace: true, message: 'Chức vụ người ký: không được để trống' }]}
              >
                <Input placeholder="Ví dụ: CHỦ TỊCH" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={LABELS.signerName}
                name="signerName"
                rules={[{ required: true, whitespace: true, message: 'Họ tên người ký: không được để trống' }]}
              >
                <Input placeholder="Ví dụ: Nguyễn Văn An" />
              </Form.Item>
            </Col>
          </Row>
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
