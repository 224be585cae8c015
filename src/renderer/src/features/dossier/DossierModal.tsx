import { Alert, App, Button, Col, Input, Modal, Row, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AchievementBody, AchievementView } from '@shared/schemas/dossier';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { DocxPreview } from '../plans/DocxPreview';

type AwardRows = AchievementBody['titles'];
const awardsText = (rows: AwardRows) => rows.map((r) => `${r.year} | ${r.name} | ${r.decision}`).join('\n');
/** "2025 | Lao động tiên tiến | Quyết định số …" per line; a line that does not start with a year is refused. */
function awardsFrom(text: string, what: string): AwardRows {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      const [year, name = '', ...decision] = l.split('|').map((p) => p.trim());
      if (!/^\d{4}$/.test(year)) throw new Error(`${what}, dòng ${i + 1}: bắt đầu bằng năm (ví dụ “2025 | Lao động tiên tiến | Quyết định số …”).`);
      return { year: Number(year), name, decision: decision.join(' | ') };
    });
}

/** The dossier of one nomination: its Báo cáo thành tích (prefilled, editable) and "Xuất hồ sơ" (.zip). */
export function DossierModal({ nominationId, onClose }: { nominationId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [view, setView] = useState<AchievementView | null>(null);
  const [body, setBody] = useState<AchievementBody | null>(null);
  const [titles, setTitles] = useState('');
  const [forms, setForms] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('dossier.getAchievement', { nominationId }).then(
      (v) => {
        setView(v);
        setBody(v.body);
        setTitles(awardsText(v.body.titles));
        setForms(awardsText(v.body.forms));
      },
      (e) => setError(toAppError(e)),
    );
  }, [nominationId]);

  const save = async (): Promise<boolean> => {
    if (!body) return false;
    setBusy(true);
    try {
      const v = await call('dossier.saveAchievement', { nominationId, body: { ...body, titles: awardsFrom(titles, 'Danh hiệu thi đua'), forms: awardsFrom(forms, 'Hình thức khen thưởng') } });
      setView(v);
      setError(null);
      setVersion((x) => x + 1);
      return true;
    } catch (e) {
      setError(toAppError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const exportZip = async () => {
    if (!(await save())) return;
    try {
      const r = await call('dossier.export', { nominationId });
      if (r.path) message.success(`Đã lưu hồ sơ (${r.files.length} văn bản): ${r.path}`);
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const set = (patch: Partial<AchievementBody>) => setBody((b) => (b ? { ...b, ...patch } : b));
  return (
    <Modal
      open
      width={1200}
      title={view ? `Hồ sơ đề nghị khen thưởng — ${view.displayName}` : 'Hồ sơ đề nghị khen thưởng'}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          Đóng
        </Button>,
        <Button key="save" loading={busy} onClick={() => void save().then((ok) => ok && message.success('Đã lưu báo cáo thành tích'))}>
          Lưu báo cáo thành tích
        </Button>,
        <Button key="zip" type="primary" loading={busy} onClick={() => void exportZip()}>
          Xuất hồ sơ (.zip)
        </Button>,
      ]}
    >
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {!body || !view ? (
        <Spin />
      ) : (
        <Row gutter={16}>
          <Col span={12}>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text strong>Báo cáo thành tích</Typography.Text>
              {view.saved ? <Tag color="green">Đã lưu</Tag> : <Tag>Điền sẵn từ dữ liệu — chưa lưu</Tag>}
            </Space>
            <Alert type="info" showIcon style={{ marginBottom: 8 }} title="Hồ sơ gồm: tờ trình (nếu đã lập), biên bản họp Hội đồng (và phiếu bầu, kiểm phiếu nếu bỏ phiếu kín), báo cáo thành tích." />
            <label className="field-label" htmlFor="ach-proposal">Đề nghị tặng / công nhận</label>
            <Input id="ach-proposal" value={body.proposal} onChange={(e) => set({ proposal: e.target.value })} />
            {body.profile.map((p, i) => (
              <div key={i}>
                <label className="field-label" htmlFor={`ach-profile-${i}`}>{p.label}</label>
                <Input id={`ach-profile-${i}`} value={p.value} onChange={(e) => set({ profile: body.profile.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })} />
              </div>
            ))}
            <label className="field-label" htmlFor="ach-duties">{view.target === 'individual' ? 'Quyền hạn, nhiệm vụ được giao' : 'Chức năng, nhiệm vụ'}</label>
            <Input.TextArea id="ach-duties" autoSize={{ minRows: 2, maxRows: 6 }} value={body.duties} onChange={(e) => set({ duties: e.target.value })} />
            <label className="field-label" htmlFor="ach-achievements">Thành tích đạt được (mỗi đoạn một dòng; dòng bắt đầu “-” là ý gạch đầu dòng)</label>
            <Input.TextArea id="ach-achievements" autoSize={{ minRows: 4, maxRows: 14 }} value={body.achievements} onChange={(e) => set({ achievements: e.target.value })} />
            <label className="field-label" htmlFor="ach-titles">Danh hiệu thi đua đã đạt (Năm | Danh hiệu | Số, ngày quyết định)</label>
            <Input.TextArea id="ach-titles" autoSize={{ minRows: 2, maxRows: 8 }} value={titles} onChange={(e) => setTitles(e.target.value)} />
            <label className="field-label" htmlFor="ach-forms">Hình thức khen thưởng đã nhận (Năm | Hình thức | Số, ngày quyết định)</label>
            <Input.TextArea id="ach-forms" autoSize={{ minRows: 2, maxRows: 8 }} value={forms} onChange={(e) => setForms(e.target.value)} />
            <Row gutter={8}>
              <Col span={12}>
                <label className="field-label" htmlFor="ach-reporter">{view.target === 'individual' ? 'Người báo cáo' : 'Thủ trưởng đơn vị'}</label>
                <Input id="ach-reporter" value={body.reporter.name} onChange={(e) => set({ reporter: { ...body.reporter, name: e.target.value } })} />
              </Col>
              <Col span={12}>
                <label className="field-label" htmlFor="ach-confirmer">Thủ trưởng xác nhận</label>
                <Input id="ach-confirmer" value={body.confirmer.name} onChange={(e) => set({ confirmer: { ...body.confirmer, name: e.target.value } })} />
              </Col>
            </Row>
          </Col>
          <Col span={12}>
            <DocxPreview kind="achievement-report" id={nominationId} version={version} />
          </Col>
        </Row>
      )}
    </Modal>
  );
}
