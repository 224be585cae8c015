import { Button, Card, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, StartupState } from '@shared/contract';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';
import { showDateTime } from '../../lib/dates';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { formatBytes } from '../../lib/files';

/** Error codes with which the core refuses to open the data at start (then this screen is shown). */
export const STARTUP_REFUSALS = new Set(['DB_MISSING', 'DB_INVALID', 'DB_TOO_NEW', 'DB_READ_ONLY', 'DISK_FULL', 'FILE_SYSTEM']);

/**
 * The clerk's way back when the data cannot be opened (lost, damaged, read-only, newer) or on a new
 * computer that only has the backups folder: the reason, then the backups newest first, one click each.
 */
export function RestoreFromBackups({ onRestored, firstRun = false }: { onRestored: () => void; firstRun?: boolean }) {
  const [state, setState] = useState<StartupState | null>(null);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const s = await call('app.getStartupState', {});
      setState(s);
      setBackups(s.status === 'refused' ? s.backups : await call('backup.list', {}));
    } catch (e) {
      setError(toAppError(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const restore = async (b: BackupInfo) => {
    setBusy(b.fileName);
    setError(null);
    try {
      await call('backup.restore', { fileName: b.fileName });
      onRestored();
    } catch (e) {
      setError(toAppError(e));
      await load();
    } finally {
      setBusy(null);
    }
  };

  if (firstRun && backups.length === 0) return null;
  return (
    <Card className="setup-card" data-testid="restore-from-backups">
      <Typography.Title level={firstRun ? 4 : 3} style={{ marginTop: 0 }}>
        {firstRun ? 'Hoặc khôi phục từ bản sao lưu' : 'Không mở được dữ liệu — khôi phục từ bản sao lưu'}
      </Typography.Title>
      {state?.status === 'refused' && <ErrorAlert error={toAppError(state.error)} />}
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">
        {backups.length
          ? 'Chọn bản sao lưu để khôi phục (bản mới nhất ở trên cùng). Tệp dữ liệu không mở được sẽ được giữ lại bên cạnh với tên "tdkt-hong-…", không bị xóa.'
          : 'Không tìm thấy bản sao lưu nào trong thư mục sao lưu. Hãy chép các tệp sao lưu (tdkt-….sqlite) vào thư mục "backups" trong thư mục dữ liệu rồi bấm "Tải lại".'}
      </Typography.Paragraph>
      <List<BackupInfo>
        size="small"
        bordered
        dataSource={backups}
        locale={{ emptyText: 'Chưa có bản sao lưu nào' }}
        pagination={backups.length > 8 ? { pageSize: 8, size: 'small' } : false}
        renderItem={(b, i) => (
          <List.Item
            actions={[
              <Button
                key="restore"
                type={i === 0 ? 'primary' : 'default'}
                loading={busy === b.fileName}
                disabled={busy !== null && busy !== b.fileName}
                onClick={() => void restore(b)}
                aria-label={`Khôi phục bản sao lưu lúc ${showDateTime(b.createdAt)}`}
              >
                Khôi phục
              </Button>,
            ]}
          >
            <List.Item.Meta title={showDateTime(b.createdAt)} description={`${b.reason} · ${formatBytes(b.sizeBytes)} · ${b.fileName}`} />
          </List.Item>
        )}
      />
      <Space style={{ marginTop: 12 }}>
        <Button onClick={() => void load()}>Tải lại</Button>
      </Space>
    </Card>
  );
}
