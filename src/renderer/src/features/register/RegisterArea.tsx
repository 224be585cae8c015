import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { RegisterEntryView } from '@shared/schemas/register';
import { identityOfNumberText } from '@shared/vi-text/doc-number';
import { call } from '../../api/client';
import { FormModal } from '../../lib/FormModal';
import { useQuery } from '../../lib/query';
import { confirmNumber } from '../../lib/confirmNumber';
import { DateInput, dateRule } from '../../lib/DateInput';
import { dayjs, showDateTime, toApiDate } from '../../lib/dates';
import { useRouter } from '../../stores/router';
import { gapText } from './gaps';

const KIND_LABELS: Record<string, string> = { KH: 'Kế hoạch', QĐ: 'Quyết định', TTr: 'Tờ trình', BC: 'Báo cáo', TB: 'Thông báo', HD: 'Hướng dẫn' };

interface AddValues {
  kindAbbr: string;
  date: Dayjs;
  subject: string;
  number?: number | null;
}

/** Sổ văn bản đi: every number the office gave in a year, the next one, and the numbers never used. */
export function RegisterArea() {
  const { message, modal } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [year, setYear] = useState(dayjs().year());
  const view = useQuery('register.list', { year }, `sổ văn bản năm ${year}`).data ?? null;
  const years = useQuery('register.years', {}, 'danh sách năm của sổ').data ?? [];
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<AddValues>();


  const yearOptions = [...new Set([dayjs().year(), year, ...years])].sort((a, b) => b - a);
  return (
    <Card
      title="Sổ đăng ký văn bản đi"
      extra={
        <Space>
          <span>Năm</span>
          <Select aria-label="Năm của sổ" value={year} onChange={setYear} options={yearOptions.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
          <InputNumber aria-label="Nhập năm khác" min={1900} max={2200} placeholder="Năm khác" onPressEnter={(e) => { const v = Number((e.target as HTMLInputElement).value); if (v >= 1900) setYear(v); }} style={{ width: 110 }} />
          <Button onClick={() => setAdding(true)}>Lấy số cho văn bản giấy</Button>
        </Space>
      }
    >
      {view && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            Số tiếp theo năm {view.year}: <strong data-testid="register-next">{String(view.nextNumber).padStart(2, '0')}</strong>
          </Typography.Text>
          {view.gaps.length > 0 && (
            <Alert type="warning" showIcon data-testid="register-gaps" title={`Các số chưa dùng (bỏ trống) năm ${view.year}: ${gapText(view.gaps)}`} />
          )}
          <Table<RegisterEntryView>
            size="small"
            rowKey="id"
            dataSource={view.entries}
            pagination={false}
            locale={{ emptyText: `Năm ${view.year} chưa cấp số văn bản nào.` }}
            columns={[
              // The identity every list prints ("02/QĐ-LĐLĐ ngày 30/11/2026"): its date also names the register's year.
              { title: 'Số, ký hiệu, ngày', dataIndex: 'numberText', width: 240, render: (t: string, e) => identityOfNumberText(t, e.date) },
              { title: 'Loại', dataIndex: 'kindAbbr', width: 110, render: (k: string) => KIND_LABELS[k] ?? k },
              { title: 'Trích yếu', dataIndex: 'subject' },
              {
                title: '',
                width: 170,
                render: (_: unknown, e) =>
                  e.recordKind === 'plan' && e.recordId ? (
                    <Button size="small" onClick={() => navigate('movements', 'plan', e.recordId!)}>
                      Mở kế hoạch
                    </Button>
                  ) : (
                    <Typography.Text type="secondary">Cấp lúc {showDateTime(e.createdAt)}</Typography.Text>
                  ),
              },
            ]}
          />
        </Space>
      )}
      <FormModal<AddValues>
        open={adding}
        title="Lấy số cho văn bản làm ngoài phần mềm"
        okText="Cấp số"
        form={form}
        initialValues={{ kindAbbr: 'QĐ', date: dayjs() }}
        labels={{ kindAbbr: 'Ký hiệu loại văn bản', date: 'Ngày văn bản', subject: 'Trích yếu' }}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          const date = toApiDate(v.date);
          if (!date) throw new Error('Ngày văn bản không hợp lệ.');
          const p = await confirmNumber(modal, { kindAbbr: v.kindAbbr, date, number: v.number ?? null, what: `văn bản “${(v.subject ?? '').slice(0, 120)}”` });
          if (!p) return false;
          const e = await call('register.add', { kindAbbr: v.kindAbbr, date, subject: v.subject ?? '', number: p.number });
          message.success(`Đã cấp số ${e.numberText}`);
          setYear(e.year);
        }}
      >
        <Form.Item label="Loại văn bản" name="kindAbbr">
          <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: `${label} (${value})` }))} />
        </Form.Item>
        <Form.Item label="Ngày văn bản" name="date" rules={[{ required: true, message: 'Nhập ngày' }, dateRule]}>
          <DateInput aria-label="Ngày văn bản" />
        </Form.Item>
        <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, whitespace: true, message: 'Nhập trích yếu' }]}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Form.Item label="Số (để trống: số tiếp theo)" name="number">
          <InputNumber min={1} max={99999} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
