import { Alert, App, Button, Card, Col, Input, InputNumber, Row, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { TARGET_LABELS, type HistoryRow, type StatisticsLine, type StatisticsView } from '@shared/schemas/commendations';
import type { OrgNode } from '@shared/schemas/organizations';
import { call, toAppError } from '../../api/client';
import { dayjs } from '../../lib/dates';
import { HistoryImportModal } from './HistoryImportModal';
import { LadderDrawer, type LadderSubject } from './LadderDrawer';
import { money } from './shared';
import { identityOfNumberText } from '@shared/vi-text/doc-number';

/** Lịch sử khen thưởng per person and unit, searchable without marks, exportable to Excel. */
export function HistoryPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [rows, setRows] = useState<HistoryRow[]>([]);
  const [ladder, setLadder] = useState<LadderSubject | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  useEffect(() => {
    call('organizations.tree', {}).then(setOrgs, (e) => message.error(`Không đọc được danh mục đơn vị: ${toAppError(e).message}`));
  }, [message]);
  const reload = useCallback(() => call('commendations.history', { query, organizationId }).then(setRows, (e) => message.error(toAppError(e).message)), [query, organizationId, message]);
  useEffect(() => void reload(), [reload]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Input.Search aria-label="Tìm trong lịch sử khen thưởng" placeholder="Tên cá nhân, tập thể (gõ không dấu được)" allowClear onSearch={setQuery} style={{ width: 340 }} />
        <Select
          aria-label="Lịch sử của đơn vị"
          allowClear
          placeholder="Mọi đơn vị"
          style={{ width: 300 }}
          value={organizationId}
          onChange={setOrganizationId}
          showSearch={{ optionFilterProp: 'label' }}
          options={orgs.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Button
          onClick={() => call('commendations.exportHistory', { query, organizationId }).then((r) => void (r.path && message.success(`Đã lưu ${r.path}`)), (e) => void message.error(toAppError(e).message))}
        >
          Xuất Excel
        </Button>
        {organizationId && <Button onClick={() => setLadder({ organizationId })}>Quá trình khen thưởng của đơn vị</Button>}
        <Button onClick={() => setImporting(true)}>Nhập lịch sử từ Excel</Button>
        <Button
          onClick={() => call('awardHistory.exportTemplate', {}).then((r) => void (r.path && message.success(`Đã lưu mẫu ${r.path}`)), (e) => void message.error(toAppError(e).message))}
        >
          Tải mẫu Excel
        </Button>
      </Space>
      <LadderDrawer subject={ladder} onClose={() => setLadder(null)} />
      <HistoryImportModal open={importing} onClose={() => setImporting(false)} onDone={(summary) => {
          setImported(summary);
          void reload();
        }}
      />
      {imported && <Alert type="success" showIcon closable title={imported} onClose={() => setImported(null)} data-testid="history-import-result" />}
      <Table<HistoryRow>
        size="small"
        rowKey="awardeeId"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: 'Chưa có khen thưởng nào.' }}
        columns={[
          {
            title: 'Tên tập thể / Họ và tên',
            dataIndex: 'name',
            // The name opens the ladder: every year's titles and forms, imported history included, and what the next form lacks.
            render: (n: string, r) => {
              const subject = r.personId ? { personId: r.personId } : r.organizationId ? { organizationId: r.organizationId } : null;
              return subject ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setLadder(subject)}>{n}</Button> : n;
            },
          },
          { title: 'Đối tượng', dataIndex: 'target', width: 90, render: (t: HistoryRow['target']) => TARGET_LABELS[t] },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Hình thức', dataIndex: 'formName' },
          { title: 'Quyết định', render: (_: unknown, r) => identityOfNumberText(r.numberText, r.decisionDate) ?? '' },
          { title: 'Năm', dataIndex: 'periodYear', width: 70 },
          { title: 'Số tiền', dataIndex: 'amount', align: 'right', render: (a: number) => money(a) },
          { title: 'Sổ vàng', dataIndex: 'goldBookNumber', width: 90 },
          {
            title: '',
            dataIndex: 'correctedBy',
            render: (c: string | null, r) => (c ? <Tag color="orange">Đã đính chính bởi QĐ {c}</Tag> : r.imported ? <Tag color="purple">nhập từ Excel</Tag> : null),
          },
        ]}
      />
    </Space>
  );
}

function StatTable({ title, lines }: { title: string; lines: StatisticsLine[] }) {
  return (
    <Card size="small" title={title}>
      <Table<StatisticsLine>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        columns={[
          { title: '', dataIndex: 'label' },
          { title: 'Tập thể', dataIndex: 'collectives', width: 80 },
          { title: 'Cá nhân', dataIndex: 'individuals', width: 80 },
          { title: 'Tiền thưởng', dataIndex: 'amount', width: 150, align: 'right', render: (a: number) => money(a) },
        ]}
      />
    </Card>
  );
}

/** Thống kê of issued decisions (corrections replace what they correct) per đợt, unit and form. */
export function StatisticsPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(dayjs().year());
  const [stats, setStats] = useState<StatisticsView | null>(null);
  const reload = useCallback(() => call('commendations.statistics', { periodYear: year }).then(setStats, (e) => message.error(toAppError(e).message)), [year, message]);
  useEffect(() => void reload(), [reload]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <span>Năm xét khen</span>
        <InputNumber aria-label="Năm thống kê" min={1990} max={2200} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      {stats && (
        <>
          <StatTable title="Tổng cộng" lines={[stats.total]} />
          <Row gutter={12}>
            <Col span={12}>
              <StatTable title="Theo hình thức" lines={stats.byForm} />
            </Col>
            <Col span={12}>
              <StatTable title="Theo phong trào, đợt" lines={stats.byPhase} />
            </Col>
          </Row>
          <StatTable title="Theo đơn vị" lines={stats.byUnit} />
        </>
      )}
    </Space>
  );
}
