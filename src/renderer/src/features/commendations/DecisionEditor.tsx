import { Alert, App, Button, Card, Checkbox, Descriptions, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ROUNDING_MODE_LABELS, TARGET_LABELS, type AwardFormView, type NominationView } from '@shared/schemas/commendations';
import type { MovementSummary } from '@shared/schemas/movements';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { showDate } from '../../lib/dates';
import { UndoRedoButtons } from '../../lib/UndoRedoButtons';
import { useEditorKeys } from '../../lib/useEditorKeys';
import { useLeaveGuard } from '../../lib/useLeaveGuard';
import { useRouter } from '../../stores/router';
import { DocxPreview } from '../plans/DocxPreview';
import { AddAwardeeModal } from './AddAwardeeModal';
import { AwardeesCard } from './AwardeesCard';
import { CertificatesCard } from './CertificatesCard';
import { DocumentOptionsPanel } from '../documents/DocumentOptionsPanel';
import { rowOf, useDecisionDraft } from './decisionDraft';
import { DecisionHeaderForm } from './DecisionHeaderForm';
import { IssueDecisionModal } from './IssueDecisionModal';
import { IssuedMoneyTable } from './IssuedMoneyTable';
import { VIRTUAL_FROM } from '../../lib/longList';
import { money } from './shared';
import { identityOfNumberText } from '@shared/vi-text/doc-number';
import { OwnerNotice } from '../exchange/ownership';

