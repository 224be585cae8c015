import { Alert, Button, Descriptions, Drawer, Empty, Form, Input, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { LadderEntry, LadderView } from '@shared/schemas/award-conditions';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { dayjs } from '../../lib/dates';

const ORIGIN: Record<LadderEntry['origin'], { label: string; color: string }> = {
  issued: { label: 'quyết định', color: 'blue' },
  imported: { label: 'nhập từ Excel', color: 'purple' },
  manual: { label: 'ghi nhận thủ công', color: 'default' },
};

export type LadderSubject = { personId: string } | { organizationId: string };

/** A person's or unit's ladder: titles and forms by year, sáng kiến, and what each next form still lacks. */
export function LadderDrawer({ subject, onClose }: { subject: LadderSubject | null; onClose: () => void }) {
  const [year, setYear] = useState(dayjs().year());
  const [view, setView] = useState<LadderView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [form] = Form.useForm<{ year: number; name: string; recognisedBy?: string }>();
  const load = useCallback(() => {
    if (!subject) return;
    setError(null);
    call('awardHistory.getLadder', { ...subject, year }).then(setView, (e) => setError(toAppError(e)));
  }, [subject, year]);
  useEffect(() => load(), [load]);
  if (!subject) return null;
  // A recognised sáng kiến / đề tài is what the "initiative" conditions read.
  const addInitiative = async (v: { year: number; name: string; recognisedBy?: string }) => {
    try {
      await call('awardHistory.saveInitiative', { ...subject, year: v.year, name: v.name, recognisedBy: v.recognisedBy ?? '' });
      form.resetFields();
      load();
    } catch (e) {
      setError(toAppError(e));
    }
  };
  return (
    <Drawer open width={760} title={view ? `Quá trình khen thưởng: ${view.subjectName}` : 'Quá trình khen thưởng'} onClose={onClose}>
      <ErrorAlert error={error} />
      {view && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Table<LadderEntry>
            size="small"
            rowKey={(r) => `${r.year}|${r.formId}|${r.evidence}`}
            pagination={false}
            dataSource={view.entries}
            locale={{ emptyText: 'Chưa có danh hiệu, hình thức nào (kể cả lịch sử nhập từ Excel).' }}
            columns={[
              { title: 'Năm', dataIndex: 'year', width: 70 },
              { title: 'Danh hiệu / hình thức', dataIndex: 'formName' },
              { title: 'Quyết định', dataIndex: 'evidence' },
              { title: 'Nguồn', dataIndex: 'origin', width: 150, render: (o: LadderEntry['origin']) => <Tag color={ORIGIN[o].color}>{ORIGIN[o].label}</Tag> },
            ]}
          />
          {view.target === 'individual' && (
            <Descriptions
              size="small"
              column={1}
              items={[{ key: 'i', label: 'Sáng kiến, đề tài được công nhận', children: view.initiatives.length ? view.initiatives.map((i) => `${i.year}: ${i.name}${i.recognisedBy ? ` (${i.recognisedBy})` : ''}`).join('; ') : 'Chưa có' }]}
            />
          )}
          {view.target === 'individual' && (
            <Form form={form} layout="inline" onFinish={addInitiative} initialValues={{ year }} style={{ rowGap: 8 }}>
              <Form.Item label="Năm" name="year" rules={[{ required: true, message: 'Nhập năm' }]}>
                <InputNumber aria-label="Năm công nhận" min={1990} max={2200} />
              </Form.Item>
              <Form.Item label="Sáng kiến / đề tài" name="name" rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}>
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item label="Quyết định công nhận" name="recognisedBy">
                <Input style={{ width: 170 }} placeholder="QĐ 5/QĐ-CĐCS" />
              </Form.Item>
              <Button htmlType="submit">Thêm</Button>
            </Form>
          )}
          <Space>
            <Typography.Title level={5} style={{ margin: 0 }}>Có thể đề nghị năm</Typography.Title>
            <InputNumber aria-label="Năm xét" min={1990} max={2200} value={year} onChange={(v) => v && setYear(v)} />
          </Space>
          {view.next.length === 0 ? (
            <Empty description="Chưa có điều kiện nào cho đối tượng này (Cài đặt → Khen thưởng → Điều kiện xét tặng)." />
          ) : (
            <List
              size="small"
              data-testid="ladder-next"
              dataSource={view.next}
              renderItem={(n) => (
                <List.Item>
                  <div style={{ width: '100%' }}>
                    <Alert type={n.met ? 'success' : 'warning'} showIcon title={n.met ? `${n.formName}: đủ điều kiện` : `${n.formName}: còn thiếu`} />
                    {n.checks.map((c) => (
                      <div key={c.condition?.id} style={{ marginLeft: 24 }}>
                        <Typography.Text type={c.ok ? 'success' : 'danger'}>{c.ok ? '✓' : '✗'} {c.condition?.label}: </Typography.Text>
                        {c.message}
                      </div>
                    ))}
                  </div>
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
