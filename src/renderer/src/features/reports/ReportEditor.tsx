import { App as AntApp, Button, Card, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { ReportBody, ReportView } from '@shared/schemas/reports';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { todayApi } from '../../lib/dates';
import { IssueNumberModal } from '../../lib/IssueNumberModal';
import { useLeaveGuard } from '../../lib/useLeaveGuard';
import { DocxPreview } from '../plans/DocxPreview';
import { SavedFileActions } from './SavedFileActions';
import { identityOfNumberText } from '@shared/vi-text/doc-number';

const lines = (s: string) => s.split('\n');
const text = (xs: string[]) => xs.join('\n');

interface Draft {
  subject: string;
  addressees: string;
  intro: string;
  sections: { title: string; text: string }[];
  closing: string;
  recipients: string;
  archive: string;
  signer: ReportBody['signer'];
}

function toDraft(r: ReportView): Draft {
  const b = r.body;
  return {
    subject: r.subject,
    addressees: text(b.addressees),
    intro: text(b.intro),
    sections: b.sections.map((s) => ({ title: s.title, text: text(s.paragraphs) })),
    closing: text(b.closing),
    recipients: text(b.recipients.items),
    archive: b.recipients.archive,
    signer: b.signer,
  };
}

function toBody(d: Draft): ReportBody {
  const keep = (s: string) => lines(s).map((x) => x.trim()).filter(Boolean);
  return {
    addressees: keep(d.addressees),
    intro: keep(d.intro),
    sections: d.sections.map((s) => ({ title: s.title, paragraphs: keep(s.text) })),
    closing: keep(d.closing),
    signer: d.signer,
    recipients: { items: keep(d.recipients), archive: d.archive },
  };
}

/** Edit a draft report (text composed from the data), preview it, issue it with a number, export to Word. */
export function ReportEditor({ id, onBack, onChanged }: { id: string; onBack: () => void; onChanged: () => void }) {
  const { message } = AntApp.useApp();
  const [report, setReport] = useState<ReportView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);
  const [preview, setPreview] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const show = (r: ReportView) => {
    setReport(r);
    setDraft(toDraft(r));
    setVersion((v) => v + 1);
    setError(null);
  };
  useEffect(() => {
    call('reports.get', { id }).then(show).catch((e) => setError(toAppError(e)));
  }, [id]);

  const act = async (fn: () => Promise<ReportView | null>, done?: string) => {
    try {
      const r = await fn();
      if (r) show(r);
      if (done) message.success(done);
      onChanged();
      return true;
    } catch (e) {
      setError(toAppError(e));
      return false;
    }
  };
  const save = () => act(() => call('reports.save', { id, revision: report!.revision, subject: draft!.subject, plannedDate: report!.plannedDate, body: toBody(draft!) }), 'Đã lưu báo cáo');
  const exportDocx = async () => {
    try {
      const r = await call('documents.export', { kind: 'phase-report', id });
      setSaved(r.path);
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const leave = useLeaveGuard({
    dirty: () => !!report && !!draft && report.status !== 'issued' && report.own && JSON.stringify(draft) !== JSON.stringify(toDraft(report)),
    what: 'báo cáo',
    save,
    error: error?.message,
  });
  const back = () => void leave().then((ok) => ok && onBack());

  if (!report || !draft) return <ErrorAlert error={error} />;
  const locked = report.status === 'issued' || !report.own;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  return (
    <Card
      className="report-editor"
      title={
        <Space>
          <Button onClick={back}>‹ Danh sách báo cáo</Button>
          <span>{report.numberText ? `Báo cáo ${identityOfNumberText(report.numberText, report.issuedDate)}` : 'Dự thảo báo cáo'}</span>
          {report.status === 'issued' ? <Tag color="green">Đã ban hành</Tag> : <Tag>Dự thảo</Tag>}
          {!report.own && <Tag color="blue">Của {report.organizationName}</Tag>}
        </Space>
      }
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form layout="vertical" disabled={locked}>
        <Form.Item label="Trích yếu" htmlFor="rep-subject">
          <Input.TextArea id="rep-subject" autoSize value={draft.subject} onChange={(e) => set({ subject: e.target.value })} />
        </Form.Item>
        <Form.Item label="Kính gửi (mỗi dòng một nơi)" htmlFor="rep-addressees">
          <Input.TextArea id="rep-addressees" autoSize value={draft.addressees} onChange={(e) => set({ addressees: e.target.value })} />
        </Form.Item>
        <Form.Item label="Mở đầu" htmlFor="rep-intro">
          <Input.TextArea id="rep-intro" autoSize value={draft.intro} onChange={(e) => set({ intro: e.target.value })} />
        </Form.Item>
        {draft.sections.map((s, i) => (
          <Card size="small" key={i} style={{ marginBottom: 12 }} title={`Phần ${i + 1}`}>
            <Form.Item label={`Tên phần ${i + 1}`} htmlFor={`rep-sec-title-${i}`}>
              <Input id={`rep-sec-title-${i}`} value={s.title} onChange={(e) => set({ sections: draft.sections.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)) })} />
            </Form.Item>
            <Form.Item label={`Nội dung phần ${i + 1} (mỗi dòng một đoạn; "- " gạch đầu dòng)`} htmlFor={`rep-sec-text-${i}`}>
              <Input.TextArea id={`rep-sec-text-${i}`} autoSize={{ minRows: 3 }} value={s.text} onChange={(e) => set({ sections: draft.sections.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })} />
            </Form.Item>
          </Card>
        ))}
        {!locked && (
          <Button style={{ marginBottom: 12 }} onClick={() => set({ sections: [...draft.sections, { title: '', text: '' }] })}>
            Thêm phần
          </Button>
        )}
        <Form.Item label="Đoạn kết" htmlFor="rep-closing">
          <Input.TextArea id="rep-closing" autoSize value={draft.closing} onChange={(e) => set({ closing: e.target.value })} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label="Nơi nhận (mỗi dòng một nơi)" htmlFor="rep-recipients">
            <Input.TextArea id="rep-recipients" autoSize style={{ minWidth: 320 }} value={draft.recipients} onChange={(e) => set({ recipients: e.target.value })} />
          </Form.Item>
          <Form.Item label="Lưu" htmlFor="rep-archive">
            <Input id="rep-archive" value={draft.archive} onChange={(e) => set({ archive: e.target.value })} />
          </Form.Item>
          <Form.Item label="Quyền hạn ký" htmlFor="rep-authority">
            <Input id="rep-authority" value={draft.signer.authority} onChange={(e) => set({ signer: { ...draft.signer, authority: e.target.value } })} />
          </Form.Item>
          <Form.Item label="Chức vụ người ký" htmlFor="rep-title">
            <Input id="rep-title" value={draft.signer.title} onChange={(e) => set({ signer: { ...draft.signer, title: e.target.value } })} />
          </Form.Item>
          <Form.Item label="Họ tên người ký" htmlFor="rep-signer">
            <Input id="rep-signer" value={draft.signer.name} onChange={(e) => set({ signer: { ...draft.signer, name: e.target.value } })} />
          </Form.Item>
        </Space>
      </Form>
      <Space wrap style={{ marginTop: 8 }}>
        {!locked && (
          <>
            <Button type="primary" onClick={() => void save()}>
              Lưu
            </Button>
            <Button onClick={() => void act(() => call('reports.refresh', { id }), 'Đã cập nhật số liệu từ dữ liệu hiện có')}>Cập nhật số liệu</Button>
            <Button onClick={() => void save().then((ok) => ok && setIssuing(true))}>Ban hành…</Button>
            <Popconfirm title="Xóa bản dự thảo này?" okText="Xóa" cancelText="Không" onConfirm={() => void act(async () => (await call('reports.delete', { id }), null)).then(onBack)}>
              <Button danger>Xóa dự thảo</Button>
            </Popconfirm>
          </>
        )}
        <Button onClick={() => setPreview(true)}>Xem trước</Button>
        <Button onClick={() => void exportDocx()}>Xuất tệp Word</Button>
        <Button onClick={() => void call('files.print', {}).catch((e) => setError(toAppError(e)))}>In màn hình</Button>
        {saved && <SavedFileActions path={saved} />}
      </Space>
      {preview && (
        <Modal open title="Xem trước báo cáo" width={960} footer={null} onCancel={() => setPreview(false)} destroyOnHidden>
          <DocxPreview kind="phase-report" id={id} version={version} />
        </Modal>
      )}
      {issuing && (
        <IssueNumberModal
          open
          title="Cấp số và ban hành báo cáo"
          kindAbbr="BC"
          what={`Báo cáo “${(report.subject || 'kết quả thi đua').slice(0, 120)}”`}
          defaultDate={todayApi()}
          note="Số BC lấy từ sổ văn bản đi của năm ban hành. Khi ban hành, số liệu được lấy lại và giữ cố định; báo cáo bị khóa."
          onClose={() => setIssuing(false)}
          onIssue={async (date, number) => {
            show(await call('reports.issue', { id, date, number }));
            onChanged();
            message.success('Đã ban hành báo cáo');
          }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        Số liệu lập lúc {dayjs(report.figures.composedAt).format('HH:mm DD/MM/YYYY')}; khi ban hành, số liệu được lấy lại và giữ cố định trong báo cáo.
      </Typography.Paragraph>
    </Card>
  );
}
