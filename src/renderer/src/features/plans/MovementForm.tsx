import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { Anniversary } from '@shared/plans/anniversaries';
import type { MovementView } from '@shared/schemas/movements';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { applyServerErrors } from '../../lib/serverErrors';
import { dayjs, fromApiDate, toApiDate } from '../../lib/dates';
import { DateInput, dateRule } from '../../lib/DateInput';
import { useLeaveGuard } from '../../lib/useLeaveGuard';
import { useRouter } from '../../stores/router';
import { OwnerNotice, useOwnership } from '../exchange/ownership';

interface PhaseValues {
  id?: string;
  name: string;
  startDate?: Dayjs | null;
  startMonthOnly?: boolean;
  endDate?: Dayjs | null;
  endMonthOnly?: boolean;
  registrationDeadline?: Dayjs | null;
  reportDeadline?: Dayjs | null;
  description?: string;
}

interface Values {
  year: number;
  name: string;
  themes: string[];
  sectors: string[];
  phases: PhaseValues[];
}

const LABELS = { year: 'Năm phát động', name: 'Tên phong trào', themes: 'Chủ đề', sectors: 'Khối thi đua' };

function toValues(m: MovementView): Values {
  return {
    year: m.year,
    name: m.name,
    themes: m.themes,
    sectors: m.sectors,
    phases: m.phases.map((p) => ({
      ...p,
      startDate: fromApiDate(p.startDate),
      endDate: fromApiDate(p.endDate),
      registrationDeadline: fromApiDate(p.registrationDeadline),
      reportDeadline: fromApiDate(p.reportDeadline),
    })),
  };
}

/** "Thi đua lập thành tích chào mừng kỷ niệm …; …" from the anniversaries that fall inside the phase. */
function anniversariesIn(list: Anniversary[], start: Dayjs | null | undefined, end: Dayjs | null | undefined): string {
  const from = start ? start.format('YYYY-MM-DD') : '0000';
  const to = end ? end.format('YYYY-MM-DD') : '9999';
  const inside = list.filter((a) => a.date >= from && a.date <= to);
  return inside.length ? `Thi đua lập thành tích chào mừng kỷ niệm ${inside.map((a) => a.text).join('; ')}` : '';
}

