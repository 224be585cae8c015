import { Card, Empty, Select, Space, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { MovementSummary, MovementView } from '@shared/schemas/movements';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { useRouter } from '../../stores/router';
import { FiguresTab } from './FiguresTab';
import { PhasesTab } from './PhasesTab';
import { ReportEditor } from './ReportEditor';
import { ReportsList } from './ReportsList';
import './reports.css';

const TABS = ['figures', 'phases', 'documents'] as const;

/** "Báo cáo": #/reports/<figures|phases|documents>[/<report id>] for the movement and đợt chosen on top. */
export function ReportsArea() {
  const rest = useRouter((s) => s.rest);
  const navigate = useRouter((s) => s.navigate);
  const tab = (TABS as readonly string[]).includes(rest[0]) ? rest[0] : 'figures';
  const openId = tab === 'documents' ? rest[1] : undefined;
  const [movements, setMovements] = useState<MovementSummary[]>([]);
  const [movement, setMovement] = useState<MovementView | null>(null);
  const [phaseId, setPhaseId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);

  const select = async (id: string) => {
    try {
      const m = await call('movements.get', { id });
      setMovement(m);
      setPhaseId(m.phases[0]?.id ?? null);
    } catch (e) {
      setError(toAppError(e));
    }
  };
  useEffect(() => {
    call('movements.list', {})
      .then((list) => {
        setMovements(list);
        if (list.length) void select(list[0].id);
      })
      .catch((e) => setError(toAppError(e)));
  }, []);

  return (
    <div className="reports">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <label htmlFor="rep-movement">Phong trào</label>
          <Select
            id="rep-movement"
            aria-label="Phong trào"
            style={{ minWidth: 420, maxWidth: 640 }}
            value={movement?.id}
            placeholder="Chọn phong trào thi đua"
            onChange={(id: string) => void select(id)}
            options={movements.map((m) => ({ value: m.id, label: `${m.year} — ${m.name}`, title: m.name }))}
          />
          <label htmlFor="rep-phase">Đợt</label>
          <Select
            id="rep-phase"
            aria-label="Đợt thi đua"
            style={{ minWidth: 200 }}
            value={phaseId ?? ''}
            disabled={!movement}
            onChange={(v: string) => setPhaseId(v || null)}
            options={[...(movement?.phases ?? []).map((p) => ({ value: p.id, label: p.name, title: p.name })), { value: '', label: 'Cả phong trào', title: 'Cả phong trào' }]}
          />
        </Space>
      </Card>
      <ErrorAlert error={error} />
      {!movement ? (
        <Empty description="Chưa có phong trào thi đua. Hãy tạo phong trào trong mục Phong trào & kế hoạch." />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate('reports', k)}
          items={[
            { key: 'figures', label: 'Số liệu theo đơn vị', children: tab === 'figures' && <FiguresTab movementId={movement.id} phaseId={phaseId} /> },
            { key: 'phases', label: 'Theo đợt', children: tab === 'phases' && <PhasesTab movementId={movement.id} /> },
            {
              key: 'documents',
              label: 'Báo cáo kết quả',
              children:
                tab === 'documents' &&
                (openId ? (
                  <ReportEditor id={openId} onBack={() => navigate('reports', 'documents')} onChanged={() => setVersion((v) => v + 1)} />
                ) : (
                  <ReportsList movementId={movement.id} phaseId={phaseId} version={version} onOpen={(id) => navigate('reports', 'documents', id)} />
                )),
            },
          ]}
        />
      )}
    </div>
  );
}
