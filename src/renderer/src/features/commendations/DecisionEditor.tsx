import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ROUNDING_MODE_LABELS, TARGET_LABELS, type AwardFormView, type AwardeeView, type DecisionView, type MoneyComputation, type NominationView, type Target } from '@shared/schemas/commendations';
import type { MovementSummary } from '@shared/schemas/movements';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { dayjs, fromApiDate, showDate, toApiDate } from '../../lib/dates';
import { useRouter } from '../../stores/router';
import { DocxPreview } from '../plans/DocxPreview';
import { moneyToWords } from '@shared/vi-text/money';
import { AddAwardeeModal } from './AddAwardeeModal';
import { CertificatesCard } from './CertificatesCard';
import { IssueDecisionModal } from './IssueDecisionModal';
import { usePhases } from './usePhases';
import { coef, formsFor, money, toLines } from './shared';

interface Header {
  periodYear: number;
  movementId?: string | null;
  phaseId?: string | null;
  decisionDate: Dayjs;
  subject?: string;
  achievement: string;
  bases: string;
  proposalLine: string;
  executors: string;
  fundingSource?: string;
}

interface Row {
  key: string;
  nominationId: string | null;
  target: Target;
  personId: string | null;
  organizationId: string | null;
  name: string;
  positionUnit: string;
  formId: string;
  note: string;
}

// Starting text for a new decision; every line is the clerk's to edit (legal bases are data, not code).
const NEW_DECISION = {
  bases: ['Căn cứ Điều lệ Công đoàn Việt Nam;', 'Căn cứ Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024;'].join('\n'),
  proposalLine: 'Xét đề nghị của Hội đồng Thi đua - Khen thưởng',
  executors: 'Văn phòng, các ban và các tập thể, cá nhân có tên tại Điều 1 căn cứ Quyết định thi hành.',
};

const rowOf = (a: Pick<AwardeeView, 'nominationId' | 'target' | 'personId' | 'organizationId' | 'name' | 'positionUnit' | 'formId' | 'note'>, key: string): Row => ({
  key,
  nominationId: a.nominationId,
  target: a.target,
  personId: a.personId,
  organizationId: a.organizationId,
  name: a.name,
  positionUnit: a.positionUnit,
  formId: a.formId,
  note: a.note,
});

