import { App as AntApp, Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import { WORK_STATUSES, WORK_STATUS_LABELS, type WorkAction, type WorkPage, type WorkStatus, type WorkView } from '@shared/schemas/registrations';
import { formatNumberVi } from '@shared/vi-text/money';
import { call, toAppError } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { FormModal } from '../../lib/FormModal';
import { dayjs, showDate, toApiDate } from '../../lib/dates';
import { DocumentModal, exportList } from './DocumentModal';
import { useRegistrationScope } from './scope';
import { useDataChanged } from '../../lib/query';

const PAGE_SIZE = 50;

const STATUS_COLORS: Record<WorkStatus, string> = { registered: 'default', approved: 'blue', plaque_attached: 'gold', done: 'green', refused: 'red' };

/** The actions each status offers, in the order of the flow. */
const ACTIONS: Record<WorkStatus, { action: WorkAction; label: string }[]> = {
  registered: [{ action: 'approve', label: 'Duyệt gắn biển' }, { action: 'refuse', label: 'Không duyệt' }],
  approved: [{ action: 'attach', label: 'Đã gắn biển' }, { action: 'refuse', label: 'Không duyệt' }],
  plaque_attached: [{ action: 'done', label: 'Đã hoàn thành' }],
  done: [{ action: 'reset', label: 'Đưa về đã đăng ký' }],
  refused: [{ action: 'approve', label: 'Duyệt gắn biển' }, { action: 'reset', label: 'Đưa về đã đăng ký' }],
};

function ReviewModal({ work, action, label, onClose, onDone }: { work: WorkView; action: WorkAction; label: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ date: Dayjs | null; note?: string }>();
  return (
    <FormModal<{ date: Dayjs | null; note?: string }>
      open
      title={`${label}: ${work.name}`}
      okText={label}
      form={form}
      initialValues={{ date: dayjs(), note: '' }}
      labels={{ date: 'Ngày', note: 'Ghi chú xét duyệt' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await call('registrations.reviewWork', { workId: work.id, action, date: toApiDate(v.date) ?? '', note: v.note ?? '' });
        onDone();
      }}
    >
      <Form.Item label="Ngày" name="date" rules={[{ required: true, message: 'Ngày: chưa nhập' }, dateRule]}>
        <DateInput />
      </Form.Item>
      <Form.Item label="Ghi chú xét duyệt" name="note">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}

/** Review of works for plaques: filters, folded search, approve → plaque → done, exports. */
export function WorksTab() {
  const { message } = AntApp.useApp();
  const { movement, phaseId, occasions, version, changed } = useRegistrationScope();
  const [works, setWorks] = useState<WorkPage>({ total: 0, items: [] });
  const [page, setPage] = useState(1);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<WorkStatus | undefined>();
  const [occasionId, setOccasionId] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [review, setReview] = useState<{ work: WorkView; action: WorkAction; label: string } | null>(null);
  const [doc, setDoc] = useState(false);

  const dataChanged = useDataChanged(['registrations']);
  const reload = useCallback(async () => {
    if (!movement) return;
    try {
      // The core filters, counts and cuts the page: a phase can hold tens of thousands of works.
      setWorks(await call('registrations.works', { movementId: movement.id, phaseId, status, occasionId, query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
      setError(null);
    } catch (e) {
      setError(toAppError(e));
    }
  }, [movement, phaseId, status, occasionId, query, page]);

  // A new filter starts again from the first page.
  useEffect(() => setPage(1), [movement, phaseId, status, occasionId, query]);

  useEffect(() => {
    const t = setTimeout(() => void reload(), 250);
    return () => clearTimeout(t);
  }, [reload, version, dataChanged]);

  if (!movement) return null;
  return (
    <Card>
      <ErrorAlert error={error} />
      <div className="reg-toolbar">
        <Input.Search aria-label="Tìm công trình" placeholder="Tìm công trình, đơn vị (gõ không dấu cũng được)" allowClear value={query} onChange={(e) => setQuery(e.target.value)} style={{ maxWidth: 340 }} />
        <Select<WorkStatus>
          aria-label="Lọc theo tình trạng"
          placeholder="Mọi tình trạng"
          allowClear
          style={{ width: 210 }}
          value={status}
          onChange={(v) => setStatus(v ?? undefined)}
          options={WORK_STATUSES.map((s) => ({ value: s, label: WORK_STATUS_LABELS[s], title: WORK_STATUS_LABELS[s] }))}
        />
        <Select<string>
          aria-label="Lọc theo dịp gắn biển"
          placeholder="Mọi dịp gắn biển"
          allowClear
          style={{ width: 260 }}
          value={occasionId}
          onChange={(v) => setOccasionId(v ?? undefined)}
          options={occasions.map((o) => ({ value: o.id, label: o.name, title: o.name }))}
        />
        <Button onClick={() => setDoc(true)}>In danh sách công trình</Button>
        <Button onClick={() => void exportList('works', movement.id, phaseId, (t) => message.success(t)).catch((e) => setError(toAppError(e)))}>Xuất Excel</Button>
      </div>
      <Table<WorkView>
        rowKey="id"
        size="middle"
        data-testid="works-table"
        // The name keeps a readable width at 1366 px; the table scrolls sideways rather than wrap it word by word.
        scroll={{ x: 1420 }}
        dataSource={works.items}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: works.total, showSizeChanger: false, onChange: setPage, showTotal: (t) => `${t} công trình, sản phẩm` }}
        locale={{ emptyText: 'Chưa có công trình, sản phẩm nào' }}
        columns={[
          { title: 'Tên công trình, sản phẩm', dataIndex: 'name', width: 260 },
          { title: 'Đơn vị', dataIndex: 'organizationName', width: 220 },
          { title: 'Giá trị (đồng)', dataIndex: 'valueDong', width: 150, align: 'right', render: (v: number | null) => (v === null ? '' : formatNumberVi(v)) },
          { title: 'Khởi công – hoàn thành', width: 190, render: (_, w) => [showDate(w.startDate), showDate(w.finishDate)].filter(Boolean).join(' – ') },
          { title: 'Dịp gắn biển', dataIndex: 'occasionName', width: 200 },
          {
            title: 'Tình trạng',
            width: 200,
            render: (_, w) => (
              <div>
                <Tag color={STATUS_COLORS[w.status]}>{WORK_STATUS_LABELS[w.status]}</Tag>
                <div className="muted">{[w.approvedOn && `duyệt ${showDate(w.approvedOn)}`, w.plaqueOn && `gắn biển ${showDate(w.plaqueOn)}`, w.doneOn && `hoàn thành ${showDate(w.doneOn)}`].filter(Boolean).join('; ')}</div>
                {w.reviewNote && <div className="muted">{w.reviewNote}</div>}
              </div>
            ),
          },
          {
            title: '',
            width: 200,
            render: (_, w) =>
              ACTIONS[w.status].map((a) => (
                <Button key={a.action} size="small" type="link" onClick={() => setReview({ work: w, ...a })}>
                  {a.label}
                </Button>
              )),
          },
        ]}
      />
      {review && (
        <ReviewModal
          {...review}
          onClose={() => setReview(null)}
          onDone={() => {
            message.success(`Đã cập nhật: ${review.work.name}`);
            changed();
          }}
        />
      )}
      {doc && <DocumentModal kind="works-list" id={phaseId ?? movement.id} title="Danh sách công trình, sản phẩm gắn biển" onClose={() => setDoc(false)} />}
    </Card>
  );
}
