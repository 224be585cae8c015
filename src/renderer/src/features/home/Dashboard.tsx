import { Alert, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { DashboardDraft, DashboardPackage, DashboardPhase, DashboardSummary } from '@shared/schemas/reports';
import { call, onEvent, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { showDate, todayApi } from '../../lib/dates';
import { useRouter, type Area } from '../../stores/router';

function Deadline({ days }: { days: number | null }) {
  if (days === null) return <Tag>Chưa đặt hạn</Tag>;
  if (days < 0) return <Tag color="red">Quá hạn {-days} ngày</Tag>;
  if (days === 0) return <Tag color="orange">Hết hạn hôm nay</Tag>;
  return <Tag color={days <= 7 ? 'orange' : 'blue'}>Còn {days} ngày</Tag>;
}

/** " (quá hạn)" after a deadline that has passed. */
const passed = (d: string) => (d < todayApi() ? ' (quá hạn)' : '');

function UnitList({ label, units }: { label: string; units: { id: string; name: string }[] }) {
  if (!units.length) return null;
  return (
    <Typography.Paragraph style={{ marginBottom: 4 }}>
      <Typography.Text strong>
        {label} ({units.length}):
      </Typography.Text>{' '}
      {units.map((u) => u.name).join('; ')}
    </Typography.Paragraph>
  );
}

const DRAFT_LINKS: Record<DashboardDraft['kind'], (id: string) => [Area, ...string[]]> = {
  plan: (id) => ['movements', 'plan', id],
  'phase-report': (id) => ['reports', 'documents', id],
  decision: (id) => ['awards', 'decision', id],
  proposal: () => ['awards', 'proposals'],
};

function PhaseCard({ p }: { p: DashboardPhase }) {
  const navigate = useRouter((s) => s.navigate);
  return (
    <List.Item
      data-testid="dashboard-phase"
      actions={[
        <Button key="reg" size="small" onClick={() => navigate('registrations', 'tracker')}>
          Đăng ký
        </Button>,
        <Button key="rep" size="small" onClick={() => navigate('reports', 'figures')}>
          Số liệu
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>
              {p.phaseName} — {p.movementName}
            </span>
            <Deadline days={p.daysLeft} />
          </Space>
        }
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {[
                p.registrationDeadline && `Hạn đăng ký: ${showDate(p.registrationDeadline)}${passed(p.registrationDeadline)}`,
                p.endDate && `Kết thúc: ${showDate(p.endDate)}`,
                p.reportDeadline && `Hạn báo cáo: ${showDate(p.reportDeadline)}${passed(p.reportDeadline)}`,
              ]
                .filter(Boolean)
                .join(' · ') || 'Chưa đặt thời hạn'}
            </Typography.Paragraph>
            <UnitList label="Chưa đăng ký" units={p.notRegistered} />
            <UnitList label="Chưa báo cáo" units={p.notReported} />
          </>
        }
      />
    </List.Item>
  );
}

/** The clerk's to-do list on the home page: one dashboard.summary call, refreshed when data changes. */
export function Dashboard() {
  const navigate = useRouter((s) => s.navigate);
  const [s, setS] = useState<DashboardSummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    const load = () =>
      call('dashboard.summary', {})
        .then((v) => (setS(v), setError(null)))
        .catch((e) => setError(toAppError(e)));
    void load();
    return onEvent('data.changed', () => void load());
  }, []);
  if (error) return <ErrorAlert error={error} />;
  if (!s) return null;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card title="Đợt thi đua đang diễn ra" data-testid="dashboard-phases">
          {s.openPhases.length ? <List dataSource={s.openPhases} renderItem={(p) => <PhaseCard p={p} />} /> : <Empty description="Không có đợt thi đua nào đang diễn ra" />}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="Sao lưu" size="small" data-testid="dashboard-backup" extra={<Button size="small" onClick={() => navigate('settings')}>Sao lưu, khôi phục</Button>}>
            {s.lastBackup ? (
              <Typography.Text>
                Lần sao lưu gần nhất: {showDate(s.lastBackup.createdAt.slice(0, 10))} {s.lastBackup.createdAt.slice(11, 16)} ({s.lastBackup.reason})
              </Typography.Text>
            ) : (
              <Typography.Text>Chưa có bản sao lưu nào.</Typography.Text>
            )}
            {/* A fresh install has nothing to lose yet (the daily automatic backup starts with the first day's data). */}
            {s.backupStale && s.lastBackup && <Alert style={{ marginTop: 8 }} type="warning" showIcon title="Đã hơn một ngày chưa sao lưu." />}
          </Card>
          <Card title="Văn bản chờ cấp số" size="small" data-testid="dashboard-drafts">
            <List
              size="small"
              dataSource={s.drafts}
              locale={{ emptyText: 'Không có dự thảo nào' }}
              renderItem={(d) => (
                <List.Item actions={[<Button key="open" size="small" onClick={() => navigate(...DRAFT_LINKS[d.kind](d.id))}>Mở</Button>]}>
                  <Space>
                    <Tag>{d.kindLabel}</Tag>
                    <span>{d.subject}</span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card title="Gói dữ liệu chưa nhập" size="small" data-testid="dashboard-packages" extra={<Button size="small" onClick={() => navigate('exchange')}>Trao đổi dữ liệu</Button>}>
            <List
              size="small"
              dataSource={s.packages}
              locale={{ emptyText: 'Không có gói nào đang chờ' }}
              renderItem={(p) => (
                <List.Item>
                  {p.kindLabel} từ {p.senderName} ({showDate(p.created.slice(0, 10))}) — {PACKAGE_STATE_LABELS[p.state]}
                </List.Item>
              )}
            />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

const PACKAGE_STATE_LABELS: Record<DashboardPackage['state'], string> = {
  previewed: 'đã xem trước, chưa áp dụng',
  stale: 'chưa áp dụng; dữ liệu đã khôi phục từ sao lưu, cần xem trước lại',
  undone: 'đã hoàn tác',
};
