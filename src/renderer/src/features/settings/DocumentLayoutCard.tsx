import { App as AntApp, Button, Card, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import { DEFAULT_DOCUMENT_LAYOUT_SETTINGS, documentLayoutSettings, type LayoutRangeKey } from '@shared/schemas/settings';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { applyServerErrors } from '../../lib/serverErrors';
import { FIELD_LABELS, LETTER_LABELS, fieldErrors, fromForm, rangeLabel, toForm, type LayoutFormValues } from './layoutForm';

const MARGINS: LayoutRangeKey[] = ['top', 'bottom', 'left', 'right'];
const TEXT: { key: LayoutRangeKey; step: number }[] = [
  { key: 'bodySize', step: 0.5 },
  { key: 'lineSpacing', step: 0.05 },
  { key: 'nationalTitleSize', step: 0.5 },
];

/** "Văn bản": margins, sizes and spacing of every document within the legal ranges, and the công văn slots. */
export function DocumentLayoutCard() {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<LayoutFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    call('settings.documentLayout.get', {}).then((s) => form.setFieldsValue(toForm(s)), (e) => setError(toAppError(e)));
  }, [form]);

  // Errors set by hand stay until cleared: a field the clerk edits loses its message, and each save starts clean.
  const clearErrors = (names: (keyof LayoutFormValues)[]) => form.setFields(names.map((name) => ({ name, errors: [] })));

  const save = async (values: LayoutFormValues) => {
    setError(null);
    clearErrors(Object.keys(FIELD_LABELS) as (keyof LayoutFormValues)[]);
    // Same schema as the core: the clerk sees the legal range beside the field before anything is sent.
    const parsed = documentLayoutSettings.safeParse(fromForm(values));
    if (!parsed.success) {
      form.setFields(fieldErrors(parsed.error));
      return;
    }
    setBusy(true);
    try {
      form.setFieldsValue(toForm(await call('settings.documentLayout.set', parsed.data)));
      message.success('Đã lưu cài đặt văn bản');
    } catch (e) {
      const err = toAppError(e);
      setError(err);
      applyServerErrors(form, err, FIELD_LABELS);
    } finally {
      setBusy(false);
    }
  };

  const number = (key: LayoutRangeKey, step = 1) => (
    <Form.Item key={key} label={rangeLabel(key)} name={key}>
      <InputNumber aria-label={FIELD_LABELS[key]} step={step} decimalSeparator="," style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Card title="Văn bản" data-testid="document-layout-card">
      <p className="muted">
        Áp dụng cho mọi văn bản xuất ra (kế hoạch, quyết định, tờ trình, báo cáo, công văn…). Khoảng cho phép theo Nghị định
        30/2020/NĐ-CP, Phụ lục I.
      </p>
      <ErrorAlert error={error} />
      <Form<LayoutFormValues> form={form} layout="vertical" onFinish={save}
        onValuesChange={(changed: Partial<LayoutFormValues>) => clearErrors(Object.keys(changed) as (keyof LayoutFormValues)[])}
        initialValues={toForm(DEFAULT_DOCUMENT_LAYOUT_SETTINGS)} style={{ maxWidth: 720 }}>
        <Row gutter={16}>
          {MARGINS.map((k) => (
            <Col key={k} xs={12} md={6}>
              {number(k)}
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          {TEXT.map(({ key, step }) => (
            <Col key={key} xs={12} md={8}>
              {number(key, step)}
            </Col>
          ))}
        </Row>
        <Form.Item label={FIELD_LABELS.issuerLines} name="issuerLines" extra="Để trống: tự ngắt dòng giữa các cụm từ (…/ TỈNH …). Muốn ngắt khác, gõ tên đơn vị, mỗi dòng một dòng tiêu đề (tối đa 3 dòng); chỉ dùng khi đúng tên hiện tại của đơn vị.">
          <Input.TextArea aria-label={FIELD_LABELS.issuerLines} autoSize={{ minRows: 1, maxRows: 3 }} placeholder={'LIÊN ĐOÀN LAO ĐỘNG\nTỈNH BẮC KẠN'} />
        </Form.Item>
        <h4>Công văn</h4>
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item label={LETTER_LABELS.unitAbbr} name="unitAbbr" extra="Số: 05/LĐLĐ-VP; để trống nếu không dùng">
              <Input aria-label={LETTER_LABELS.unitAbbr} placeholder="VP" maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={LETTER_LABELS.drafterInitials} name="drafterInitials" extra="In dưới Nơi nhận của mọi văn bản, ví dụ PL.(30)">
              <Input aria-label={LETTER_LABELS.drafterInitials} placeholder="PL" maxLength={6} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label={LETTER_LABELS.copies} name="copies">
              <InputNumber aria-label={LETTER_LABELS.copies} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={LETTER_LABELS.contact} name="contact" extra="Cuối trang 1, dưới một đường kẻ; tối đa 3 dòng">
          <Input.TextArea aria-label={LETTER_LABELS.contact} rows={2} placeholder="Địa chỉ: …; Điện thoại: …; E-mail: …" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            Lưu cài đặt văn bản
          </Button>
          <Button onClick={() => form.setFieldsValue(toForm(DEFAULT_DOCUMENT_LAYOUT_SETTINGS))}>Về mặc định</Button>
        </Space>
      </Form>
    </Card>
  );
}