/** Create or edit a movement: year, name, themes, khối, đợt and the occasions it celebrates. */
export function MovementForm({ id }: { id: string | null }) {
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [form] = Form.useForm<Values>();
  const [loading, setLoading] = useState(!!id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const ownership = useOwnership('movements', id);
  const [anniversaries, setAnniversaries] = useState<Anniversary[]>([]);
  // null: a new movement celebrates every proposed anniversary of its year until the clerk unticks some.
  const [occasionIds, setOccasionIds] = useState<string[] | null>(null);
  const year = Form.useWatch('year', form);
  const phases = Form.useWatch('phases', form) as PhaseValues[] | undefined;
  // A movement launched in November 2019 for 2020 celebrates 2020's anniversaries: the year its đợt reach.
  const targetYear = Math.max(year ?? 0, ...(phases ?? []).map((p) => (p?.endDate?.isValid() ? p.endDate.year() : 0))) || year;
  const dirtyRef = useRef(false);
  const markDirty = (d: boolean) => void (dirtyRef.current = d);

  useEffect(() => {
    if (!id) return;
    call('movements.get', { id }).then(
      (m) => {
        form.setFieldsValue(toValues(m));
        setOccasionIds(m.occasionIds);
        setLoading(false);
      },
      (e) => {
        setError(toAppError(e));
        setLoading(false);
      },
    );
  }, [id, form]);

  useEffect(() => {
    if (!targetYear || targetYear < 1900 || targetYear > 2200) return;
    call('occasions.anniversaries', { year: targetYear }).then(
      (list) => setAnniversaries(list),
      (e) => {
        setAnniversaries([]);
        message.error(`Không đọc được các ngày kỷ niệm năm ${targetYear}: ${toAppError(e).message}`);
      },
    );
  }, [targetYear, message]);
  const chosen = occasionIds ?? anniversaries.map((a) => a.occasionId);

  /** Saves; true when the core accepted it. */
  const save = async (): Promise<boolean> => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await call('movements.save', {
        id: id ?? undefined,
        year: v.year,
        name: v.name ?? '',
        themes: v.themes ?? [],
        sectors: v.sectors ?? [],
        occasionIds: chosen,
        phases: (v.phases ?? []).map((p) => ({
          id: p.id,
          name: p.name ?? '',
          startDate: toApiDate(p.startDate) ?? null,
          startMonthOnly: !!p.startMonthOnly,
          endDate: toApiDate(p.endDate) ?? null,
          endMonthOnly: !!p.endMonthOnly,
          registrationDeadline: toApiDate(p.registrationDeadline) ?? null,
          reportDeadline: toApiDate(p.reportDeadline) ?? null,
          description: p.description ?? '',
        })),
      });
      message.success(`Đã lưu phong trào “${saved.name}”`);
      markDirty(false);
      return true;
    } catch (e) {
      const err = toAppError(e);
      setError(err);
      applyServerErrors(form, err, LABELS);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const finish = async () => {
    if (await save()) navigate('movements');
  };
  useLeaveGuard({ dirty: () => dirtyRef.current, what: 'phong trào', save, error: error?.message });

  if (loading) return <Spin description="Đang mở phong trào…"><div style={{ height: 200 }} /></Spin>;

  return (
    <Card title={id ? 'Sửa phong trào thi đua' : 'Phong trào thi đua mới'} extra={<Button onClick={() => navigate('movements')}>← Danh sách</Button>}>
      <ErrorAlert error={error} />
      <OwnerNotice ownership={ownership} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={finish}
        onValuesChange={() => markDirty(true)}
        initialValues={{ year: dayjs().year(), themes: [], sectors: [], phases: [] }}
        aria-label="Phong trào thi đua"
      >
        <Row gutter={16}>
          <Col xs={24} md={4}>
            <Form.Item label={LABELS.year} name="year" rules={[{ required: true, message: 'Nhập năm' }]}>
              <InputNumber min={1900} max={2200} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={20}>
            <Form.Item label={LABELS.name} name="name" rules={[{ required: true, whitespace: true, message: 'Tên phong trào: không được để trống' }]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="Ví dụ: Phong trào thi đua chào mừng các ngày lễ lớn trong năm 2020" autoFocus />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={LABELS.themes} name="themes" extra="Gõ rồi nhấn Enter để thêm">
              <Select mode="tags" open={false} suffixIcon={null} placeholder="Ví dụ: Lao động giỏi, lao động sáng tạo" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={LABELS.sectors} name="sectors" extra="Gõ rồi nhấn Enter để thêm">
              <Select mode="tags" open={false} suffixIcon={null} placeholder="Ví dụ: Khối doanh nghiệp" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>Các đợt thi đua</Typography.Title>
        <Form.List name="phases">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  className="phase-card"
                  title={`Đợt ${i + 1}`}
                  extra={
                    <Space>
                      <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Chuyển đợt ${i + 1} lên`}>↑</Button>
                      <Button size="small" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={`Chuyển đợt ${i + 1} xuống`}>↓</Button>
                      <Button size="small" danger onClick={() => remove(i)} aria-label={`Xóa đợt ${i + 1}`}>Xóa</Button>
                    </Space>
                  }
                >
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Row gutter={8}>
                    <Col xs={24} md={6}>
                      <Form.Item label="Tên đợt" name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: 'Nhập tên đợt' }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item label="Từ ngày" name={[f.name, 'startDate']} rules={[dateRule]}>
                        <DateInput style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'startMonthOnly']} valuePropName="checked" style={{ marginTop: -16 }}>
                        <Checkbox>chỉ ghi tháng</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item label="Đến ngày" name={[f.name, 'endDate']} rules={[dateRule]}>
                        <DateInput style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'endMonthOnly']} valuePropName="checked" style={{ marginTop: -16 }}>
                        <Checkbox>chỉ ghi tháng</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item label="Hạn đăng ký" name={[f.name, 'registrationDeadline']} rules={[dateRule]}>
                        <DateInput style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item label="Hạn báo cáo" name={[f.name, 'reportDeadline']} rules={[dateRule]}>
                        <DateInput style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item label="Nội dung đợt (sau dấu hai chấm trong kế hoạch)" name={[f.name, 'description']} style={{ marginBottom: 4 }}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder="Thi đua lập thành tích chào mừng …" />
                  </Form.Item>
                  <Button
                    size="small"
                    onClick={() => {
                      const p = form.getFieldValue(['phases', f.name]) as PhaseValues;
                      const text = anniversariesIn(anniversaries, p.startDate, p.endDate);
                      if (!text) return void message.info('Không có ngày kỷ niệm tròn nào trong khoảng thời gian của đợt này.');
                      form.setFieldValue(['phases', f.name, 'description'], p.description ? `${p.description} ${text}` : text);
                    }}
                  >
                    Chèn các ngày kỷ niệm trong đợt
                  </Button>
                </Card>
              ))}
              <Button onClick={() => add({ name: `Đợt ${fields.length + 1}` })} style={{ marginBottom: 16 }}>
                + Thêm đợt
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>Ngày lễ, kỷ niệm của năm {targetYear}</Typography.Title>
        <Form.Item>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} value={chosen} onChange={(v) => (setOccasionIds(v as string[]), markDirty(true))}>
            {anniversaries.map((a) => (
              <Checkbox key={a.occasionId} value={a.occasionId}>
                {a.round ? <Tag color="red">tròn</Tag> : null}
                {a.fullText}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {anniversaries.length === 0 && <Typography.Paragraph type="secondary">Không có ngày kỷ niệm tròn 5 năm nào trong năm này.</Typography.Paragraph>}

        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!!ownership?.readOnly}>
            Lưu phong trào
          </Button>
          <Button onClick={() => navigate('movements')}>Hủy</Button>
        </Space>
      </Form>
    </Card>
  );
}
