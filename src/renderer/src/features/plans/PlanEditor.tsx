import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MovementSummary } from '@shared/schemas/movements';
import { phasesContent } from '@shared/plans/phases';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { dayjs, fromApiDate, showDate, toApiDate } from '../../lib/dates';
import { DateInput, dateRule } from '../../lib/DateInput';
import { UndoRedoButtons } from '../../lib/UndoRedoButtons';
import { useEditorKeys } from '../../lib/useEditorKeys';
import { useLeaveGuard } from '../../lib/useLeaveGuard';
import { useRouter } from '../../stores/router';
import { DocxPreview } from './DocxPreview';
import { ParagraphList } from './editor/ParagraphList';
import { RecipientsEditor, SignerEditor } from './editor/RecipientsEditor';
import { SectionEditor } from './editor/SectionEditor';
import { IssueModal } from './IssueModal';
import { newKey } from './keys';
import { usePlanDraft, type Editable } from './planDraft';
import { outlineFromPaste } from '@shared/paste/outline';
import { planFromOutline } from '@shared/paste/plan-outline';
import { WordPasteModal } from '../../lib/WordPasteModal';
import { OwnerNotice, useOwnership } from '../exchange/ownership';
import { identityOfNumberText } from '@shared/vi-text/doc-number';

// Stable getters, so the memoised lists re-render only when their own text changes.
const introOf = (d: Editable) => d.body.intro;
const closingOf = (d: Editable) => d.body.closing;

/** Sections rendered with the first paint; the rest follow once the preview is on screen. */
const FIRST_SECTIONS = 2;

function SaveStatus() {
  const { dirty, saving, savedAt, view: plan, error } = usePlanDraft();
  if (plan?.status === 'issued') return <Tag color="green">Đã ban hành</Tag>;
  if (saving) return <Typography.Text type="secondary">Đang lưu…</Typography.Text>;
  if (dirty && error) return <Typography.Text type="danger" data-testid="save-status">Chưa lưu được — bản nháp giữ trên máy này</Typography.Text>;
  if (dirty) return <Typography.Text type="secondary">Chưa lưu</Typography.Text>;
  if (savedAt) return <Typography.Text type="success" data-testid="saved-at">Đã lưu lúc {dayjs(savedAt).format('HH:mm')}</Typography.Text>;
  return <Typography.Text type="secondary">Bản nháp</Typography.Text>;
}

