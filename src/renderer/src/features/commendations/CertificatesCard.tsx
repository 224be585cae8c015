import { App, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DecisionView, PrintJobView } from '@shared/schemas/commendations';
import { call, toAppError } from '../../api/client';
import { showDateTime } from '../../lib/dates';

/** Batch Giấy khen for an issued decision: one page each, số sổ vàng printed; resume from a row after a jam. */
export function CertificatesCard({ decision }: { decision: DecisionView }) {
  const { message } = App.useApp();
  // Only a hình thức has a Giấy khen / Bằng khen; the batch numbers its rows as the form's danh sách section does.
  const forms = useMemo(() => {
    const byForm = new Map<string, { formId: string; formName: string; count: number }>();
    for (const a of decision.awardees.filter((x) => x.formKind === 'form')) {
      const f = byForm.get(a.formId) ?? { formId: a.formId, formName: a.formName, count: 0 };
      f.count++;
      byForm.set(a.formId, f);
    }
    return [...byForm.values()];
  }, [decision.awardees]);
  const [formId, setFormId] = useState<string | null>(forms[0]?.formId ?? null);
  const total = forms.find((f) => f.formId === formId)?.count ?? 0;
  const [fromRow, setFromRow] = useState(1);
  const [toRow, setToRow] = useState<number | null>(null);
  const [offsetX, setOffsetX] = useState(0);
  const [offsetY, setOffsetY] = useState(0);
  const [jobs, setJobs] = useState<PrintJobView[]>([]);
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => {
    call('commendations.printJobs', { decisionId: decision.id }).then((j) => {
      setJobs(j);
      // The printer's calibration is kept from the last batch.
      if (j[0]) {
        setOffsetX(j[0].offsetX);
        setOffsetY(j[0].offsetY);
      }
    }, (e) => message.error(`Không đọc được các lần in Giấy khen: ${toAppError(e).message}`));
  }, [decision.id, message]);
  useEffect(reload, [reload]);

  const print = async () => {
    setBusy(true);
    try {
      const r = await call('commendations.printCertificates', { decisionId: decision.id, formId, fromRow, toRow, offsetX, offsetY });
      if (r.path) message.success(`Đã tạo ${r.pages} Giấy khen (dòng ${r.job.fromRow}–${r.job.toRow}): ${r.path}`);
      reload();
    } catch (e) {
      message.error(toAppError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="In Giấy khen" size="small">
      <Typography.Paragraph type="secondary">
        Một tệp Word, mỗi trang một Giấy khen, in lên phôi. Nếu máy in kẹt giấy, nhập dòng bị kẹt vào “In từ dòng” và in tiếp.
      </Typography.Paragraph>
      {forms.length === 0 && <Typography.Paragraph type="warning">Quyết định chỉ công nhận danh hiệu thi đua: không có Giấy khen, Bằng khen để in.</Typography.Paragraph>}
      <Space wrap>
        {forms.length > 1 && (
          <Select aria-label="Hình thức cần in" style={{ width: 260 }} value={formId} onChange={setFormId} options={forms.map((f) => ({ value: f.formId, label: `${f.formName} (${f.count})` }))} />
        )}
        <span>In từ dòng</span>
        <InputNumber aria-label="In từ dòng" min={1} max={total} value={fromRow} onChange={(v) => setFromRow(v ?? 1)} />
        <span>đến dòng</span>
        <InputNumber aria-label="Đến dòng" min={1} max={total} value={toRow} placeholder={String(total)} onChange={(v) => setToRow(v ?? null)} />
        <span>Độ lệch máy in (mm): ngang</span>
        <InputNumber aria-label="Độ lệch ngang" min={-30} max={30} step={0.5} value={offsetX} onChange={(v) => setOffsetX(v ?? 0)} />
        <span>dọc</span>
        <InputNumber aria-label="Độ lệch dọc" min={-30} max={30} step={0.5} value={offsetY} onChange={(v) => setOffsetY(v ?? 0)} />
        <Button type="primary" loading={busy} disabled={forms.length === 0} onClick={print}>
          Tạo tệp Giấy khen
        </Button>
      </Space>
      {jobs.length > 0 && (
        <Table<PrintJobView>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={jobs}
          columns={[
            { title: 'Lúc', dataIndex: 'createdAt', render: (s: string) => showDateTime(s), width: 150 },
            { title: 'Dòng', render: (_: unknown, j) => `${j.fromRow}–${j.toRow}`, width: 80 },
            { title: 'Độ lệch', render: (_: unknown, j) => `${j.offsetX} / ${j.offsetY} mm`, width: 110 },
            { title: 'Tệp', dataIndex: 'filePath' },
            {
              title: '',
              width: 150,
              render: (_: unknown, j) => (
                <Button size="small" onClick={() => setFromRow(j.fromRow)}>
                  Chọn lại từ dòng {j.fromRow}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
