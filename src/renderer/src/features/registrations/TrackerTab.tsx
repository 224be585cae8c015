import { App as AntApp, Button, Card, Checkbox, Input, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DocumentKind } from '@shared/documents';
import type { AppError } from '@shared/errors';
import { REGISTRATION_STATUS_LABELS, type TrackerUnit, type TrackerView } from '@shared/schemas/registrations';
import { fold } from '@shared/vi-text/normalize';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { showDate } from '../../lib/dates';
import { DocumentModal, exportList } from './DocumentModal';
import { RegistrationForm } from './RegistrationForm';
import { useRegistrationScope } from './scope';
import { useDataChanged } from '../../lib/query';
import { longListProps } from '../../lib/longList';

/** Per phase: which units under this office have registered and which not, with a reminder letter. */
export function TrackerTab() {
  const { message } = AntApp.useApp();
  const { movement, phaseId, version, changed } = useRegistrationScope();
  const [view, setView] = useState<TrackerView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [query, setQuery] = useState('');
  const [allLevels, setAllLevels] = useState(false);
  const [editing, setEditing] = useState<{ id: string | null; organizationId: string | null } | null>(null);
  const [doc, setDoc] = useState<{ kind: DocumentKind; id: string; title: string } | null>(null);

  const dataChanged = useDataChanged(['registrations', 'people', 'organizations', 'movements']);
  const reload = useCallback(async () => {
    if (!movement) return;
    try {
      setView(await call('registrations.tracker', { movementId: movement.id, phaseId, allLevels }));
      setError(null);
    } catch (e) {
      setError(toAppError(e));
    }
  }, [movement, phaseId, allLevels]);

  useEffect(() => {
    void reload();
  }, [reload, version, dataChanged]);
  // Folded once per answer, not once per keystroke (an office may follow 1,500 units at every level).
  const searchable = useMemo(() => view?.units.map((unit) => ({ unit, folded: fold(`${unit.name} ${unit.code}`) })), [view]);

  if (!movement) return null;
  const key = fold(query);
  const units = key ? (searchable?.filter((s) => s.folded.includes(key)).map((s) => s.unit) ?? []) : (view?.units ?? []);
  const registered = (u: TrackerUnit) => u.status === 'submitted' || u.status === 'received';

  return (
    <Card>
      <ErrorAlert error={error} />
      {view && (
        <div className="reg-counts" data-testid="tracker-counts">
          <Statistic title="Đơn vị theo dõi" value={view.units.length} groupSeparator="." />
          <Statistic title="Đã đăng ký" value={view.registeredCount} groupSeparator="." />
          <Statistic title="Chưa đăng ký" value={view.missingCount} groupSeparator="." />
          {view.registrationDeadline && <Statistic title="Hạn đăng ký" value={showDate(view.registrationDeadline)} />}
        </div>
      )}
      <div className="reg-toolbar">
        <Input.Search aria-label="Tìm đơn vị" placeholder="Tìm đơn vị (gõ không dấu cũng được)" allowClear value={query} onChange={(e) => setQuery(e.target.value)} style={{ maxWidth: 320 }} />
        <Checkbox checked={allLevels} onChange={(e) => setAllLevels(e.target.checked)}>
          Mọi cấp dưới (không chỉ cấp dưới trực tiếp)
        </Checkbox>
        <Button type="primary" onClick={() => setEditing({ id: null, organizationId: null })}>
          Nhập bản đăng ký
        </Button>
        <Button disabled={!view || view.missingCount === 0} onClick={() => setDoc({ kind: 'registration-reminder', id: phaseId ?? movement.id, title: 'Công văn đôn đốc đăng ký thi đua' })}>
          In công văn đôn đốc
        </Button>
        <Button onClick={() => void exportList('tracker', movement.id, phaseId, (t) => message.success(t)).catch((e) => setError(toAppError(e)))}>Xuất Excel tình hình đăng ký</Button>
        <Button onClick={() => void exportList('individuals', movement.id, phaseId, (t) => message.success(t)).catch((e) => setError(toAppError(e)))}>Xuất Excel danh sách cá nhân</Button>
      </div>
      <Table<TrackerUnit>
        rowKey="organizationId"
        size="middle"
        data-testid="tracker-table"
        dataSource={units}
        pagination={false}
        // Every level below a province is over a thousand units: only the rows on screen are drawn.
        {...longListProps(units.length, 560, 1090)}
        locale={{ emptyText: 'Chưa có đơn vị cấp dưới nào trong danh mục' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'name', width: 380 },
          {
            title: 'Tình trạng',
            width: 170,
            render: (_, u) => (registered(u) ? <Tag color="green">{REGISTRATION_STATUS_LABELS[u.status!]}</Tag> : <Tag color="red">{u.status === 'draft' ? 'Đang soạn' : 'Chưa đăng ký'}</Tag>),
          },
          { title: 'Ngày nhận', dataIndex: 'receivedOn', width: 120, render: (v: string | null) => showDate(v) },
          { title: 'Cá nhân', dataIndex: 'individualCount', width: 90, align: 'right' },
          { title: 'Công trình', dataIndex: 'workCount', width: 100, align: 'right' },
          {
            title: '',
            width: 230,
            render: (_, u) => (
              <span>
                <Button size="small" type="link" onClick={() => setEditing({ id: u.registrationId, organizationId: u.organizationId })}>
                  {u.registrationId ? 'Mở' : 'Nhập đăng ký'}
                </Button>
                {u.registrationId && (
                  <Button size="small" type="link" onClick={() => setDoc({ kind: 'registration', id: u.registrationId!, title: `Bản đăng ký thi đua — ${u.name}` })}>
                    In bản đăng ký
                  </Button>
                )}
              </span>
            ),
          },
        ]}
      />
      {editing && (
        <RegistrationForm
          id={editing.id}
          organizationId={editing.organizationId}
          onClose={() => setEditing(null)}
          onSaved={() => {
            changed();
          }}
        />
      )}
      {doc && <DocumentModal {...doc} onClose={() => setDoc(null)} />}
    </Card>
  );
}
