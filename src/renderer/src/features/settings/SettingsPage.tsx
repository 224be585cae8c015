import { App as AntApp, Button, Card, Descriptions, Form, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, BackupInfo } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { ORG_LEVEL_LABELS } from '@shared/schemas/organizations';
import { call, toAppError } from '../../api/client';
import { showDateTime } from '../../lib/dates';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { formatBytes } from '../../lib/files';
import { applyServerErrors } from '../../lib/serverErrors';
import { SIGNER_LABELS, SignerFields, signerInput, type SignerValues } from '../../lib/SignerFields';
import { useOffice } from '../../stores/office';
import { useOrganizations } from '../../stores/organizations';
import { usePeople } from '../../stores/people';
import { useQuery } from '../../lib/query';
import { CommendationSettingsLink } from '../commendations/CommendationSettings';
import { CertificatePrintersCard } from './CertificatePrintersCard';
import { DocumentLayoutCard } from './DocumentLayoutCard';

const BACKUP_REASONS: Record<string, string> = {
  manual: 'Sao lưu thủ công',
  daily: 'Sao lưu hằng ngày',
  migration: 'Trước khi nâng cấp dữ liệu',
  import: 'Trước khi nhập dữ liệu',
  restore: 'Trước khi khôi phục',
};

function OfficeSettings() {
  const { office, update } = useOffice();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SignerValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  // After a restore the office may be different: show what is stored now.
  useEffect(() => {
    if (office) form.setFieldsValue({ signerAuthority: office.signerAuthority, signerTitle: office.signerTitle, signerName: office.signerName });
  }, [office, form]);

  if (!office) return null;

  const finish = async (v: SignerValues) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await update(signerInput(v));
      form.setFieldsValue({ signerAuthority: saved.signerAuthority, signerTitle: saved.signerTitle, signerName: saved.signerName });
      message.success('Đã lưu thông tin người ký');
    } catch (e) {
      const err = toAppError(e);
      setError(err);
      applyServerErrors(form, err, SIGNER_LABELS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Đơn vị sử dụng phần mềm">
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'name', label: 'Tên đơn vị', children: office.name },
          { key: 'level', label: 'Cấp công đoàn', children: ORG_LEVEL_LABELS[office.level] },
          { key: 'short', label: 'Tên viết tắt', children: office.shortName || '—' },
          { key: 'abbr', label: 'Chữ viết tắt trong số ký hiệu', children: office.abbreviation || '—' },
          { key: 'place', label: 'Địa danh', children: office.placeName || '—' },
          { key: 'parent', label: 'Dòng cơ quan chủ quản', children: office.parentLine || '—' },
        ]}
      />
      <p className="muted">Tên, chữ viết tắt và địa danh thay đổi theo thời gian: sửa bằng “Đổi tên” trong mục Đơn vị & cá nhân.</p>
      <h3>Người ký văn bản (mặc định)</h3>
      <ErrorAlert error={error} />
      <Form<SignerValues>
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={{ signerAuthority: office.signerAuthority, signerTitle: office.signerTitle, signerName: office.signerName }}
        style={{ maxWidth: 520 }}
      >
        <SignerFields />
        <Button type="primary" htmlType="submit" loading={busy}>
          Lưu thông tin người ký
        </Button>
      </Form>
    </Card>
  );
}

function Backups() {
  const { message, modal } = AntApp.useApp();
  const [list, setList] = useState<BackupInfo[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setList(await call('backup.list', {}));
      setError(null);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    setCreating(true);
    setError(null);
    setNotice(null);
    try {
      const b = await call('backup.create', {});
      setNotice(`Đã sao lưu: ${b.fileName}`);
      message.success('Đã sao lưu dữ liệu');
      await load();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setCreating(false);
    }
  };

  const restore = (b: BackupInfo) => {
    modal.confirm({
      title: 'Khôi phục dữ liệu?',
      content: `Toàn bộ dữ liệu hiện tại sẽ được thay bằng bản sao lưu lúc ${showDateTime(b.createdAt)} (${b.fileName}). Phần mềm sẽ tự sao lưu dữ liệu hiện tại trước khi khôi phục.`,
      okText: 'Khôi phục',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      autoFocusButton: 'cancel',
      onOk: async () => {
        setError(null);
        setNotice(null);
        try {
          const r = await call('backup.restore', { fileName: b.fileName });
          setNotice(`Đã khôi phục dữ liệu từ ${r.restoredFrom}`);
          message.success('Đã khôi phục dữ liệu');
          // Everything on screen may have changed.
          await useOffice.getState().load();
          await useOrganizations.getState().select(null);
          await useOrganizations.getState().load();
          usePeople.setState({ items: [], total: 0, page: 1 });
          await load();
        } catch (e) {
          setError(toAppError(e));
        }
      },
    });
  };

  return (
    <Card
      title="Sao lưu và khôi phục"
      extra={
        <Space>
          <Button onClick={() => void load()} disabled={loading}>
            Tải lại
          </Button>
          <Button type="primary" loading={creating} onClick={() => void create()}>
            Sao lưu ngay
          </Button>
        </Space>
      }
    >
      <p className="muted">
        Phần mềm tự sao lưu hằng ngày và trước mỗi lần nhập dữ liệu hoặc nâng cấp. Có thể khôi phục lại bất kỳ bản nào dưới
        đây.
      </p>
      {notice && <p role="status" data-testid="backup-notice">{notice}</p>}
      <ErrorAlert error={error} />
      <Table<BackupInfo>
        rowKey="fileName"
        size="small"
        loading={loading ? { description: 'Đang tải…' } : false}
        dataSource={list}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: 'Chưa có bản sao lưu nào' }}
        columns={[
          { title: 'Thời điểm', dataIndex: 'createdAt', width: 160, render: (v: string) => showDateTime(v) },
          { title: 'Lý do', dataIndex: 'reason', render: (v: string) => BACKUP_REASONS[v] ?? v },
          { title: 'Tệp', dataIndex: 'fileName' },
          { title: 'Dung lượng', dataIndex: 'sizeBytes', width: 110, render: (v: number) => formatBytes(v) },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 120,
            render: (_: unknown, b) => (
              <Button size="small" danger onClick={() => restore(b)} aria-label={`Khôi phục ${b.fileName}`}>
                Khôi phục
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function About() {
  const info: AppInfo | null = useQuery('app.info', {}, 'thông tin phần mềm').data ?? null;
  if (!info) return null;
  return (
    <Card title="Thông tin phần mềm">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'v', label: 'Phiên bản', children: info.version },
          { key: 's', label: 'Phiên bản dữ liệu', children: info.schemaVersion },
          { key: 'd', label: 'Thư mục dữ liệu', children: info.dataDir },
          { key: 't', label: 'Chế độ chạy', children: info.transport === 'electron' ? 'Ứng dụng máy tính' : 'Trình duyệt (kiểm thử)' },
        ]}
      />
    </Card>
  );
}

export function SettingsPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <OfficeSettings />
      <CommendationSettingsLink />
      <DocumentLayoutCard />
      <CertificatePrintersCard />
      <Backups />
      <About />
    </Space>
  );
}
