import { App as AntApp, Button, Card, Checkbox, Descriptions, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { MovementSummary } from '@shared/schemas/movements';
import type { JournalEntry, KindView, PackageKind, PackagePreview, PartnerView, PreviewRow, RecordStatus, StatusCounts } from '@shared/schemas/exchange';
import { call, toAppError } from '../../api/client';
import { showDateTime } from '../../lib/dates';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { fileToBase64 } from '../../lib/files';
import { useOpenedPackage, type PickedFile } from './openedPackage';
import { DuplicatesNotice } from '../people/DuplicatesNotice';

const STATUS: Record<RecordStatus, { label: string; color: string }> = {
  new: { label: 'Mới', color: 'green' },
  changed: { label: 'Thay đổi', color: 'blue' },
  unchanged: { label: 'Không đổi', color: 'default' },
  refused: { label: 'Từ chối', color: 'red' },
};

const countsText = (c: StatusCounts) => `${c.new} mới, ${c.changed} thay đổi, ${c.unchanged} không đổi, ${c.refused} từ chối`;

/** Export one package kind to one partner; the kind's direction decides which partners fit. */
export function SendCard({ partners }: { partners: PartnerView[] }) {
  const { message } = AntApp.useApp();
  const [kinds, setKinds] = useState<KindView[]>([]);
  const [movements, setMovements] = useState<MovementSummary[]>([]);
  const [form] = Form.useForm<{ kind: PackageKind; receiverId: string; movementId?: string; full: boolean }>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('exchange.kinds', {}).then(setKinds, (e) => setError(toAppError(e)));
    call('movements.list', {}).then(setMovements, () => setMovements([]));
  }, []);
  const spec = kinds.find((k) => k.kind === kind);
  const receivers = partners.filter((p) => !spec || (spec.direction === 'down') === p.lower);

  const submit = async (v: { kind: PackageKind; receiverId: string; movementId?: string; full: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('exchange.export', { kind: v.kind, receiverId: v.receiverId, movementId: v.movementId || undefined, full: !!v.full });
      if (r.path) message.success(`Đã tạo gói số ${r.sequence} (${r.records} bản ghi): ${r.path}`);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Gửi gói dữ liệu" size="small">
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ full: false }}>
        <Form.Item name="kind" label="Loại gói" rules={[{ required: true, message: 'Chọn loại gói' }]}>
          {/* Disabled while the kinds load: a list that grows while open moves an option under the pointer. */}
          <Select
            disabled={!kinds.length}
            loading={!kinds.length && !error}
            placeholder={kinds.length ? 'Chọn loại gói' : 'Đang tải các loại gói…'}
            options={kinds.map((k) => ({ value: k.kind, label: `${k.label} (${k.direction === 'down' ? 'gửi xuống' : 'gửi lên'})${k.available ? '' : ' — chưa hỗ trợ'}`, disabled: !k.available }))}
          />
        </Form.Item>
        <Form.Item name="receiverId" label="Đơn vị nhận" rules={[{ required: true, message: 'Chọn đơn vị nhận' }]}>
          <Select options={receivers.map((p) => ({ value: p.officeId, label: p.officeName }))} notFoundContent="Chưa có đơn vị phù hợp (hãy nhận tệp khóa trước)" />
        </Form.Item>
        {spec?.scope !== 'none' && spec && (
          <Form.Item name="movementId" label="Phong trào (để trống: tất cả)">
            <Select allowClear options={movements.map((m) => ({ value: m.id, label: `${m.name} (${m.year})` }))} />
          </Form.Item>
        )}
        <Form.Item name="full" valuePropName="checked">
          <Checkbox>Gửi lại toàn bộ (không chỉ phần thay đổi từ gói trước)</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          Tạo gói (.tdkt)
        </Button>
      </Form>
    </Card>
  );
}