/** Picks approved nominations of the year to add to the list. */
function NominationPicker({ open, year, takenKey, onClose, onPick }: { open: boolean; year: number; takenKey: string; onClose: () => void; onPick: (n: NominationView[]) => void }) {
  const [items, setItems] = useState<NominationView[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (!open) return;
    call('commendations.listNominations', { periodYear: year, status: 'approved' }).then((l) => {
      const taken = new Set(takenKey.split(','));
      const free = l.filter((n) => !taken.has(n.id));
      setItems(free);
      setChosen(free.map((n) => n.id));
    }, () => setItems([]));
  }, [open, year, takenKey]);
  return (
    <Modal open={open} title={`Đề nghị đã thông qua năm ${year}`} okText="Thêm vào danh sách" cancelText="Hủy" onCancel={onClose} onOk={() => (onPick(items.filter((n) => chosen.includes(n.id))), onClose())}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">Không còn đề nghị nào đã thông qua mà chưa có trong danh sách.</Typography.Text>
      ) : (
        <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {items.map((n) => (
            <Checkbox key={n.id} value={n.id}>
              {n.displayName} — {TARGET_LABELS[n.target].toLowerCase()}, {n.proposedFormName} ({n.sourceOrgName})
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </Modal>
  );
}

/** Quyết định khen thưởng: căn cứ, list, money at the decision date, issue, export, Giấy khen, correction. */
export function DecisionEditor({ id }: { id: string | null }) {
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [form] = Form.useForm<Header>();
  const [view, setView] = useState<DecisionView | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [forms, setForms] = useState<AwardFormView[]>([]);
  const [movements, setMovements] = useState<MovementSummary[]>([]);
  const [picking, setPicking] = useState(false);
  const [adding, setAdding] = useState(false);
  const [rates, setRates] = useState<Record<string, MoneyComputation>>({});
  const [issuing, setIssuing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const year = Form.useWatch('periodYear', form) ?? dayjs().year();
  const date = toApiDate(Form.useWatch('decisionDate', form));
  const phases = usePhases(Form.useWatch('movementId', form));
  const rateKey = (r: Pick<Row, 'formId' | 'target'>) => `${r.formId}|${r.target}|${date}`;
  const needed = [...new Set(rows.map(rateKey))].filter((k) => !rates[k]).join(',');
  // Live preview: the money each row would get on the decision date (the server computes it; drafts recompute at issue).
  useEffect(() => {
    if (!date || !needed) return;
    for (const k of needed.split(',')) {
      const [formId, target] = k.split('|');
      call('commendations.money', { formId, target: target as Target, date }).then((m) => setRates((x) => ({ ...x, [k]: m })), () => undefined);
    }
  }, [needed, date]);
  const previewTotal = rows.reduce((sum, r) => sum + (rates[rateKey(r)]?.amount ?? 0), 0);

  const show = useCallback(
    (v: DecisionView) => {
      setView(v);
      setRows(v.awardees.map((a) => rowOf(a, a.id)));
      form.setFieldsValue({
        periodYear: v.periodYear,
        movementId: v.movementId,
        phaseId: v.phaseId,
        decisionDate: fromApiDate(v.decisionDate) ?? undefined,
        subject: v.subject,
        achievement: v.achievement,
        bases: v.bases.join('\n'),
        proposalLine: v.proposalLine,
        executors: v.executors,
        fundingSource: v.fundingSource,
      });
      setVersion((x) => x + 1);
    },
    [form],
  );

  useEffect(() => {
    call('commendations.catalogue', {}).then((c) => setForms(c.forms), () => undefined);
    call('movements.list', {}).then(setMovements, () => undefined);
    if (id) call('commendations.getDecision', { id }).then(show, (e) => setError(toAppError(e)));
    else form.setFieldsValue({ periodYear: dayjs().year(), decisionDate: dayjs(), movementId: null, ...NEW_DECISION });
  }, [id, show, form]);

  const locked = view?.status === 'issued';

  const save = async (): Promise<DecisionView | null> => {
    setBusy(true);
    setError(null);
    try {
      const h = await form.validateFields();
      const saved = await call('commendations.saveDecision', {
        id: view?.id,
        periodYear: h.periodYear,
        movementId: h.movementId ?? null,
        phaseId: h.movementId ? (h.phaseId ?? null) : null,
        decisionDate: toApiDate(h.decisionDate) ?? '',
        subject: h.subject ?? '',
        achievement: h.achievement ?? '',
        bases: toLines(h.bases).map((l) => l.replace(/[;.]$/, '')),
        proposalLine: h.proposalLine ?? '',
        executors: h.executors ?? '',
        fundingSource: h.fundingSource ?? '',
        awardees: rows.map((r) => ({ nominationId: r.nominationId, target: r.target, personId: r.personId, organizationId: r.organizationId, name: r.name, positionUnit: r.positionUnit, formId: r.formId, note: r.note })),
      });
      show(saved);
      message.success('Đã lưu dự thảo quyết định');
      if (!id) navigate('awards', 'decision', saved.id);
      return saved;
    } catch (e) {
      if (!(e as { errorFields?: unknown }).errorFields) setError(toAppError(e));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const exportDocx = async () => {
    if (!view) return;
    try {
      const r = await call('documents.export', { kind: 'decision', id: view.id });
      if (r.path) message.success(`Đã lưu ${r.path}`);
    } catch (e) {
      message.error(toAppError(e).message);
    }
  };

  const formOptions = (t: Target) => formsFor(forms, t).map((f) => ({ value: f.id, label: f.name }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => navigate('awards', 'decisions')}>← Danh sách quyết định</Button>
        {view && (
          <Tag color={locked ? 'blue' : 'default'} data-testid="decision-status">
            {locked ? `Đã ban hành: Số ${view.numberText} ngày ${showDate(view.decisionDate)}` : 'Dự thảo'}
          </Tag>
        )}
        {view?.correctsNumberText && <Tag color="orange">Đính chính Quyết định số {view.correctsNumberText}</Tag>}
        {view?.correctedById && (
          <Button size="small" onClick={() => navigate('awards', 'decision', view.correctedById!)}>
            Đã có quyết định đính chính — mở
          </Button>
        )}
      </Space>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Card title="Quyết định khen thưởng" size="small">
        <Form form={form} layout="vertical" disabled={locked}>
          <Row gutter={12}>
            <Col span={4}>
              <Form.Item label="Năm xét khen" name="periodYear" rules={[{ required: true, message: 'Nhập năm' }]}>
                <InputNumber min={1990} max={2200} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="Ngày quyết định" name="decisionDate" rules={[{ required: true, message: 'Chọn ngày' }, dateRule]}>
                <DateInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item label="Phong trào thi đua" name="movementId">
                <Select allowClear placeholder="Không gắn với phong trào" options={movements.map((m) => ({ value: m.id, label: `${m.name} (${m.year})` }))} onChange={() => form.setFieldValue('phaseId', null)} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label="Đợt thi đua" name="phaseId">
                <Select allowClear placeholder="Cả phong trào" options={phases.map((p) => ({ value: p.id, label: p.name }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="Thành tích" name="achievement" rules={[{ required: true, whitespace: true, message: 'Nhập thành tích' }]} extra='Ví dụ: "đã có thành tích xuất sắc trong phong trào thi đua … năm 2026"'>
            <Input />
          </Form.Item>
          <Form.Item label="Trích yếu (để trống: tự lập)" name="subject">
            <Input />
          </Form.Item>
          <Form.Item label="Căn cứ (mỗi dòng một căn cứ)" name="bases">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="Dòng “Xét đề nghị của …”" name="proposalLine" rules={[{ required: true, whitespace: true, message: 'Nhập dòng đề nghị' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="Nguồn kinh phí" name="fundingSource">
                <Input placeholder="Ví dụ: Nguồn kinh phí khen thưởng của LĐLĐ tỉnh." />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="Điều 3 (tổ chức thực hiện)" name="executors" rules={[{ required: true, whitespace: true, message: 'Nhập Điều 3' }]}>
            <Input.TextArea autoSize />
          </Form.Item>
        </Form>
      </Card>

      <Card
        title={`Danh sách tập thể, cá nhân (${rows.filter((r) => r.target === 'collective').length} tập thể, ${rows.filter((r) => r.target === 'individual').length} cá nhân)`}
        size="small"
        extra={
          !locked && (
            <Space>
              <Button onClick={() => setPicking(true)} aria-label="Thêm đề nghị đã thông qua">
                Thêm đề nghị đã thông qua
              </Button>
              <Button onClick={() => setAdding(true)}>Thêm tập thể, cá nhân khác</Button>
            </Space>
          )
        }
      >
        <Table<Row>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: 'Chưa có ai trong danh sách. Thêm từ các đề nghị đã được bình xét thông qua.' }}
          columns={[
            { title: 'Đối tượng', dataIndex: 'target', width: 90, render: (t: Target) => TARGET_LABELS[t] },
            { title: 'Tên tập thể / Họ và tên', dataIndex: 'name' },
            { title: 'Chức vụ, đơn vị', dataIndex: 'positionUnit' },
            {
              title: 'Hình thức',
              dataIndex: 'formId',
              width: 300,
              render: (fid: string, r) => (
                <Select
                  aria-label={`Hình thức cho ${r.name}`}
                  disabled={locked}
                  value={fid}
                  style={{ width: '100%' }}
                  options={formOptions(r.target)}
                  onChange={(v) => setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, formId: v } : x)))}
                />
              ),
            },
            ...(locked
              ? []
              : [{ title: 'Tiền (xem trước)', width: 150, align: 'right' as const, render: (_: unknown, r: Row) => (rates[rateKey(r)] ? money(rates[rateKey(r)].amount) : '…') }]),
            {
              title: '',
              width: 70,
              render: (_: unknown, r) =>
                !locked && (
                  <Button size="small" danger onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    Bỏ
                  </Button>
                ),
            },
          ]}
        />
        {!locked && rows.length > 0 && (
          <Typography.Paragraph style={{ marginTop: 8 }} data-testid="decision-preview-total">
            Xem trước: {money(previewTotal)} ({moneyToWords(previewTotal)}), tính theo ngày {showDate(date)}.
          </Typography.Paragraph>
        )}
        {!locked && (
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={busy} onClick={save}>
              Lưu dự thảo và tính tiền
            </Button>
            {view && (
              <Button
                onClick={async () => {
                  if (await save()) setIssuing(true);
                }}
              >
                Cấp số và ban hành
              </Button>
            )}
            {view && (
              <Popconfirm
                title="Xóa dự thảo quyết định này?"
                okText="Xóa"
                cancelText="Hủy"
                onConfirm={() => call('commendations.deleteDecision', { id: view.id }).then(() => navigate('awards', 'decisions'), (e) => message.error(toAppError(e).message))}
              >
                <Button danger>Xóa dự thảo</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Card>

      {view && (
        <Card title={locked ? 'Tiền thưởng (đã chốt khi ban hành)' : 'Tiền thưởng tính theo ngày quyết định'} size="small">
          {view.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
          ))}
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'b', label: 'Lương cơ sở', children: money(view.baseSalary) || '—' },
              { key: 'r', label: 'Làm tròn', children: view.rounding ? `${ROUNDING_MODE_LABELS[view.rounding.mode]} đến ${money(view.rounding.step)}` : '—' },
              { key: 'd', label: 'Ngày tính', children: showDate(view.decisionDate) },
            ]}
          />
          <Table<AwardeeView>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={view.awardees}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 60 },
              { title: 'Tên tập thể / Họ và tên', dataIndex: 'name' },
              { title: 'Hình thức', dataIndex: 'formName' },
              { title: 'Hệ số', dataIndex: 'coefficient', width: 70, render: (c: number | null) => coef(c) },
              { title: 'Số tiền', dataIndex: 'amount', width: 140, align: 'right', render: (a: number) => money(a) },
              { title: 'Số sổ vàng', dataIndex: 'goldBookNumber', width: 100 },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            Tổng cộng: <strong data-testid="decision-total">{money(view.totalAmount)}</strong> (<em data-testid="decision-words">{view.totalWords}</em>)
          </Typography.Paragraph>
          <Space wrap>
            <Button onClick={exportDocx}>Xuất QĐ + danh sách (.docx)</Button>
            {locked && !view.correctedById && (
              <Button onClick={() => call('commendations.correctDecision', { id: view.id }).then((c) => navigate('awards', 'decision', c.id), (e) => message.error(toAppError(e).message))}>
                Lập quyết định đính chính
              </Button>
            )}
          </Space>
        </Card>
      )}

      {view && locked && <CertificatesCard decision={view} />}
      {view && (
        <Card title="Xem trước văn bản" size="small">
          <DocxPreview kind="decision" id={view.id} version={version} />
        </Card>
      )}

      <NominationPicker
        open={picking}
        year={year}
        takenKey={rows.map((r) => r.nominationId ?? '').join(',')}
        onClose={() => setPicking(false)}
        onPick={(ns) => setRows((rs) => [...rs, ...ns.map((n) => rowOf({ ...n, name: n.displayName, nominationId: n.id, formId: n.proposedFormId, note: '' }, n.id))])}
      />
      <AddAwardeeModal
        open={adding}
        forms={forms}
        onClose={() => setAdding(false)}
        onAdd={(a) => setRows((rs) => [...rs, { key: `new-${Date.now()}-${rs.length}`, nominationId: null, personId: null, note: '', ...a }])}
      />
      {view && (
        <IssueDecisionModal
          open={issuing}
          title="Cấp số và ban hành quyết định"
          kindAbbr="QĐ"
          what={`Quyết định “${(view.subject || 'khen thưởng').slice(0, 120)}”`}
          defaultDate={view.decisionDate}
          onClose={() => setIssuing(false)}
          onIssue={async (date, number) => {
            const v = await call('commendations.issueDecision', { id: view.id, date, number });
            show(v);
            message.success(`Đã ban hành Quyết định số ${v.numberText}`);
          }}
        />
      )}
    </Space>
  );
}
