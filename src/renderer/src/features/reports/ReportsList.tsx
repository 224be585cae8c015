import { Button, Card, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { ReportSummary } from '@shared/schemas/reports';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { useDataChanged } from '../../lib/query';
import { identityOfNumberText } from '@shared/vi-text/doc-number';

/** This office's reports and the ones received from lower levels, for the chosen movement. */
export function ReportsList({ movementId, phaseId, version, onOpen }: { movementId: string; phaseId: string | null; version: number; onOpen: (id: string) => void }) {
  const [rows, setRows] = useState<ReportSummary[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = useDataChanged(['reports', 'registrations', 'commendations']);
  useEffect(() => {
    call('reports.list', { movementId })
      .then((v) => (setRows(v), setError(null)))
      .catch((e) => setError(toAppError(e)));
  }, [movementId, version, changed]);
  const compose = async () => {
    setBusy(true);
    try {
      const r = await call('reports.compose', { movementId, phaseId });
      onOpen(r.id);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title="Báo cáo kết quả"
      extra={
        <Button type="primary" loading={busy} onClick={() => void compose()}>
          Lập báo cáo từ số liệu
        </Button>
      }
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Table
        size="small"
        rowKey="id"
        data-testid="reports-table"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: 'Chưa có báo cáo' }}
        columns={[
          { title: 'Đợt', render: (_, r) => r.phaseName ?? 'Cả phong trào' },
          { title: 'Đơn vị', dataIndex: 'organizationName', render: (v: string, r) => (r.own ? v : <Space>{v}<Tag color="blue">Cấp dưới gửi</Tag></Space>) },
          { title: 'Trích yếu', dataIndex: 'subject' },
          { title: 'Số, ký hiệu, ngày', dataIndex: 'numberText', render: (v: string | null, r) => identityOfNumberText(v, r.issuedDate) ?? <Tag>Dự thảo</Tag> },
          { title: '', render: (_, r) => <Button size="small" onClick={() => onOpen(r.id)}>{r.own && r.status === 'draft' ? 'Sửa' : 'Xem'}</Button> },
        ]}
      />
    </Card>
  );
}