/** Picks approved nominations of the year to add to the list. */
function NominationPicker({ open, year, onClose, onPick }: { open: boolean; year: number; onClose: () => void; onPick: (n: NominationView[]) => void }) {
  const [items, setItems] = useState<NominationView[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const { message } = App.useApp();
  useEffect(() => {
    if (!open) return;
    call('commendations.listNominations', { periodYear: year, status: 'approved' }).then((l) => {
      // Read when the picker opens: the editor does not follow every row for this.
      const taken = new Set((useDecisionDraft.getState().draft?.rows ?? []).map((r) => r.nominationId));
      const free = l.filter((n) => !taken.has(n.id));
      setItems(free);
      setChosen(free.map((n) => n.id));
    }, (e) => {
      setItems([]);
      message.error(`Không đọc được các đề nghị đã thông qua: ${toAppError(e).message}`);
    });
  }, [open, year, message]);
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
  const { message, modal } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  // Only what this frame shows: the rows are followed by AwardeesCard alone (an edit of one row redraws that card).
  const { view: record, loadedId, error, dirty, saving, version: savedVersion, canUndo, canRedo, restoredAt, hasDraft, periodYear } = useDecisionDraft(
    useShallow((s) => ({ view: s.view, loadedId: s.loadedId, error: s.error, dirty: s.dirty, saving: s.saving, version: s.version, canUndo: s.canUndo, canRedo: s.canRedo, restoredAt: s.restoredAt, hasDraft: !!s.draft, periodYear: s.draft?.header.periodYear ?? 0 })),
  );
  const { load, flush, edit, undo, redo, setView } = useDecisionDraft.getState();
  // The preview follows saves of the decision and of its Kính gửi / Nơi nhận options.
  const [optionsVersion, setOptionsVersion] = useState(0);
  const version = savedVersion + optionsVersion;
  const view = record?.decision ?? null;
  const [forms, setForms] = useState<AwardFormView[]>([]);
  const [movements, setMovements] = useState<MovementSummary[]>([]);
  const [picking, setPicking] = useState(false);
  const [adding, setAdding] = useState(false);
  const openPicker = useCallback(() => setPicking(true), []);
  const openAdding = useCallback(() => setAdding(true), []);
  const [issuing, setIssuing] = useState(false);
  const [preview, setPreview] = useState(false);
  const [moneyRows, setMoneyRows] = useState(false);

  useEffect(() => {
    void load(id ?? 'new');
    setPreview(false);
    return () => useDecisionDraft.getState().release();
  }, [id, load]);
  useEffect(() => {
    call('commendations.catalogue', {}).then(
      (c) => setForms(c.forms),
      (e) => message.error(`Không đọc được danh mục hình thức khen thưởng: ${toAppError(e).message}`),
    );
    call('movements.list', {}).then(setMovements, (e) => message.error(`Không đọc được danh sách phong trào: ${toAppError(e).message}`));
  }, [message]);

  // Until this record is loaded the store may still hold the previous one: nothing of it is priced or drawn.
  const shown = loadedId === (id ?? 'new');
  const issued = view?.status === 'issued';
  // An upper level's decision received by package: shown, never edited, deleted or corrected here.
  const foreign = !!view?.ownership.readOnly;
  const locked = issued || foreign;

  /** Saves the draft (money is recomputed); a new decision gets its own address. */
  const save = async (): Promise<boolean> => {
    const wasNew = !useDecisionDraft.getState().view?.decision;
    const ok = await flush();
    const saved = useDecisionDraft.getState().view?.decision;
    if (ok && saved) {
      message.success('Đã lưu dự thảo quyết định');
      if (wasNew) navigate('awards', 'decision', saved.id);
    }
    return ok;
  };
  useLeaveGuard({ dirty: () => useDecisionDraft.getState().dirty, what: 'quyết định', save, keptLocally: true, error: error?.message });
  useEditorKeys({ save, undo, redo });

  // Nothing of a previous record is drawn while this one loads.
  if (!shown || !hasDraft) return error ? <ErrorAlert error={error} /> : null;

  const exportDocx = async () => {
    if (!view) return;
    try {
      const r = await call('documents.export', { kind: 'decision', id: view.id });
      if (r.path) message.success(`Đã lưu ${r.path}`);
    } catch (e) {
      message.error(toAppError(e).message);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => navigate('awards', 'decisions')}>← Danh sách quyết định</Button>
        {view && (
          <Tag color={issued ? 'blue' : 'default'} data-testid="decision-status">
            {issued ? `Đã ban hành: Quyết định ${identityOfNumberText(view.numberText, view.decisionDate)}` : 'Dự thảo'}
          </Tag>
        )}
        {!locked && (
          <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="decision-save-status">
            {saving ? 'Đang lưu…' : dirty ? 'Có thay đổi chưa lưu (bản nháp giữ trên máy này)' : view ? 'Đã lưu' : 'Chưa lưu'}
          </Typography.Text>
        )}
        {!locked && (
          <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} undo={undo} redo={redo} />
        )}
        {view?.correctsNumberText && <Tag color="orange">Đính chính Quyết định số {view.correctsNumberText}</Tag>}
        {view?.correctedById && (
          <Button size="small" onClick={() => navigate('awards', 'decision', view.correctedById!)}>
            Đã có quyết định đính chính — mở
          </Button>
        )}
      </Space>
      <ErrorAlert error={error} />
      {view && <OwnerNotice ownership={view.ownership} />}
      {restoredAt && (
        <Alert type="info" showIcon data-testid="draft-restored" title={`Đã khôi phục bản nháp chưa lưu trên máy này (${new Date(restoredAt).toLocaleString('vi-VN')}). Bấm “Lưu dự thảo và tính tiền” để lưu.`} />
      )}
      <Card title="Quyết định khen thưởng" size="small">
        <DecisionHeaderForm locked={locked} movements={movements} />
      </Card>

      <AwardeesCard locked={locked} forms={forms} onPick={openPicker} onAdd={openAdding}>
        {!locked && (
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={saving} onClick={() => void save()}>
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
                onConfirm={() =>
                  call('commendations.deleteDecision', { id: view.id }).then(
                    () => {
                      useDecisionDraft.getState().clear();
                      navigate('awards', 'decisions');
                    },
                    (e) => message.error(toAppError(e).message),
                  )
                }
              >
                <Button danger>Xóa dự thảo</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </AwardeesCard>

      {view && (
        <Card title={locked ? 'Tiền thưởng (đã chốt khi ban hành)' : 'Tiền thưởng tính theo ngày quyết định (lần lưu gần nhất)'} size="small">
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
          {/* The list is already above: a long one's money per person is drawn when asked for. */}
          {view.awardees.length <= VIRTUAL_FROM || moneyRows ? (
            <IssuedMoneyTable awardees={view.awardees} />
          ) : (
            <Button onClick={() => setMoneyRows(true)}>Xem tiền thưởng từng người ({view.awardees.length} dòng)</Button>
          )}
          <Typography.Paragraph style={{ marginTop: 8 }}>
            Tổng cộng: <strong data-testid="decision-total">{money(view.totalAmount)}</strong> (<em data-testid="decision-words">{view.totalWords}</em>)
          </Typography.Paragraph>
          <Space wrap>
            <Button onClick={exportDocx}>Xuất QĐ + danh sách (.docx)</Button>
            {issued && !foreign && !view.correctedById && (
              <Button onClick={() => call('commendations.correctDecision', { id: view.id }).then((c) => navigate('awards', 'decision', c.id), (e) => message.error(toAppError(e).message))}>
                Lập quyết định đính chính
              </Button>
            )}
          </Space>
        </Card>
      )}

      {view && locked && <CertificatesCard decision={view} />}
      {view && (
        <Card title="Xem trước văn bản" size="small" extra={!preview && <Button onClick={() => setPreview(true)}>Xem trước</Button>}>
          <DocumentOptionsPanel kind="decision" id={view.id} onSaved={() => setOptionsVersion((x) => x + 1)} />
          {/* A 2,000-row list makes a long document: it is generated when asked for, not on opening. */}
          {preview ? <DocxPreview kind="decision" id={view.id} version={version} /> : <Typography.Text type="secondary">Bấm “Xem trước” để xem văn bản sẽ in.</Typography.Text>}
        </Card>
      )}

      <NominationPicker
        open={picking}
        year={periodYear}
        onClose={() => setPicking(false)}
        onPick={(ns) => edit((d) => void d.rows.push(...ns.map((n) => rowOf({ ...n, name: n.displayName, nominationId: n.id, formId: n.proposedFormId, note: '' }, n.id))))}
      />
      <AddAwardeeModal
        open={adding}
        forms={forms}
        onClose={() => setAdding(false)}
        onAdd={(a) =>
          new Promise<boolean>((resolve) =>
            modal.confirm({
              title: `Thêm “${a.name}” không qua đề nghị?`,
              content: `${TARGET_LABELS[a.target]} này chưa được đơn vị đề nghị và Hội đồng bình xét. Chỉ thêm khi khen đột xuất hoặc đã có ý kiến của Thường trực; dòng sẽ được đánh dấu “ngoài đề nghị”.`,
              okText: 'Vẫn thêm',
              cancelText: 'Quay lại',
              autoFocusButton: 'cancel',
              onOk: () => {
                edit((d) => void d.rows.push({ key: `new-${Date.now()}-${d.rows.length}`, nominationId: null, personId: null, note: '', ...a }));
                resolve(true);
              },
              onCancel: () => resolve(false),
            }),
          )
        }
      />
      {view && (
        <IssueDecisionModal
          open={issuing}
          title="Cấp số và ban hành quyết định"
          kindAbbr="QĐ"
          what={`Quyết định “${(view.subject || 'khen thưởng').slice(0, 120)}”`}
          defaultDate={view.decisionDate}
          onClose={() => setIssuing(false)}
          onIssue={async (d, number) => {
            const v = await call('commendations.issueDecision', { id: view.id, date: d, number });
            setView({ decision: v });
            message.success(`Đã ban hành Quyết định ${identityOfNumberText(v.numberText, v.decisionDate)}`);
          }}
        />
      )}
    </Space>
  );
}
