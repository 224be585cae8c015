import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { memo, useEffect } from 'react';
import type { MovementSummary } from '@shared/schemas/movements';
import { DateInput, dateRule } from '../../lib/DateInput';
import { fromApiDate, toApiDate } from '../../lib/dates';
import { useDecisionDraft, type DecisionHeader } from './decisionDraft';
import { usePhases } from './usePhases';

type FormValues = Omit<DecisionHeader, 'decisionDate'> & { decisionDate: Dayjs | null };

const fromForm = (k: keyof FormValues, v: unknown): unknown => (k === 'decisionDate' ? (toApiDate(v as Dayjs | null) ?? '') : k === 'movementId' || k === 'phaseId' ? (v ?? null) : (v ?? ''));

/** Căn cứ, thành tích, Điều 3…: an antd form that mirrors the draft (undo puts the text back in the boxes). */
export const DecisionHeaderForm = memo(function DecisionHeaderForm({ locked, movements }: { locked: boolean; movements: MovementSummary[] }) {
  const [form] = Form.useForm<FormValues>();
  const header = useDecisionDraft((s) => s.draft?.header);
  const edit = useDecisionDraft((s) => s.edit);
  const phases = usePhases(header?.movementId);

  // Draft → boxes, only where they differ (a mistyped date stays in its box: both read as '').
  useEffect(() => {
    if (!header) return;
    const current = form.getFieldsValue(true) as Partial<FormValues>;
    const patch: Partial<FormValues> = {};
    for (const k of Object.keys(header) as (keyof DecisionHeader)[]) {
      if (fromForm(k, current[k]) !== header[k]) (patch as Record<string, unknown>)[k] = k === 'decisionDate' ? fromApiDate(header.decisionDate) : header[k];
    }
    if (Object.keys(patch).length) form.setFieldsValue(patch);
  }, [header, form]);

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={locked}
      onValuesChange={(changed: Partial<FormValues>) =>
        edit((d) => {
          for (const [k, v] of Object.entries(changed)) (d.header as unknown as Record<string, unknown>)[k] = fromForm(k as keyof FormValues, v);
          if ('movementId' in changed) d.header.phaseId = null;
        }, `header.${Object.keys(changed)[0]}`)
      }
    >
      <Row gutter={12}>
        <Col span={4}>
          <Form.Item label="Năm xét khen" name="periodYear" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={1990} max={2200} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="Ngày quyết định" name="decisionDate" rules={[{ required: true, message: 'Nhập ngày' }, dateRule]}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item label="Phong trào thi đua" name="movementId">
            <Select allowClear placeholder="Không gắn với phong trào" options={movements.map((m) => ({ value: m.id, label: `${m.name} (${m.year})` }))} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item label="Đợt thi đua" name="phaseId">
            <Select allowClear placeholder="Cả phong trào" options={phases.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Thành tích" name="achievement" rules={[{ required: true, whitespace: true, message: 'Nhập thành tích' }]} extra='Ví dụ: "đã có thành tích xuất sắc trong phong trào thi đua … năm 2026"'>
        <Input />
      </Form.Item>
      <Form.Item label="Trích yếu (để trống: tự lập)" name="subject">
        <Input />
      </Form.Item>
      <Form.Item label="Căn cứ (mỗi dòng một căn cứ)" name="bases">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="Dòng “Xét đề nghị của …”" name="proposalLine" rules={[{ required: true, whitespace: true, message: 'Nhập dòng đề nghị' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Nguồn kinh phí" name="fundingSource">
            <Input placeholder="Ví dụ: Nguồn kinh phí khen thưởng của LĐLĐ tỉnh." />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Điều 3 (tổ chức thực hiện)" name="executors" rules={[{ required: true, whitespace: true, message: 'Nhập Điều 3' }]}>
        <Input.TextArea autoSize />
      </Form.Item>
    </Form>
  );
});
