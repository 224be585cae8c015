import { Alert, Button, Descriptions, Form, Input, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { NominationView, RuleCheck } from '@shared/schemas/commendations';
import type { AppError } from '@shared/errors';
import { call, toAppError } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { LadderDrawer, type LadderSubject } from './LadderDrawer';
import { dayjs, toApiDate } from '../../lib/dates';
import type { Dayjs } from 'dayjs';

interface Values {
  reviewedOn: Dayjs;
  councilSize: number;
  votesFor: number;
  reason?: string;
  overrideReason?: string;
}

/** The vote as the council counts it: share of the whole council, not of those present. */
function votesLine(councilSize: number | undefined, votesFor: number | undefined, pct: number): { ok: boolean; text: string } | null {
  if (!councilSize || votesFor === undefined || votesFor === null) return null;
  const needed = Math.ceil((pct * councilSize) / 100);
  return { ok: votesFor * 100 >= pct * councilSize, text: `${votesFor}/${councilSize} phiếu đồng ý; cần ít nhất ${pct}% tổng số thành viên, tức ${needed} phiếu.` };
}

const icon = (c: RuleCheck) => (c.skipped ? '○' : c.ok ? '✓' : '✗');

/** Bình xét one nomination: rule checks with their explanations, the vote, approve or reject with a reason. */
export function ReviewModal({ nomination, onClose, onDone }: { nomination: NominationView | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [checks, setChecks] = useState<RuleCheck[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [ladder, setLadder] = useState<LadderSubject | null>(null);
  const council = Form.useWatch('councilSize', form);
  const votes = Form.useWatch('votesFor', form);
  useEffect(() => {
    if (!nomination) return;
    setError(null);
    // Start from this council's last vote; another office's bình xét is not this council's.
    const own = nomination.review && !nomination.review.ownerName ? nomination.review : null;
    form.setFieldsValue({ reviewedOn: dayjs(), councilSize: own?.councilSize, votesFor: own?.votesFor, reason: '', overrideReason: '' });
    call('commendations.checkNomination', { id: nomination.id }).then(setChecks, (e) => setError(toAppError(e)));
  }, [nomination, form]);
  if (!nomination) return null;
  const vl = votesLine(council, votes, nomination.requiredSharePct);
  const unmet = checks.filter((c) => c.code === 'condition' && !c.ok).length;

  const submit = async (result: 'approved' | 'rejected') => {
    setBusy(true);
    setError(null);
    try {
      const v = await form.validateFields();
      await call('commendations.review', {
        nominationId: nomination.id,
        reviewedOn: toApiDate(v.reviewedOn) ?? '',
        councilSize: v.councilSize,
        votesFor: v.votesFor,
        result,
        reason: v.reason ?? '',
        overrideReason: v.overrideReason ?? '',
      });
      onDone();
      onClose();
    } catch (e) {
      if ((e as { errorFields?: unknown }).errorFields) return;
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="Bình xét đề nghị khen thưởng"
      width={720}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>Đóng</Button>
          <Button danger loading={busy} onClick={() => submit('rejected')}>
            Không thông qua
          </Button>
          <Button type="primary" loading={busy} onClick={() => submit('approved')}>
            Thông qua
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'n', label: 'Đối tượng', children: `${nomination.displayName} (${nomination.target === 'individual' ? 'cá nhân' : 'tập thể'})` },
          { key: 's', label: 'Đơn vị đề nghị', children: nomination.sourceOrgName },
          { key: 'f', label: 'Hình thức đề nghị', children: `${nomination.proposedFormName} — cần ${nomination.requiredSharePct}% phiếu` },
          { key: 'a', label: 'Thành tích', children: nomination.achievement || '—' },
          // The lower council's override came up with the nomination: this council reads its reason before voting.
          ...(nomination.lowerReview?.overrideReason
            ? [{ key: 'o', label: `Hội đồng ${nomination.lowerReview.ownerName}`, children: `Đã thông qua khi chưa đạt điều kiện. Lý do: ${nomination.lowerReview.overrideReason}` }]
            : []),
        ]}
      />
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5}>Kiểm tra điều kiện</Typography.Title>
        {(nomination.personId || nomination.organizationId) && (
          <Button size="small" onClick={() => setLadder(nomination.personId ? { personId: nomination.personId } : { organizationId: nomination.organizationId! })}>
            Quá trình khen thưởng
          </Button>
        )}
      </Space>
      <LadderDrawer subject={ladder} onClose={() => setLadder(null)} />
      <List
        size="small"
        data-testid="rule-checks"
        dataSource={checks}
        renderItem={(c) => (
          <List.Item>
            {c.condition ? (
              // A form's own condition: its wording, what was looked at and found, and its legal source.
              <div>
                <Typography.Text strong type={c.ok ? 'success' : 'danger'}>
                  {icon(c)} {c.condition.label}
                </Typography.Text>
                <div>{c.message}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  Căn cứ: {c.condition.source} {c.condition.needsCheck && <Tag color="orange">cần kiểm tra</Tag>}
                </Typography.Text>
              </div>
            ) : (
              <Typography.Text type={c.skipped ? 'secondary' : c.ok ? 'success' : 'danger'}>
                {icon(c)} {c.message}
              </Typography.Text>
            )}
          </List.Item>
        )}
      />
      <ErrorAlert error={error} />
      <Form form={form} layout="inline" style={{ rowGap: 8, marginTop: 8 }}>
        <Form.Item label="Ngày họp bình xét" name="reviewedOn" rules={[{ required: true, message: 'Chọn ngày' }, dateRule]}>
          <DateInput />
        </Form.Item>
        <Form.Item label="Số thành viên hội đồng" name="councilSize" rules={[{ required: true, message: 'Nhập số thành viên' }]}>
          <InputNumber min={1} max={500} />
        </Form.Item>
        <Form.Item label="Số phiếu đồng ý" name="votesFor" rules={[{ required: true, message: 'Nhập số phiếu' }]}>
          <InputNumber min={0} max={500} />
        </Form.Item>
        <Form.Item label="Lý do" name="reason" style={{ width: '100%' }}>
          <Input.TextArea autoSize placeholder="Bắt buộc khi không thông qua" />
        </Form.Item>
        {unmet > 0 && (
          <Form.Item label="Lý do thông qua khi chưa đạt điều kiện" name="overrideReason" style={{ width: '100%' }} extra={`${unmet} điều kiện chưa đạt: chỉ thông qua được khi hội đồng ghi lý do; lý do in trong tờ trình và biên bản.`}>
            <Input.TextArea autoSize placeholder="Ví dụ: sáng kiến đã được Hội đồng công nhận, quyết định đang trình ký" />
          </Form.Item>
        )}
      </Form>
      {vl && <Alert style={{ marginTop: 12 }} type={vl.ok ? 'success' : 'warning'} showIcon title={vl.ok ? `Đạt: ${vl.text}` : `Chưa đạt: ${vl.text}`} />}
    </Modal>
  );
}
