import { Alert, App as AntApp, Button, Card, Checkbox, Radio, Select, Steps, Table, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind, type ImportPreview, type ImportResult, type ImportRowPreview, PREVIEW_FIRST_ROWS } from '@shared/schemas/registrations';
import { LEGACY_ENCODING_LABELS } from '@shared/vi-text/legacy-encodings';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { JobProgress } from '../../lib/JobProgress';
import { fileToBase64 } from '../../lib/files';
import { useRegistrationScope } from './scope';
import { DuplicatesNotice } from '../people/DuplicatesNotice';
import { PersonChoice } from '../people/PersonChoice';

const ACTION_TAGS: Record<ImportRowPreview['action'], { color: string; label: string }> = {
  new: { color: 'green', label: 'Mới' },
  update: { color: 'blue', label: 'Cập nhật' },
  unchanged: { color: 'default', label: 'Đã có, không đổi' },
  error: { color: 'red', label: 'Lỗi' },
};

/** Choose file → map columns (saved for next time) → preview with errors per row → import. */
export function ImportWizard() {
  const { message } = AntApp.useApp();
  const { movement, phaseId, changed } = useRegistrationScope();
  const [kind, setKind] = useState<ImportKind>('individuals');
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [saveMapping, setSaveMapping] = useState(true);
  // The clerk's answer per person row (sheet row → person id or 'new'); rows left alone take the suggestion.
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // The checked rows stay in the core: the table asks for one page at a time.
  const [rowsPage, setRowsPage] = useState<{ page: number; onlyErrors: boolean; total: number; items: ImportRowPreview[] }>({ page: 1, onlyErrors: false, total: 0, items: [] });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (preview) setRowsPage({ page: 1, onlyErrors: false, total: preview.rowCount, items: preview.rows });
  }, [preview]);

  const showRows = async (page: number, onlyErrors: boolean) => {
    if (!preview) return;
    // The filter and the page show at once; the rows follow.
    setRowsPage((r) => ({ ...r, page, onlyErrors }));
    try {
      const p = await call('registrations.previewRows', { previewId: preview.previewId, onlyErrors, limit: PREVIEW_FIRST_ROWS, offset: (page - 1) * PREVIEW_FIRST_ROWS });
      setRowsPage({ page, onlyErrors, ...p });
    } catch (e) {
      setError(toAppError(e));
    }
  };

  if (!movement) return null;
  const scope = { movementId: movement.id, phaseId };

  const runPreview = async (f: { fileName: string; dataBase64: string }, m?: Record<string, string>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const p = await call('registrations.previewImport', { ...scope, kind, file: f, mapping: m });
      setPreview(p);
      setChoices({});
      setMapping(p.mapping);
    } catch (e) {
      setPreview(null);
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    const picked = { fileName: f.name, dataBase64: await fileToBase64(f) };
    setFile(picked);
    if (input.current) input.current.value = '';
    await runPreview(picked);
  };

  const doImport = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('registrations.import', { ...scope, kind, file, mapping, saveMapping, ...(kind === 'individuals' ? { personChoices: choices } : {}) });
      setResult(r);
      message.success('Đã nhập dữ liệu đăng ký');
      changed();
      await runPreview(file, mapping).then(() => setResult(r));
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const step = !preview ? 0 : result ? 3 : preview.errorCount ? 1 : 2;
  const headerOptions = (preview?.headers ?? []).filter(Boolean).map((h) => ({ value: h, label: h, title: h }));

  return (
    <Card>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: 'Chọn tệp' }, { title: 'Chọn cột' }, { title: 'Xem trước' }, { title: 'Nhập' }]}
      />
      <div className="reg-toolbar">
        <Radio.Group
          aria-label="Loại dữ liệu"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ImportKind);
            setPreview(null);
            setFile(null);
            setResult(null);
          }}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
        />
        <Button type="primary" loading={busy && !preview} onClick={() => input.current?.click()}>
          Chọn tệp Excel…
        </Button>
        <Button
          onClick={() =>
            call('registrations.exportTemplate', { kind }).then(
              (r) => {
                if (r.path) message.success(`Đã lưu tệp mẫu: ${r.path}`);
              },
              (e) => setError(toAppError(e)),
            )
          }
        >
          Tải tệp mẫu
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          className="hidden-file-input"
          aria-label="Chọn tệp Excel đăng ký"
          data-testid="reg-import-input"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        {file && <span className="muted">{file.fileName}</span>}
        {busy && <JobProgress job={preview ? 'registrations.import' : 'registrations.previewImport'} />}
      </div>
      <ErrorAlert error={error} />
      {preview && (
        <>
          {preview.legacyEncoding && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="legacy-notice"
              title={`Tệp gõ bằng bảng mã cũ ${LEGACY_ENCODING_LABELS[preview.legacyEncoding]}: đã chuyển ${preview.convertedCells} ô sang Unicode. Hãy xem lại trước khi nhập.`}
            />
          )}
          <Card size="small" title={`Cột trong tệp (dòng tiêu đề: ${preview.headerRow}; ${preview.mappingSource === 'saved' ? 'dùng cách ghép cột đã lưu' : preview.mappingSource === 'given' ? 'cách ghép cột đã chọn' : 'gợi ý theo tên cột'})`} style={{ marginBottom: 12 }}>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 8 }}>
              {preview.fields.map((f) => (
                <label key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                  <span style={{ width: 150 }}>
                    {f.label}
                    {f.required ? ' *' : ''}
                  </span>
                  <Select
                    aria-label={`Cột cho ${f.label}`}
                    style={{ flex: 1 }}
                    allowClear
                    placeholder="(không có)"
                    value={mapping[f.key]}
                    options={headerOptions}
                    onChange={(v: string | undefined) => {
                      const next = { ...mapping };
                      if (v) next[f.key] = v;
                      else delete next[f.key];
                      setMapping(next);
                      if (file) void runPreview(file, next);
                    }}
                  />
                </label>
              ))}
            </div>
            <Checkbox checked={saveMapping} onChange={(e) => setSaveMapping(e.target.checked)} style={{ marginTop: 8 }}>
              Lưu cách ghép cột cho lần nhập sau
            </Checkbox>
          </Card>
          {preview.errorCount > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="import-errors"
              style={{ marginBottom: 12 }}
              title={`Tệp có ${preview.errorCount} lỗi; chưa nhập gì. Hãy sửa tệp rồi chọn lại.`}
              description={
                <ul className="error-details">
                  {preview.errors.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                  {preview.errorCount > preview.errors.length && <li>… và {preview.errorCount - preview.errors.length} lỗi khác (xem cột "Kết quả", lọc "Chỉ dòng lỗi").</li>}
                </ul>
              }
            />
          )}
          {result && (
            <Alert
              type="success"
              showIcon
              role="status"
              data-testid="import-result"
              style={{ marginBottom: 12 }}
              title={`Đã nhập: ${result.created} mới, ${result.updated} cập nhật, ${result.unchanged} đã có (không đổi); ${result.registrationsCreated} bản đăng ký mới; cá nhân: ${result.peopleCreated} mới, ${result.peopleMatched} khớp với danh sách đã có.`}
            />
          )}
          {result && <DuplicatesNotice />}
          <div className="reg-toolbar">
            <span data-testid="import-counts">
              {preview.counts.new} dòng mới · {preview.counts.update} cập nhật · {preview.counts.unchanged} đã có · {preview.counts.error} dòng lỗi
            </span>
            <Checkbox checked={rowsPage.onlyErrors} disabled={preview.counts.error === 0} onChange={(e) => void showRows(1, e.target.checked)}>
              Chỉ dòng lỗi
            </Checkbox>
            <Button type="primary" disabled={preview.errorCount > 0 || busy} loading={busy} onClick={() => void doImport()}>
              Nhập {preview.rowCount} dòng
            </Button>
          </div>
          <Table<ImportRowPreview>
            rowKey="row"
            size="small"
            data-testid="import-preview"
            scroll={{ x: 'max-content' }}
            dataSource={rowsPage.items}
            pagination={{ current: rowsPage.page, pageSize: PREVIEW_FIRST_ROWS, total: rowsPage.total, showSizeChanger: false, onChange: (page) => void showRows(page, rowsPage.onlyErrors), showTotal: (t) => `${t} dòng` }}
            columns={[
              // The row number and the clerk's decisions (person, result) stay in view at 1366 wide; the sheet's cells scroll between them.
              { title: 'Dòng', dataIndex: 'row', width: 70, fixed: 'left' as const },
              ...preview.fields.filter((f) => mapping[f.key]).map((f) => ({ title: f.label, key: f.key, render: (_: unknown, r: ImportRowPreview) => r.values[f.key] })),
              ...(kind === 'individuals'
                ? [{ title: 'Cá nhân', key: 'person', width: 316, fixed: 'right' as const, render: (_: unknown, r: ImportRowPreview) => <PersonChoice row={r} value={choices[String(r.row)]} onChange={(v) => setChoices((c) => ({ ...c, [String(r.row)]: v }))} /> }]
                : []),
              {
                title: 'Kết quả',
                width: 260,
                fixed: 'right' as const,
                render: (_: unknown, r: ImportRowPreview) => (
                  <>
                    <Tag color={ACTION_TAGS[r.action].color}>{ACTION_TAGS[r.action].label}</Tag>
                    {r.errors.length > 0 && (
                      <ul className="reg-row-errors">
                        {r.errors.map((e, i) => (
                          <li key={i}>{e}</li>
                        ))}
                      </ul>
                    )}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
