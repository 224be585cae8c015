import { App as AntApp, Alert, Button, Card, Input, InputNumber, Radio, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import { MAX_PRINTER_OFFSET_MM, certificatePrinters, printerProfile, type PrinterProfile } from '@shared/schemas/settings';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';

interface Row extends PrinterProfile {
  key: number;
}

let nextKey = 1;
const withKey = (p: PrinterProfile): Row => ({ ...p, key: nextKey++ });

/**
 * "Máy in Giấy khen": one named profile per printer with its offsets. The clerk exports the test page,
 * prints it on plain paper, lays it over a blank and enters how far the boxes are off.
 */
export function CertificatePrintersCard() {
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  const [defaultKey, setDefaultKey] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (s: { profiles: PrinterProfile[]; defaultName: string | null }) => {
    const list = s.profiles.map(withKey);
    setRows(list);
    setDefaultKey(list.find((r) => r.name === s.defaultName)?.key ?? null);
  };

  useEffect(() => {
    call('settings.certificatePrinters.get', {}).then(show, (e) => setError(toAppError(e)));
  }, []);

  const edit = (key: number, patch: Partial<PrinterProfile>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = async () => {
    setError(null);
    setProblem(null);
    const input = {
      profiles: rows.map(({ name, offsetX, offsetY }) => ({ name, offsetX, offsetY })),
      defaultName: rows.find((r) => r.key === defaultKey)?.name.trim() ?? null,
    };
    const parsed = certificatePrinters.safeParse(input);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0].message);
      return;
    }
    setBusy(true);
    try {
      show(await call('settings.certificatePrinters.set', parsed.data));
      message.success('Đã lưu máy in Giấy khen');
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const exportTestPage = async (row: Row) => {
    setError(null);
    setProblem(null);
    const parsed = printerProfile.safeParse({ name: row.name, offsetX: row.offsetX, offsetY: row.offsetY });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0].message);
      return;
    }
    try {
      const r = await call('settings.certificatePrinters.exportTestPage', parsed.data);
      if (r.path) message.success(`Đã lưu trang in thử: ${r.path}`);
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const offsetInput = (row: Row, field: 'offsetX' | 'offsetY', label: string) => (
    <InputNumber
      aria-label={`${label} ${row.name}`}
      step={0.5}
      decimalSeparator=","
      value={row[field]}
      onChange={(v) => edit(row.key, { [field]: v ?? 0 })}
      style={{ width: 100 }}
    />
  );

  return (
    <Card
      title="Máy in Giấy khen"
      data-testid="certificate-printers-card"
      extra={
        <Space>
          <Button onClick={() => setRows((rs) => [...rs, withKey({ name: `Máy in ${rs.length + 1}`, offsetX: 0, offsetY: 0 })])}>Thêm máy in</Button>
          <Button type="primary" loading={busy} onClick={() => void save()}>
            Lưu máy in
          </Button>
        </Space>
      }
    >
      <p className="muted">
        Mỗi máy in đặt lệch một ít. Xuất trang in thử, in lên giấy trắng, đặt chồng lên phôi Giấy khen trước ánh sáng và đo: ô
        in lệch sang phải / xuống dưới bao nhiêu mm thì nhập số âm bấy nhiêu (trong khoảng ±{MAX_PRINTER_OFFSET_MM} mm).
      </p>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <ErrorAlert error={error} />
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: 'Chưa có máy in nào' }}
        columns={[
          {
            title: 'Tên máy in',
            render: (_: unknown, r) => <Input aria-label="Tên máy in" value={r.name} onChange={(e) => edit(r.key, { name: e.target.value })} maxLength={80} />,
          },
          { title: 'Lệch ngang (mm)', width: 150, render: (_: unknown, r) => offsetInput(r, 'offsetX', 'Độ lệch ngang') },
          { title: 'Lệch dọc (mm)', width: 150, render: (_: unknown, r) => offsetInput(r, 'offsetY', 'Độ lệch dọc') },
          {
            title: 'Mặc định',
            width: 90,
            render: (_: unknown, r) => <Radio aria-label={`Mặc định ${r.name}`} checked={defaultKey === r.key} onChange={() => setDefaultKey(r.key)} />,
          },
          {
            title: 'Thao tác',
            width: 220,
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => void exportTestPage(r)}>
                  Xuất trang in thử
                </Button>
                <Button size="small" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} aria-label={`Xóa ${r.name}`}>
                  Xóa
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
