import { Card, Empty, Select, Space, Tabs } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { useRouter } from '../../stores/router';
import { ImportWizard } from './ImportWizard';
import { TrackerTab } from './TrackerTab';
import { WorksTab } from './WorksTab';
import { useRegistrationScope } from './scope';
import './registrations.css';

const TABS = ['tracker', 'works', 'import'] as const;

/** "Đăng ký": #/registrations/<tracker|works|import> for the movement and phase chosen on top. */
export function RegistrationsArea() {
  const rest = useRouter((s) => s.rest);
  const navigate = useRouter((s) => s.navigate);
  const { movements, movement, phaseId, error, load, selectMovement, selectPhase } = useRegistrationScope();
  const tab = (TABS as readonly string[]).includes(rest[0]) ? rest[0] : 'tracker';

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="registrations">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <label htmlFor="reg-movement">Phong trào</label>
          <Select
            id="reg-movement"
            aria-label="Phong trào"
            style={{ minWidth: 420, maxWidth: 640 }}
            value={movement?.id}
            placeholder="Chọn phong trào thi đua"
            onChange={(id: string) => void selectMovement(id)}
            options={movements.map((m) => ({ value: m.id, label: `${m.year} — ${m.name}`, title: m.name }))}
          />
          <label htmlFor="reg-phase">Đợt</label>
          <Select
            id="reg-phase"
            aria-label="Đợt thi đua"
            style={{ minWidth: 200 }}
            value={phaseId ?? ''}
            disabled={!movement}
            onChange={(v: string) => selectPhase(v || null)}
            options={[...(movement?.phases ?? []).map((p) => ({ value: p.id, label: p.name, title: p.name })), { value: '', label: 'Cả phong trào', title: 'Cả phong trào' }]}
          />
        </Space>
      </Card>
      <ErrorAlert error={error} />
      {!movement ? (
        <Empty description="Chưa có phong trào thi đua nào. Hãy tạo phong trào trong mục “Phong trào & kế hoạch”." />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate('registrations', k)}
          destroyOnHidden
          items={[
            { key: 'tracker', label: 'Tình hình đăng ký', children: <TrackerTab /> },
            { key: 'works', label: 'Công trình, sản phẩm gắn biển', children: <WorksTab /> },
            { key: 'import', label: 'Nhập từ Excel', children: <ImportWizard /> },
          ]}
        />
      )}
    </div>
  );
}
