import { App as AntApp, Button, Card, Checkbox, Input, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DocumentKind } from '@shared/documents';
import type { AppError } from '@shared/errors';
import { REGISTRATION_STATUS_LABELS, type TrackerUnit, type TrackerView } from '@shared/schemas/registrations';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { showDate } from '../../lib/dates';
import { DocumentModal, exportList } from './DocumentModal';
import { RegistrationForm } from './RegistrationForm';
import { useRegistrationScope } from './scope';
import { useDataChanged } from '../../lib/query';

const PAGE_SIZE = 50;

/** Per phase: which units under this office have registered and which not, with a reminder letter. */
export function TrackerTab() {
  const { message } = AntApp.useApp();
  const { movement, phaseId, version, changed } = useRegistrationScope();
  const [view, setView] = useState<TrackerView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [query, setQuery] = useState('');
  const [allLevels, setAllLevels] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ id: string | null; organizationId: string | null } | null>(null);
  const [doc, setDoc] = useState<{ kind: DocumentKind; id: string; title: string } | null>(null);

  const dataChanged = useDataChanged(['registrations', 'people', 'organizations', 'movements']);
  const reload = useCallback(async () => {
    if (!movement) return;
    try {
      // The core filters (folded), counts and cuts the page: an office may follow thousands of units.
      setView(await call('registrations.tracker', { movementId: movement.id, phaseId, allLevels, query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
      setError(null);
    } catch (e) {
      setError(toAppError(e));
    }
  }, [movement, phaseId, allLevels, query, page]);

  // A new scope or query starts again from the first page.
  useEffect(() => setPage(1), [movement, phaseId, allLevels, query]);

  useEffect(() => {
    const t = setTimeout(() => void reload(), 150);
    return () => clearTimeout(t);
  }, [reload, version, dataChanged]);

  if (!movement) return null;
  const units = view?.units ?? [];
  const registered = (u: TrackerUnit) => u.status === 'submitted' || u.status === 'received';

  return (
    <Card>
      <ErrorAlert error={error} />
      {view && (
        <div className="reg-counts" data-testid="tracker-counts">
          <Statistic title="Đơn vị theo dõi" value={view.registeredCount + view.missingCount} groupSeparator="." />
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
        pagination={{ current: page, pageSize: PAGE_SIZE, total: view?.unitTotal ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true, showTotal: (t) => `${t} đơn vị` }}
        locale={{ emptyText: 'Chưa có đơn vị cấp dưới nào trong danh mục' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'name' },
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
