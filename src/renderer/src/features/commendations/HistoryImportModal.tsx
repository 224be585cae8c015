import { Alert, Button, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { HistoryImportPreview, HistoryImportRow } from '@shared/schemas/award-conditions';
import type { AppError } from '@shared/errors';
import { LEGACY_ENCODING_LABELS } from '@shared/vi-text/legacy-encodings';
import { identityOfNumberText } from '@shared/vi-text/doc-number';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { fileToBase64 } from '../../lib/files';
import { PersonChoice } from '../people/PersonChoice';

const ACTION: Record<HistoryImportRow['action'], { label: string; color: string }> = {
  new: { label: 'Mới', color: 'green' },
  unchanged: { label: 'Đã có', color: 'default' },
  error: { label: 'Lỗi', color: 'red' },
};

/** The cells that say who a row's person is: rows alike are one person, so one answer serves them all. */
const personCells = (r: HistoryImportRow) => [r.values.fullName, r.values.unit, r.values.birthYear, r.values.birthDate, r.values.idNumber].join('|');

/** Past decisions from Excel: pick the file, check the column mapping and every row, then import all or nothing. */
export function HistoryImportModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (summary: string) => void }) {
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<HistoryImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | undefined>();
  /** sheet row → person id or 'new', as the clerk answered (else the preview's suggestion) */
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  /** Reads the sheet with the clerk's person choices: a row's "Mới / Đã có" depends on who its person is. */
  const check = async (f = file, m = mapping, c = choices) => {
    if (!f) return;
    setBusy(true);
    setError(null);
    try {
      const p = await call('awardHistory.previewImport', { file: f, mapping: m, personChoices: c });
      setPreview(p);
      setChoices(c);
      setMapping(p.mapping);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  const run = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('awardHistory.import', { file, mapping, personChoices: choices });
      // The result stays on the page (not a passing toast): the clerk may be looking away while a big file imports.
      onDone(`Đã nhập ${r.created} dòng mới (${r.unchanged} dòng đã có); ${r.peopleCreated} cá nhân mới, ${r.peopleMatched} cá nhân đã có trong danh mục.`);
      close();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setFile(null);
    setPreview(null);
    setMapping(undefined);
    setChoices({});
    setError(null);
    onClose();
  };
  const columns = preview ? [{ value: '', label: '(không dùng)' }, ...preview.headers.filter(Boolean).map((h) => ({ value: h, label: h }))] : [];

  return (
    <Modal
      open={open}
      width={1000}
      title="Nhập lịch sử khen thưởng từ Excel"
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close}>Đóng</Button>
          <Button type="primary" loading={busy} disabled={busy || !preview || preview.errors.length > 0 || preview.counts.new === 0} onClick={run}>
            Nhập {preview ? preview.counts.new : ''} dòng mới
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          Mỗi dòng: số và ngày quyết định, cơ quan ban hành, danh hiệu / hình thức, năm thành tích, họ tên (để trống nếu là tập thể), ngày sinh, số CCCD, đơn vị. Dòng đã nhập trước đây không nhập lại. Với cá nhân có thể trùng người đã có, chọn ở cột “Cá nhân” (áp dụng cho mọi dòng cùng họ tên, ngày sinh, CCCD, đơn vị).
        </Typography.Text>
        <Upload
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={async (f) => {
            const picked = { fileName: f.name, dataBase64: await fileToBase64(f) };
            setFile(picked);
            setMapping(undefined);
            await check(picked, undefined, {});
            return false;
          }}
        >
          <Button>{file ? `Tệp: ${file.fileName} — chọn tệp khác` : 'Chọn tệp Excel (.xlsx)'}</Button>
        </Upload>
        <ErrorAlert error={error} />
        {preview && (
          <>
            {preview.legacyEncoding && <Alert type="info" showIcon title={`Tệp gõ bằng bảng mã ${LEGACY_ENCODING_LABELS[preview.legacyEncoding]}: đã chuyển ${preview.convertedCells} ô sang Unicode.`} />}
            <Space wrap>
              {preview.fields.map((f) => (
                <Space key={f.key} size={4}>
                  <span>{f.label}{f.required ? ' *' : ''}</span>
                  <Select
                    aria-label={`Cột cho ${f.label}`}
                    style={{ width: 180 }}
                    value={mapping?.[f.key] ?? ''}
                    options={columns}
                    onChange={(v) => {
                      const next = { ...(mapping ?? {}), [f.key]: v };
                      if (!v) delete next[f.key];
                      setMapping(next);
                      void check(file, next, {});
                    }}
                  />
                </Space>
              ))}
            </Space>
            <Typography.Text>
              Dòng tiêu đề: {preview.headerRow}. Mới: {preview.counts.new}, đã có: {preview.counts.unchanged}, lỗi: {preview.counts.error}.
            </Typography.Text>
            {preview.errors.length > 0 && (
              <Alert type="error" showIcon title={`Tệp có ${preview.errors.length} lỗi; sửa rồi chọn lại tệp.`} description={<div style={{ maxHeight: 160, overflow: 'auto' }}>{preview.errors.slice(0, 200).map((e) => <div key={e}>{e}</div>)}</div>} />
            )}
            <Table<HistoryImportRow>
              size="small"
              rowKey="row"
              dataSource={preview.rows}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: 'Dòng', dataIndex: 'row', width: 60 },
                { title: 'Quyết định', render: (_: unknown, r) => `${identityOfNumberText(r.values.decisionNumber, null) ?? ''}${r.values.decisionDate ? ` ngày ${r.values.decisionDate}` : ''}` },
                { title: 'Danh hiệu / hình thức', render: (_: unknown, r) => r.values.form },
                { title: 'Năm', render: (_: unknown, r) => r.values.year, width: 60 },
                { title: 'Họ tên / đơn vị', render: (_: unknown, r) => r.values.fullName || r.values.unit },
                {
                  title: 'Cá nhân',
                  key: 'person',
                  width: 316,
                  render: (_: unknown, r) =>
                    r.values.fullName ? (
                      <PersonChoice
                        row={r}
                        value={choices[String(r.row)]}
                        onChange={(v) => {
                          const same = preview.rows.filter((x) => personCells(x) === personCells(r));
                          const next = { ...choices, ...Object.fromEntries(same.map((x) => [String(x.row), v])) };
                          setChoices(next);
                          void check(file, mapping, next);
                        }}
                      />
                    ) : (
                      ''
                    ),
                },
                { title: '', dataIndex: 'action', width: 80, render: (a: HistoryImportRow['action']) => <Tag color={ACTION[a].color}>{ACTION[a].label}</Tag> },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
