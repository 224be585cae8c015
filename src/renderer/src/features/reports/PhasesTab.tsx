import { Card, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { PhaseLine } from '@shared/schemas/reports';
import { formatMoney } from '@shared/vi-text/money';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { showDate } from '../../lib/dates';
import { Bars } from './Bars';
import { ExportButton } from './FiguresTab';

/** One line per đợt of the movement (and the whole movement), with bars. */
export function PhasesTab({ movementId }: { movementId: string }) {
  const [lines, setLines] = useState<PhaseLine[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    call('reports.byPhase', { movementId })
      .then((v) => live && (setLines(v), setError(null)))
      .catch((e) => live && setError(toAppError(e)));
    return () => {
      live = false;
    };
  }, [movementId]);
  if (error) return <ErrorAlert error={error} />;
  if (!lines) return null;
  const phases = lines.filter((l) => l.phaseId);
  return (
    <Card title="Kết quả theo đợt" extra={<ExportButton movementId={movementId} phaseId={null} table="phases" />}>
      {phases.length > 0 && (
        <Bars
          title="Đăng ký, công trình và khen thưởng theo đợt"
          testId="phases-chart"
          rows={phases}
          labelOf={(l) => l.phaseName}
          series={[
            { key: 'registered', label: 'Đơn vị đã đăng ký', color: '#1677ff' },
            { key: 'works', label: 'Công trình', color: '#52c41a' },
            { key: 'awarded', label: 'Được khen', color: '#722ed1' },
          ]}
          valueOf={(l, k) => (k === 'awarded' ? l.totals.collectivesAwarded + l.totals.individualsAwarded : (l.totals as unknown as Record<string, number>)[k])}
        />
      )}
      <Table
        size="small"
        rowKey={(l) => l.phaseId ?? 'all'}
        data-testid="phases-table"
        pagination={false}
        dataSource={lines}
        columns={[
          { title: 'Đợt', dataIndex: 'phaseName' },
          { title: 'Kết thúc', dataIndex: 'endDate', render: (d: string | null) => showDate(d) },
          { title: 'Hạn báo cáo', dataIndex: 'reportDeadline', render: (d: string | null) => showDate(d) },
          { title: 'Đã đăng ký', render: (_, l) => `${l.totals.registered}/${l.totals.units}` },
          { title: 'Công trình', render: (_, l) => l.totals.works, align: 'right' },
          { title: 'Gắn biển', render: (_, l) => l.totals.plaques, align: 'right' },
          { title: 'Tập thể / cá nhân được khen', render: (_, l) => `${l.totals.collectivesAwarded} / ${l.totals.individualsAwarded}` },
          { title: 'Tiền thưởng', render: (_, l) => formatMoney(l.totals.amount), align: 'right' },
          { title: 'Báo cáo cấp dưới', render: (_, l) => l.totals.reportsReceived, align: 'right' },
        ]}
      />
    </Card>
  );
}