/** The Kế hoạch editor: structured sections on the left, the generated document on the right. */
export function PlanEditor({ id }: { id: string }) {
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const { view: plan, draft, loading, error, version, load, edit, flush, setView: setPlan, dirty, canUndo, canRedo, undo, redo, restoredAt } = usePlanDraft();
  const [movements, setMovements] = useState<MovementSummary[]>([]);
  const ownership = useOwnership('plans', id);
  const [issueOpen, setIssueOpen] = useState(false);
  const [templateOpen, setTemplateOpen] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const [showPreview, setShowPreview] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  // A long plan's sections render after its preview: the document shows first, then the boxes fill in.
  const [previewShown, setPreviewShown] = useState(false);
  const sectionCount = draft?.body.sections.length ?? 0;
  const [shownSections, setShownSections] = useState(FIRST_SECTIONS);
  useEffect(() => {
    if (shownSections >= sectionCount) return;
    const t = setTimeout(() => setShownSections((n) => n + 1), previewShown || !showPreview ? 0 : 1500);
    return () => clearTimeout(t);
  }, [shownSections, sectionCount, previewShown, showPreview]);
  const [pasteOpen, setPasteOpen] = useState(false);

  useEffect(() => {
    void load(id);
    call('movements.list', {}).then(setMovements, (e) => message.error(`Không đọc được danh sách phong trào: ${toAppError(e).message}`));
    return () => {
      // Leaving by other means than the app's navigation (back button): save, and say so if it is refused.
      void usePlanDraft
        .getState()
        .flush()
        .then((ok) => ok || message.warning('Kế hoạch chưa lưu được; bản nháp được giữ trên máy này và sẽ khôi phục khi mở lại.'));
    };
  }, [id, load, message]);

  useLeaveGuard({ dirty, what: 'kế hoạch', save: flush, keptLocally: true, error: error?.message });
  useEditorKeys({ save: flush, undo, redo });

  const refillPhases = useCallback(async () => {
    try {
      const movementId = usePlanDraft.getState().draft?.movementId;
      if (!movementId) throw new Error('Kế hoạch chưa gắn với phong trào nào.');
      const m = await call('movements.get', { id: movementId });
      usePlanDraft.getState().edit((d) => {
        for (const s of d.body.sections) for (const it of s.items) if (it.role === 'phases') it.content = phasesContent(m.phases).map((c) => ({ ...c, key: newKey() }));
      });
    } catch (e) {
      message.error(toAppError(e).message);
    }
  }, [message]);

  if (loading || !plan || !draft) {
    return error ? <ErrorAlert error={error} /> : <Spin description="Đang mở kế hoạch…"><div style={{ height: 200 }} /></Spin>;
  }
  const locked = plan.status === 'issued' || !!ownership?.readOnly;

  const run = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    try {
      await fn();
    } catch (e) {
      message.error(toAppError(e).message);
    } finally {
      setBusy(null);
    }
  };

  const exportDocx = () =>
    void run('export', async () => {
      if (!(await flush())) throw new Error('Chưa lưu được bản nháp; hãy sửa lỗi rồi thử lại.');
      const out = await call('documents.export', { kind: 'plan', id: plan.id });
      if (out.path) message.success(`Đã xuất tệp: ${out.path}`);
    });

  return (
    <div className="plan-editor">
      <div className="plan-toolbar">
        <Space wrap>
          <Button onClick={() => navigate('movements')}>← Danh sách</Button>
          <Typography.Text strong data-testid="plan-number" style={{ whiteSpace: 'pre' }}>Số: {plan.numberText}</Typography.Text>
          {locked && plan.issuedDate && <Typography.Text>ngày {showDate(plan.issuedDate)}</Typography.Text>}
          <SaveStatus />
          {!locked && (
            <UndoRedoButtons canUndo={canUndo} canRedo={canRedo} undo={undo} redo={redo} />
          )}
        </Space>
        <Space wrap>
          <Tooltip title="Xem trước văn bản">
            <Switch checked={showPreview} onChange={setShowPreview} checkedChildren="Xem trước" unCheckedChildren="Xem trước" aria-label="Xem trước" />
          </Tooltip>
          {!locked && (
            <Button type="primary" onClick={() => setIssueOpen(true)}>
              Cấp số và ban hành
            </Button>
          )}
          <Button onClick={exportDocx} loading={busy === 'export'}>
            Xuất .docx
          </Button>
          <Button onClick={() => { setTemplateName(plan.subject.slice(0, 200)); setTemplateOpen(true); }}>Lưu thành mẫu</Button>
          {locked && (
            <Button
              loading={busy === 'dup'}
              onClick={() =>
                void run('dup', async () => {
                  const copy = await call('plans.duplicate', { id: plan.id });
                  navigate('movements', 'plan', copy.id);
                })
              }
            >
              Sao chép thành bản nháp
            </Button>
          )}
        </Space>
      </div>
      <ErrorAlert error={error} />
      <OwnerNotice ownership={ownership} />
      {restoredAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="draft-restored"
          title={`Đã khôi phục bản nháp chưa lưu lúc ${dayjs(restoredAt).format('HH:mm:ss DD/MM/YYYY')} trên máy này; đang lưu lại.`}
        />
      )}
      {locked && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Kế hoạch ${identityOfNumberText(plan.numberText, plan.issuedDate)} đã ban hành. Văn bản đã ban hành không sửa được; muốn điều chỉnh hãy sao chép thành bản nháp mới.`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={showPreview ? 13 : 24} className="plan-edit-col">
          <Card size="small" title="Thông tin chung">
            <Form layout="vertical" component="div">
              <Form.Item label="Trích yếu (dòng dưới chữ KẾ HOẠCH)">
                <Input.TextArea
                  aria-label="Trích yếu"
                  value={draft.subject}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  disabled={locked}
                  onChange={(e) => edit((d) => void (d.subject = e.target.value), 'subject')}
                />
              </Form.Item>
              <Form.Item label="Kính gửi (không bắt buộc; mỗi nơi một dòng)">
                <Input.TextArea
                  aria-label="Kính gửi"
                  value={draft.body.addressees.join('\n')}
                  autoSize={{ minRows: 1, maxRows: 5 }}
                  disabled={locked}
                  onChange={(e) => edit((d) => void (d.body.addressees = e.target.value.split('\n')), 'addressees')}
                />
              </Form.Item>
              <Row gutter={8}>
                <Col span={14}>
                  <Form.Item label="Phong trào">
                    <Select
                      aria-label="Phong trào"
                      allowClear
                      value={draft.movementId ?? undefined}
                      disabled={locked}
                      options={movements.map((m) => ({ value: m.id, label: `${m.year} — ${m.name}` }))}
                      onChange={(v) => edit((d) => void (d.movementId = v ?? null))}
                    />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item label="Ngày dự kiến ban hành" rules={[dateRule]}>
                    <DateInput
                      aria-label="Ngày dự kiến ban hành"
                      value={fromApiDate(draft.plannedDate)}
                      disabled={locked}
                      onChange={(v) => (!v || v.isValid()) && edit((d) => void (d.plannedDate = toApiDate(v) ?? null))}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
          <Card size="small" title="Đoạn mở đầu">
            <ParagraphList label="Đoạn mở đầu" path="body.intro" get={introOf} disabled={locked} />
          </Card>
          {draft.body.sections.slice(0, shownSections).map((s, si) => (
            <SectionEditor key={s.key ?? si} si={si} count={draft.body.sections.length} disabled={locked} onRefillPhases={refillPhases as () => void} />
          ))}
          {!locked && (
            <Space style={{ margin: '8px 0' }}>
              <Button onClick={() => edit((d) => void d.body.sections.push({ key: newKey(), title: '', content: [], items: [] }))} aria-label="Thêm phần">
                + Thêm phần
              </Button>
              <Button onClick={() => setPasteOpen(true)}>Dán kế hoạch từ Word…</Button>
            </Space>
          )}
          <Card size="small" title="Đoạn kết">
            <ParagraphList label="Đoạn kết" path="body.closing" get={closingOf} disabled={locked} />
          </Card>
          <RecipientsEditor disabled={locked} />
          <SignerEditor disabled={locked} />
        </Col>
        {showPreview && (
          <Col xs={24} xl={11}>
            <div className="plan-preview-col">
              <DocxPreview kind="plan" id={plan.id} version={version} onRendered={() => setPreviewShown(true)} />
            </div>
          </Col>
        )}
      </Row>
      <WordPasteModal
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onPaste={(input) => {
          const { blocks, pointStyle } = outlineFromPaste(input);
          const pasted = planFromOutline(blocks, pointStyle);
          const keyed = <T extends object>(x: T) => ({ ...x, key: newKey() });
          edit((d) => {
            // Sections pasted into an untouched skeleton replace it; undo brings the skeleton back.
            const empty = d.body.sections.every((s) => s.items.every((it) => !it.text.trim() && it.content.every((c) => !c.text.trim())) && s.content.every((c) => !c.text.trim()));
            const sections = pasted.sections.map((s) => ({
              ...keyed(s),
              content: s.content.map(keyed),
              items: s.items.map((it) => ({ ...keyed(it), role: '' as const, content: it.content.map(keyed) })),
            }));
            d.body.sections = empty ? sections : [...d.body.sections, ...sections];
            if (pasted.intro.length) d.body.intro = [...d.body.intro.filter((t) => t.trim()), ...pasted.intro];
          });
          setPasteOpen(false);
          message.success(`Đã thêm ${pasted.sections.length} phần từ văn bản dán vào.`);
        }}
      />
      <IssueModal
        plan={plan}
        open={issueOpen}
        onClose={() => setIssueOpen(false)}
        beforeIssue={flush}
        onIssued={(p) => {
          setPlan(p);
          message.success(`Đã ban hành Kế hoạch ${identityOfNumberText(p.numberText, p.issuedDate)}`);
        }}
      />
      <Modal
        open={templateOpen}
        title="Lưu kế hoạch thành mẫu"
        okText="Lưu mẫu"
        cancelText="Hủy"
        onCancel={() => setTemplateOpen(false)}
        okButtonProps={{ loading: busy === 'template' }}
        onOk={() =>
          void run('template', async () => {
            await flush();
            const t = await call('plans.saveTemplate', { planId: plan.id, name: templateName });
            message.success(`Đã lưu mẫu “${t.name}”. Năm sau chọn mẫu này khi lập kế hoạch mới.`);
            setTemplateOpen(false);
          })
        }
      >
        <Typography.Paragraph type="secondary">Mẫu giữ trích yếu, các phần, nơi nhận; khi dùng lại, các đợt thi đua được điền từ phong trào mới và người ký theo cài đặt.</Typography.Paragraph>
        <Input aria-label="Tên mẫu" value={templateName} onChange={(e) => setTemplateName(e.target.value)}  />
      </Modal>
    </div>
  );
}
