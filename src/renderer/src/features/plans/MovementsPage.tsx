import { App, Button, Card, Col, Empty, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MovementSummary } from '@shared/schemas/movements';
import type { PlanSummary, PlanTemplateView } from '@shared/schemas/plans';
import { call, toAppError } from '../../api/client';
import { dayjs, showDate, showDateTime } from '../../lib/dates';
import { useQuery } from '../../lib/query';
import { useRouter } from '../../stores/router';
import { AnniversariesCard } from './AnniversariesCard';
import { OccasionsCatalogue } from './OccasionsCatalogue';
import { identityOfNumberText } from '@shared/vi-text/doc-number';

/** "Lập kế hoạch": blank skeleton or a saved template, phases filled from the movement. */
function NewPlanModal({ movementId, onClose }: { movementId: string | null | undefined; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [templates, setTemplates] = useState<PlanTemplateView[]>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (movementId === undefined) return;
    setTemplateId(null);
    call('plans.templates', {}).then(setTemplates, (e) => {
      setTemplates([]);
      message.error(`Không đọc được danh sách mẫu kế hoạch: ${toAppError(e).message}`);
    });
  }, [movementId, message]);
  return (
    <Modal
      open={movementId !== undefined}
      title="Lập kế hoạch mới"
      okText="Lập kế hoạch"
      cancelText="Hủy"
      okButtonProps={{ loading: busy }}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        try {
          const p = await call('plans.create', { movementId: movementId ?? null, templateId });
          onClose();
          navigate('movements', 'plan', p.id);
        } catch (e) {
          message.error(toAppError(e).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph>Bắt đầu từ:</Typography.Paragraph>
      <Select<string | null>
        aria-label="Mẫu kế hoạch"
        style={{ width: '100%' }}
        value={templateId}
        onChange={setTemplateId}
        options={[{ value: null, label: 'Khung kế hoạch chuẩn (I. Mục đích, yêu cầu / II. Nội dung thi đua / III. Tổ chức thực hiện)' }, ...templates.map((t) => ({ value: t.id, label: `Mẫu: ${t.name}` }))]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        Các đợt thi đua được điền từ phong trào; người ký lấy theo cài đặt đơn vị.
      </Typography.Paragraph>
    </Modal>
  );
}

const NO_MOVEMENTS: MovementSummary[] = [];
const NO_PLANS: PlanSummary[] = [];

/** The year a plan belongs to: its issue date, else its planned date. */
function planYear(p: PlanSummary): number | null {
  const d = p.issuedDate ?? p.plannedDate;
  return d ? Number(d.slice(0, 4)) : null;
}

export function MovementsPage() {
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [year, setYear] = useState<number | null>(null);
  const [anniversaryYear, setAnniversaryYear] = useState(dayjs().year());
  const movementsQ = useQuery('movements.list', year ? { year } : {}, 'danh sách phong trào');
  const plansQ = useQuery('plans.list', {}, 'danh sách kế hoạch');
  const movements = movementsQ.data ?? NO_MOVEMENTS;
  const plans = plansQ.data ?? NO_PLANS;
  const [newPlanFor, setNewPlanFor] = useState<string | null | undefined>(undefined);

  // The core reports the change (data.changed) and the cache reads the lists again.
  const remove = (fn: () => Promise<unknown>) => fn().catch((e) => message.error(toAppError(e).message));

  return (
    <Tabs
      items={[
        {
          key: 'movements',
          label: 'Phong trào & kế hoạch',
          children: (
            <Row gutter={16}>
              <Col xs={24} xxl={15}>
                <Card
                  size="small"
                  title="Phong trào thi đua"
                  extra={
                    <Space>
                      <span>Năm</span>
                      <InputNumber aria-label="Lọc theo năm" min={1900} max={2200} value={year} onChange={(v) => setYear(v ?? null)} placeholder="Tất cả" style={{ width: 100 }} />
                      <Button type="primary" onClick={() => navigate('movements', 'movement', 'new')}>
                        Thêm phong trào
                      </Button>
                    </Space>
                  }
                >
                  <Table<MovementSummary>
                    size="small"
                    rowKey="id"
                    dataSource={movements}
                    pagination={false}
                    locale={{ emptyText: <Empty description="Chưa có phong trào nào. Bấm “Thêm phong trào”." /> }}
                    columns={[
                      { title: 'Năm', dataIndex: 'year', width: 70 },
                      { title: 'Tên phong trào', dataIndex: 'name' },
                      { title: 'Số đợt', dataIndex: 'phaseCount', width: 70 },
                      {
                        title: '',
                        width: 260,
                        render: (_: unknown, m) => (
                          <Space wrap>
                            <Button size="small" onClick={() => navigate('movements', 'movement', m.id)} aria-label={`Sửa phong trào ${m.name}`}>
                              Sửa
                            </Button>
                            <Button size="small" type="primary" ghost onClick={() => setNewPlanFor(m.id)} aria-label={`Lập kế hoạch cho ${m.name}`}>
                              Lập kế hoạch
                            </Button>
                            <Popconfirm title="Xóa phong trào này?" okText="Xóa" cancelText="Không" onConfirm={() => remove(() => call('movements.delete', { id: m.id }))}>
                              <Button size="small" danger>
                                Xóa
                              </Button>
                            </Popconfirm>
                          </Space>
                        ),
                      },
                    ]}
                  />
                </Card>
                <Card size="small" title={year ? `Kế hoạch năm ${year}` : 'Kế hoạch'} style={{ marginTop: 16 }} extra={<Button onClick={() => setNewPlanFor(null)}>Kế hoạch không gắn phong trào</Button>}>
                  <Table<PlanSummary>
                    size="small"
                    rowKey="id"
                    dataSource={year ? plans.filter((p) => planYear(p) === year) : plans}
                    pagination={false}
                    onRow={(p) => ({ onDoubleClick: () => navigate('movements', 'plan', p.id) })}
                    locale={{ emptyText: <Empty description="Chưa có kế hoạch nào." /> }}
                    columns={[
                      {
                        title: 'Số, ký hiệu, ngày',
                        dataIndex: 'numberText',
                        width: 230,
                        // The register restarts at 01 each year: a number means nothing without its date (and year).
                        render: (t: string, p) => <span style={{ whiteSpace: 'pre' }}>{p.status === 'issued' ? identityOfNumberText(t, p.issuedDate) : t}</span>,
                      },
                      { title: 'Năm', width: 70, render: (_: unknown, p) => planYear(p) ?? '' },
                      { title: 'Trích yếu', dataIndex: 'subject', render: (s: string) => s || <i>(chưa có trích yếu)</i> },
                      {
                        title: 'Trạng thái',
                        width: 170,
                        render: (_: unknown, p) =>
                          p.status === 'issued' ? <Tag color="green">Ban hành {showDate(p.issuedDate)}</Tag> : <Tag>Nháp · {showDateTime(p.updatedAt)}</Tag>,
                      },
                      {
                        title: '',
                        width: 140,
                        render: (_: unknown, p) => (
                          <Space>
                            <Button size="small" onClick={() => navigate('movements', 'plan', p.id)} aria-label={`Mở kế hoạch ${p.subject}`}>
                              Mở
                            </Button>
                            {p.status === 'draft' && (
                              <Popconfirm title="Xóa bản nháp này?" okText="Xóa" cancelText="Không" onConfirm={() => remove(() => call('plans.delete', { id: p.id }))}>
                                <Button size="small" danger>
                                  Xóa
                                </Button>
                              </Popconfirm>
                            )}
                          </Space>
                        ),
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} xxl={9}>
                <AnniversariesCard year={anniversaryYear} onYear={setAnniversaryYear} />
              </Col>
              <NewPlanModal movementId={newPlanFor} onClose={() => setNewPlanFor(undefined)} />
            </Row>
          ),
        },
        { key: 'occasions', label: 'Danh mục ngày lễ, kỷ niệm', children: <OccasionsCatalogue /> },
      ]}
    />
  );
}
