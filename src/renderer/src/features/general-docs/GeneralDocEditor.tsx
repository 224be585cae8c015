import { Alert, App, Button, Card, Col, Input, Row, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import {
  GENERAL_KINDS, OUTLINE_LEVEL_LABELS, OUTLINE_LEVELS, POINT_STYLES,
  type GeneralBody, type GeneralView, type OutlineBlock, type OutlineLevel,
} from '@shared/schemas/general-documents';
import { outlineFromPaste } from '@shared/paste/outline';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { IssueNumberModal } from '../../lib/IssueNumberModal';
import { useRouter } from '../../stores/router';
import { DocxPreview } from '../plans/DocxPreview';
import { newKey } from '../plans/keys';
import { recipientsFromText } from '../plans/paste';
import { useUndoableDraft, type GeneralDraft } from './useUndoableDraft';
import { WordPasteModal } from '../../lib/WordPasteModal';

const HEADED: OutlineLevel[] = ['part', 'section', 'clause', 'point'];
const recipientsText = (b: GeneralBody) =>
  b.recipients.groups.flatMap((g) => g.items.map((i) => (i.purpose ? `${i.name} (${i.purpose})` : i.name))).join('\n');

/** One văn bản chung: fields and outline on the left, the generated document on the right. */
export function GeneralDocEditor({ id }: { id: string }) {
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [doc, setDoc] = useState<GeneralView | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [issueOpen, setIssueOpen] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [showPreview, setShowPreview] = useState(true);
  const [recipients, setRecipients] = useState('');
  const [letterUnitSetting, setLetterUnitSetting] = useState('');

  const saveDraft = useCallback(
    async (d: GeneralDraft) => {
      const saved = await call('generalDocs.save', { id, subject: d.subject, plannedDate: d.plannedDate, unitAbbr: d.unitAbbr, body: d.body });
      setDoc(saved);
    },
    [id],
  );
  const draft = useUndoableDraft(`tdkt.general.${id}`, saveDraft);

  useEffect(() => {
    let live = true;
    call('generalDocs.get', { id }).then(
      (d) => {
        if (!live) return;
        setDoc(d);
        setRecipients(recipientsText(d.body));
        draft.reset({ subject: d.subject, plannedDate: d.plannedDate, unitAbbr: d.unitAbbr, body: d.body }, d.updatedAt);
      },
      (e) => live && setLoadError(toAppError(e)),
    );
    return () => {
      live = false;
      void draft.flush();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per document
  }, [id]);

  useEffect(() => {
    call('settings.documentLayout.get', {}).then((s) => setLetterUnitSetting(s.letter.unitAbbr), () => setLetterUnitSetting(''));
  }, []);

  // Ctrl+Z / Ctrl+Y outside text fields undo and redo the clerk's last action (typing keeps the field's own undo).
  const undoRef = useRef(draft);
  undoRef.current = draft;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const inField = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key.toLowerCase() === 's') {
        e.preventDefault();
        void undoRef.current.flush();
      } else if (!inField && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) undoRef.current.redo();
        else undoRef.current.undo();
      } else if (!inField && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        undoRef.current.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (loadError) return <ErrorAlert error={loadError} />;
  const d = draft.value;
  if (!doc || !d) return <Spin />;
  const kind = GENERAL_KINDS[doc.kind];
  const issued = doc.status === 'issued';
  const blocks = d.body.blocks;

  const editBlock = (i: number, patch: Partial<OutlineBlock>, action: 'typing' | 'change' = 'typing') =>
    draft.edit((x) => Object.assign(x.body.blocks[i], patch), action);
  const insertAt = (i: number, level: OutlineLevel) =>
    draft.edit((x) => void x.body.blocks.splice(i, 0, { key: newKey(), level, title: '', text: '' }), 'change');
  const remove = (i: number) => {
    const what = blocks[i].title || blocks[i].text || OUTLINE_LEVEL_LABELS[blocks[i].level];
    draft.edit((x) => void x.body.blocks.splice(i, 1), 'change');
    message.open({
      type: 'info',
      content: (
        <span>
          Đã xóa “{what.slice(0, 40)}”.{' '}
          <Button size="small" type="link" onClick={() => draft.undo()}>
            Hoàn tác (Ctrl+Z)
          </Button>
        </span>
      ),
    });
  };
  const move = (i: number, to: number) =>
    draft.edit((x) => {
      const [b] = x.body.blocks.splice(i, 1);
      x.body.blocks.splice(to, 0, b);
    }, 'change');

  const exportDocx = async () => {
    try {
      await draft.flush();
      const r = await call('documents.export', { kind: 'general', id });
      if (r.path) message.success(`Đã lưu ${r.path}`);
    } catch (e) {
      message.error(toAppError(e).message);
    }
  };

  return (
    <div className="general-doc-editor">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => navigate('documents')}>← Danh sách</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {kind.label} {issued ? doc.identity : ''}
        </Typography.Title>
        {issued ? <Tag color="green">Đã ban hành</Tag> : <SaveState state={draft.state} />}
        <Button onClick={draft.undo} disabled={!draft.canUndo || issued} aria-label="Hoàn tác">
          Hoàn tác
        </Button>
        <Button onClick={draft.redo} disabled={!draft.canRedo || issued} aria-label="Làm lại">
          Làm lại
        </Button>
        <Button onClick={() => void exportDocx()}>Xuất Word</Button>
        {!issued && (
          <Button type="primary" onClick={() => void draft.flush().then(() => setIssueOpen(true))}>
            Cấp số và ban hành…
          </Button>
        )}
        {issued && (
          <Button onClick={() => void call('generalDocs.duplicate', { id }).then((c) => navigate('documents', c.id), (e) => message.error(toAppError(e).message))}>
            Sao chép thành bản nháp
          </Button>
        )}
        <Switch checked={showPreview} onChange={setShowPreview} checkedChildren="Xem trước" unCheckedChildren="Xem trước" />
      </Space>
      {draft.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={`Chưa lưu được: ${draft.error.message}`}
          description="Nội dung vẫn được giữ trên máy này; sửa chỗ được nêu rồi lưu lại (Ctrl+S)."
        />
      )}
      {draft.restored && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Đã khôi phục phần sửa chưa kịp lưu lần trước." closable={{ onClose: draft.dismissRestored }} />
      )}
      <Row gutter={16}>
        <Col span={showPreview ? 12 : 24}>
          <Card size="small" title="Thông tin chung">
            <label className="field-label" htmlFor="gd-subject">
              {doc.kind === 'CV' ? 'Trích yếu (V/v …)' : 'Trích yếu'}
            </label>
            <Input.TextArea
              id="gd-subject"
              autoSize={{ minRows: 1, maxRows: 3 }}
              value={d.subject}
              disabled={issued}
              onChange={(e) => draft.edit((x) => void (x.subject = e.target.value))}
            />
            {doc.kind === 'CV' && (
              <>
                <label className="field-label" htmlFor="gd-unit">
                  Đơn vị soạn thảo trong ký hiệu (để trống: theo Cài đặt)
                </label>
                <Input id="gd-unit" style={{ width: 160 }} value={d.unitAbbr} disabled={issued} onChange={(e) => draft.edit((x) => void (x.unitAbbr = e.target.value))} />
              </>
            )}
            <label className="field-label" htmlFor="gd-addressees">
              Kính gửi (mỗi nơi một dòng){kind.addressees ? '' : ' — không bắt buộc'}
            </label>
            <Input.TextArea
              id="gd-addressees"
              autoSize={{ minRows: 1, maxRows: 6 }}
              value={d.body.addressees.join('\n')}
              disabled={issued}
              onChange={(e) => draft.edit((x) => void (x.body.addressees = e.target.value.split('\n')))}
            />
          </Card>
          <Card
            size="small"
            title="Nội dung"
            style={{ marginTop: 12 }}
            extra={
              <Space>
                <Select
                  aria-label="Cách đánh số điểm"
                  size="small"
                  value={d.body.pointStyle}
                  disabled={issued}
                  options={POINT_STYLES.map((p) => ({ value: p, label: `Điểm ${p === 'a)' ? 'a), b)' : 'a., b.'}` }))}
                  onChange={(v) => draft.edit((x) => void (x.body.pointStyle = v), 'change')}
                />
                <Button size="small" disabled={issued} onClick={() => setPasteOpen(true)}>
                  Dán từ Word…
                </Button>
              </Space>
            }
          >
            {blocks.map((b, i) => (
              <div key={b.key ?? i} className="outline-row" data-testid="outline-row">
                <Select<OutlineLevel>
                  aria-label={`Đoạn ${i + 1}: cấp`}
                  size="small"
                  value={b.level}
                  disabled={issued}
                  style={{ width: 130 }}
                  options={OUTLINE_LEVELS.map((l) => ({ value: l, label: OUTLINE_LEVEL_LABELS[l] }))}
                  onChange={(v) => editBlock(i, { level: v }, 'change')}
                />
                <div style={{ flex: 1 }}>
                  {(HEADED.includes(b.level) || b.title) && (
                    <Input
                      aria-label={`Đoạn ${i + 1}: tiêu đề`}
                      placeholder="Tiêu đề (in đậm) — để trống nếu là câu văn"
                      value={b.title}
                      disabled={issued}
                      onChange={(e) => editBlock(i, { title: e.target.value })}
                    />
                  )}
                  <Input.TextArea
                    aria-label={`Đoạn ${i + 1}: nội dung`}
                    placeholder="Nội dung; *nghiêng*, **đậm**, __gạch chân__"
                    autoSize={{ minRows: 1, maxRows: 12 }}
                    value={b.text}
                    disabled={issued}
                    status={b.text.length > 8000 ? 'error' : undefined}
                    onChange={(e) => editBlock(i, { text: e.target.value })}
                  />
                  {b.text.length > 7000 && (
                    <Typography.Text type={b.text.length > 8000 ? 'danger' : 'secondary'}>
                      {b.text.length.toLocaleString('vi-VN')}/8.000 ký tự
                    </Typography.Text>
                  )}
                </div>
                {!issued && (
                  <Space.Compact size="small">
                    <Button aria-label={`Đoạn ${i + 1}: lên`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                      ↑
                    </Button>
                    <Button aria-label={`Đoạn ${i + 1}: xuống`} disabled={i === blocks.length - 1} onClick={() => move(i, i + 1)}>
                      ↓
                    </Button>
                    <Button aria-label={`Đoạn ${i + 1}: thêm đoạn dưới`} onClick={() => insertAt(i + 1, b.level === 'part' || b.level === 'section' ? 'clause' : b.level)}>
                      +
                    </Button>
                    <Button aria-label={`Đoạn ${i + 1}: xóa`} danger onClick={() => remove(i)}>
                      ✕
                    </Button>
                  </Space.Compact>
                )}
              </div>
            ))}
            {!issued && (
              <Button size="small" onClick={() => insertAt(blocks.length, 'paragraph')} style={{ marginTop: 8 }}>
                + Thêm đoạn
              </Button>
            )}
          </Card>
          <Card size="small" title="Nơi nhận và người ký" style={{ marginTop: 12 }}>
            <label className="field-label" htmlFor="gd-recipients">
              Nơi nhận (mỗi nơi một dòng, ví dụ “Tổng LĐLĐ Việt Nam (b/c)”)
            </label>
            <Input.TextArea
              id="gd-recipients"
              autoSize={{ minRows: 2, maxRows: 8 }}
              value={recipients}
              disabled={issued}
              onChange={(e) => {
                setRecipients(e.target.value);
                const items = recipientsFromText(e.target.value);
                draft.edit((x) => void (x.body.recipients.groups = [{ key: x.body.recipients.groups[0]?.key, label: '', items }]));
              }}
            />
            <label className="field-label" htmlFor="gd-archive">
              Lưu
            </label>
            <Input id="gd-archive" value={d.body.recipients.archive} disabled={issued} onChange={(e) => draft.edit((x) => void (x.body.recipients.archive = e.target.value))} />
            <Row gutter={8} style={{ marginTop: 8 }}>
              {(['authority', 'title', 'name'] as const).map((f) => (
                <Col span={8} key={f}>
                  <label className="field-label" htmlFor={`gd-signer-${f}`}>
                    {f === 'authority' ? 'Thẩm quyền ký' : f === 'title' ? 'Chức vụ' : 'Họ tên người ký'}
                  </label>
                  <Input id={`gd-signer-${f}`} value={d.body.signer[f]} disabled={issued} onChange={(e) => draft.edit((x) => void (x.body.signer[f] = e.target.value))} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        {showPreview && (
          <Col span={12}>
            <DocxPreview kind="general" id={id} version={draft.savedVersion} />
          </Col>
        )}
      </Row>
      <WordPasteModal
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onPaste={(input) => {
          const pasted = outlineFromPaste(input);
          // Pasting into the untouched skeleton (headings without text) replaces it; undo brings it back.
          const onlyEmpty = blocks.every((b) => !b.text.trim());
          draft.edit((x) => {
            const added = pasted.blocks.map((b) => ({ key: newKey(), level: b.level, title: b.title ?? '', text: b.text ?? '' }));
            x.body.blocks = onlyEmpty ? added : [...x.body.blocks, ...added];
            x.body.pointStyle = pasted.pointStyle;
          }, 'change');
          setPasteOpen(false);
          message.success(`Đã thêm ${pasted.blocks.length} đoạn từ văn bản dán vào.`);
        }}
      />
      <IssueNumberModal
        open={issueOpen}
        title={`Cấp số và ban hành ${kind.label.toLocaleLowerCase('vi')}`}
        kindAbbr={doc.kind}
        letterUnit={doc.kind === 'CV' ? d.unitAbbr || letterUnitSetting : undefined}
        what={`${kind.label} “${d.subject}”`}
        defaultDate={d.plannedDate}
        onClose={() => setIssueOpen(false)}
        onIssue={async (date, number) => {
          const r = await call('generalDocs.issue', { id, date, number });
          setDoc(r);
          draft.reset({ subject: r.subject, plannedDate: r.plannedDate, unitAbbr: r.unitAbbr, body: r.body }, r.updatedAt);
          setIssueOpen(false);
          message.success(`Đã ban hành ${r.identity}`);
        }}
      />
    </div>
  );
}

function SaveState({ state }: { state: 'saved' | 'dirty' | 'saving' | 'failed' }) {
  if (state === 'saving') return <Typography.Text type="secondary">Đang lưu…</Typography.Text>;
  if (state === 'dirty') return <Typography.Text type="secondary">Chưa lưu</Typography.Text>;
  if (state === 'failed') return <Typography.Text type="danger">Chưa lưu được</Typography.Text>;
  return (
    <Typography.Text type="success" data-testid="saved">
      Đã lưu
    </Typography.Text>
  );
}
