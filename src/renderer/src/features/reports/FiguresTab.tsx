import { App as AntApp, Button, Card, Empty, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { PhaseFigures, ReportTable } from '@shared/schemas/reports';
import { formatMoney, formatNumberVi } from '@shared/vi-text/money';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { Bars } from './Bars';
import { SavedFileActions } from './SavedFileActions';
import { identityOfNumberText } from '@shared/vi-text/doc-number';

const money = (n: number) => formatMoney(n);

/** Exports one table (or all) of the chosen scope to .xlsx and offers to open it. */
export function ExportButton({ movementId, phaseId, table, label = 'Xuất Excel' }: { movementId: string; phaseId: string | null; table: ReportTable | 'all'; label?: string }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const r = await call('reports.exportXlsx', { movementId, phaseId, table });
      setSaved(r.path);
    } catch (e) {
      message.error(toAppError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Button loading={busy} onClick={() => void run()}>
        {label}
      </Button>
      {saved && <SavedFileActions path={saved} />}
    </Space>
  );
}

/** The figures of one đợt: per unit (table + bars), per form of commendation, reports from lower levels. */
export function FiguresTab({ movementId, phaseId }: { movementId: string; phaseId: string | null }) {
  const [f, setF] = useState<PhaseFigures | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    call('reports.figures', { movementId, phaseId })
      .then((v) => live && (setF(v), setError(null)))
      .catch((e) => live && setError(toAppError(e)));
    return () => {
      live = false;
    };
  }, [movementId, phaseId]);

  if (error) return <ErrorAlert error={error} />;
  if (!f) return null;
  const t = f.totals;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div className="report-counts" data-testid="figures-counts">
          <Statistic title="Đơn vị trực thuộc" value={t.units} groupSeparator="." />
          <Statistic title="Đã đăng ký" value={t.registered} groupSeparator="." />
          <Statistic title="Chưa đăng ký" value={t.notRegistered} groupSeparator="." />
          <Statistic title="Công trình" value={t.works} groupSeparator="." />
          <Statistic title="Đã gắn biển" value={t.plaques} groupSeparator="." />
          <Statistic title="Được khen (tập thể / cá nhân)" value={`${formatNumberVi(t.collectivesAwarded)} / ${formatNumberVi(t.individualsAwarded)}`} />
          <Statistic title="Tiền thưởng" value={money(t.amount)} />
          <Statistic title="Báo cáo cấp dưới" value={t.reportsReceived} groupSeparator="." />
        </div>
        <ExportButton movementId={movementId} phaseId={phaseId} table="all" label="Xuất tất cả các bảng (Excel)" />
      </Card>
      <Card title="Theo đơn vị" extra={<ExportButton movementId={movementId} phaseId={phaseId} table="units" />}>
        {f.units.length === 0 ? (
          <Empty description="Chưa có đơn vị trực thuộc trong danh mục" />
        ) : (
          <>
            <Bars
              title="Đăng ký và công trình theo đơn vị"
              testId="units-chart"
              rows={f.units}
              labelOf={(u) => u.name}
              series={[
                { key: 'individuals', label: 'Cá nhân đăng ký', color: '#1677ff' },
                { key: 'works', label: 'Công trình', color: '#52c41a' },
                { key: 'plaques', label: 'Đã gắn biển', color: '#faad14' },
              ]}
              valueOf={(u, k) => (u as unknown as Record<string, number>)[k]}
            />
            <Table
              size="small"
              rowKey="organizationId"
              data-testid="units-table"
              pagination={false}
              dataSource={f.units}
              columns={[
                { title: 'Đơn vị', dataIndex: 'name' },
                { title: 'Đăng ký', dataIndex: 'registered', render: (v: boolean) => (v ? <Tag color="green">Đã đăng ký</Tag> : <Tag color="red">Chưa đăng ký</Tag>) },
                { title: 'Cá nhân', dataIndex: 'individuals', align: 'right' },
                { title: 'Công trình', dataIndex: 'works', align: 'right' },
                { title: 'Gắn biển', dataIndex: 'plaques', align: 'right' },
                { title: 'Tập thể được khen', dataIndex: 'collectivesAwarded', align: 'right' },
                { title: 'Cá nhân được khen', dataIndex: 'individualsAwarded', align: 'right' },
                { title: 'Tiền thưởng', dataIndex: 'amount', align: 'right', render: money },
                { title: 'Báo cáo', dataIndex: 'reportNumber', render: (v: string | null) => v ?? <Tag>Chưa báo cáo</Tag> },
              ]}
            />
          </>
        )}
      </Card>
      <Card title="Khen thưởng theo hình thức" extra={<ExportButton movementId={movementId} phaseId={phaseId} table="forms" />}>
        {!f.commendationsAvailable ? (
          <Empty description="Chưa có dữ liệu khen thưởng" />
        ) : (
          <>
            {f.forms.length > 0 && (
              <Bars title="Tiền thưởng theo hình thức" rows={f.forms} labelOf={(x) => x.formName} series={[{ key: 'amount', label: 'Tiền thưởng', color: '#722ed1' }]} valueOf={(x) => x.amount} format={money} />
            )}
            <Table
              size="small"
              rowKey="formId"
              data-testid="forms-table"
              pagination={false}
              dataSource={f.forms}
              locale={{ emptyText: 'Chưa có quyết định khen thưởng đã ban hành trong đợt' }}
              columns={[
                { title: 'Hình thức, danh hiệu', dataIndex: 'formName' },
                { title: 'Cấp', dataIndex: 'level' },
                { title: 'Tập thể', dataIndex: 'collectives', align: 'right' },
                { title: 'Cá nhân', dataIndex: 'individuals', align: 'right' },
                { title: 'Tiền thưởng', dataIndex: 'amount', align: 'right', render: money },
              ]}
            />
          </>
        )}
      </Card>
      <Card title="Báo cáo của cấp dưới" extra={<ExportButton movementId={movementId} phaseId={phaseId} table="lower" />}>
        <Table
          size="small"
          rowKey="reportId"
          pagination={false}
          dataSource={f.lowerReports}
          locale={{ emptyText: 'Chưa nhận báo cáo nào (báo cáo cấp dưới đến qua mục Trao đổi dữ liệu)' }}
          columns={[
            { title: 'Đơn vị', dataIndex: 'organizationName' },
            { title: 'Số, ký hiệu, ngày', dataIndex: 'numberText', render: (n: string, r) => identityOfNumberText(n, r.date) ?? '' },
            { title: 'Trích yếu', dataIndex: 'subject' },
          ]}
        />
      </Card>
    </Space>
  );
}