/** Choose a .tdkt → preview of every record → "Áp dụng". */
export function ImportCard({ onApplied }: { onApplied: () => void }) {
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<(PackagePreview & { fileName: string }) | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const opened = useOpenedPackage((s) => s.file);

  const load = useCallback(async (file: PickedFile) => {
    setError(null);
    setPreview(null);
    setBusy(true);
    try {
      setPreview({ ...(await call('exchange.preview', file)), fileName: file.fileName });
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    if (!opened) return;
    const file = useOpenedPackage.getState().take();
    if (file) void load(file);
  }, [opened, load]);

  const pick = async (f: File | undefined) => {
    if (!f) return;
    try {
      await load({ fileName: f.name, dataBase64: await fileToBase64(f) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  // Bumped after each apply: the people the package brought are checked against those already here.
  const [applied, setApplied] = useState(0);
  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const r = await call('exchange.apply', { token: preview.token });
      message.success(`Đã áp dụng gói: ${countsText(r.counts)}. Bản sao lưu trước khi nhập: ${r.backupFile}`);
      setPreview(null);
      setApplied((n) => n + 1);
      onApplied();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Nhận gói dữ liệu" size="small" extra={<Button onClick={() => input.current?.click()}>Chọn tệp gói (.tdkt)…</Button>}>
      <input ref={input} type="file" accept=".tdkt" className="hidden-file-input" aria-label="Chọn tệp gói trao đổi" data-testid="package-import-input" onChange={(e) => void pick(e.target.files?.[0])} />
      {applied > 0 && !preview && <DuplicatesNotice key={applied} />}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {preview && (
        <div data-testid="package-preview">
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="Tệp">{preview.fileName}</Descriptions.Item>
            <Descriptions.Item label="Loại gói">{preview.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị gửi">{preview.senderName}</Descriptions.Item>
            <Descriptions.Item label="Mã nhận diện">{preview.senderFingerprint}</Descriptions.Item>
            <Descriptions.Item label="Gói số">
              {preview.sequence}
              {preview.sequence <= preview.lastSequence ? ` (cũ hơn gói số ${preview.lastSequence} đã nhập — bản mới hơn được giữ nguyên)` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Tạo lúc">{showDateTime(preview.created)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph strong data-testid="preview-counts">
            {countsText(preview.counts)}
          </Typography.Paragraph>
          <Table<PreviewRow>
            size="small"
            rowKey={(r) => `${r.table}:${r.id}`}
            dataSource={preview.rows}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: 'Tình trạng', dataIndex: 'status', width: 110, render: (s: RecordStatus) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
              { title: 'Loại', dataIndex: 'tableLabel', width: 150 },
              { title: 'Bản ghi', dataIndex: 'label' },
              { title: 'Lý do', dataIndex: 'reason' },
            ]}
          />
          {preview.omitted > 0 && <Typography.Text type="secondary">… và {preview.omitted} bản ghi khác.</Typography.Text>}
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={busy} disabled={preview.counts.new + preview.counts.changed === 0} onClick={() => void apply()}>
              Áp dụng
            </Button>
            <Button onClick={() => setPreview(null)}>Bỏ qua</Button>
          </Space>
        </div>
      )}
    </Card>
  );
}

/** Every imported package, newest first; a whole package can be undone. */
export function JournalCard({ version }: { version: number }) {
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<JournalEntry[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const reload = useCallback(() => {
    call('exchange.journal', {}).then(setRows, (e) => setError(toAppError(e)));
  }, []);
  useEffect(reload, [reload, version]);
  const undo = async (importId: number) => {
    try {
      const r = await call('exchange.undo', { importId });
      message.success(`Đã hoàn tác gói (${r.restored} bản ghi trở lại như trước khi nhập).`);
      reload();
    } catch (e) {
      setError(toAppError(e));
    }
  };
  return (
    <Card title="Nhật ký nhận gói" size="small">
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Table<JournalEntry>
        size="small"
        rowKey="importId"
        dataSource={rows}
        data-testid="exchange-journal"
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: 'Chưa nhận gói nào.' }}
        columns={[
          { title: 'Nhập lúc', dataIndex: 'importedAt', render: (s: string) => showDateTime(s) },
          { title: 'Đơn vị gửi', dataIndex: 'senderName' },
          { title: 'Loại gói', dataIndex: 'kindLabel' },
          { title: 'Gói số', dataIndex: 'sequence' },
          { title: 'Kết quả', render: (_, r) => countsText(r.counts) },
          {
            title: '',
            render: (_, r) =>
              r.undoneAt ? (
                <Tag>Đã hoàn tác {showDateTime(r.undoneAt)}</Tag>
              ) : (
                <Popconfirm title="Hoàn tác toàn bộ gói này?" okText="Hoàn tác" cancelText="Không" onConfirm={() => void undo(r.importId)}>
                  <Button size="small">Hoàn tác</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
