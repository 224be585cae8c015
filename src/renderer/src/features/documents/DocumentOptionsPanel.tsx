import { App as AntApp, Button, Collapse, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { DocumentOptionsView, OptionKind } from '@shared/calls/documents';
import { call, toAppError } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { fromApiDate, showDate, toApiDate } from '../../lib/dates';
import { whenIdle } from '../../lib/whenIdle';

interface Values {
  addressees: string;
  recipients: string;
  archive: string;
  deadline: Dayjs | null;
}

const toLines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Kính gửi and Nơi nhận of one document (one line per recipient; "Lưu:" apart), over the kind's defaults,
 * and for a công văn đôn đốc its deadline. Saved with documents.saveOptions; the preview reloads after.
 */
export function DocumentOptionsPanel({ kind, id, onSaved }: { kind: OptionKind; id: string; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [view, setView] = useState<DocumentOptionsView | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (v: DocumentOptionsView) => {
    setView(v);
    form.setFieldsValue({ addressees: v.addressees.join('\n'), recipients: v.recipients.items.join('\n'), archive: v.recipients.archive, deadline: fromApiDate(v.deadline) });
  };

  // The defaults are read from the composed document (a 2,000-row decision takes a while): asked once the
  // screen is idle, or at once when the clerk opens the panel, so they never hold up the screen.
  const asked = useRef<string | null>(null);
  const ask = () => {
    if (asked.current === `${kind}/${id}`) return;
    asked.current = `${kind}/${id}`;
    call('documents.getOptions', { kind, id }).then(show, (e) => void message.error(toAppError(e).message));
  };
  useEffect(
    () => whenIdle(ask),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only for another document
    [kind, id],
  );

  const save = async (reset: boolean) => {
    if (!view) return;
    setBusy(true);
    try {
      const v = form.getFieldsValue();
      const addressees = toLines(v.addressees ?? '');
      const recipients = { items: toLines(v.recipients ?? ''), archive: (v.archive ?? '').trim() };
      const defaultRecipients = sameList(recipients.items, view.defaults.recipients.items) && recipients.archive === view.defaults.recipients.archive;
      const deadline = kind === 'registration-reminder' ? (toApiDate(v.deadline) ?? null) : null;
      const saved = await call('documents.saveOptions', {
        kind,
        id,
        addressees: reset || addressees.length === 0 || sameList(addressees, view.defaults.addressees) ? null : addressees,
        recipients: reset || defaultRecipients ? null : recipients,
        deadline: reset ? null : deadline,
      });
      show(saved);
      message.success(reset ? 'Đã dùng lại Kính gửi, Nơi nhận mặc định.' : 'Đã lưu Kính gửi, Nơi nhận.');
      onSaved();
    } catch (e) {
      message.error(toAppError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const hasAddressees = !!view && (view.defaults.addressees.length > 0 || view.addressees.length > 0);
  return (
    <Collapse
      size="small"
      className="document-options"
      onChange={(keys) => keys.length > 0 && ask()}
      items={[
        {
          key: 'options',
          label: view?.customized ? 'Kính gửi, Nơi nhận (đã sửa)' : 'Kính gửi, Nơi nhận',
          children: (
            <Form form={form} layout="vertical" disabled={!view || busy} onFinish={() => void save(false)}>
              {kind === 'registration-reminder' && (
                <Form.Item name="deadline" label="Hạn gửi bản đăng ký" rules={[dateRule]} extra={view?.defaults.deadline ? `Hạn của đợt: ${showDate(view.defaults.deadline)} — hạn đã qua không được ghi lại.` : undefined}>
                  <DateInput aria-label="Hạn gửi bản đăng ký" style={{ width: 180 }} />
                </Form.Item>
              )}
              {hasAddressees && (
                <Form.Item name="addressees" label="Kính gửi (mỗi dòng một nơi)">
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} aria-label="Kính gửi" />
                </Form.Item>
              )}
              <Form.Item name="recipients" label="Nơi nhận (mỗi dòng một nơi, không cần “-” và “;”)">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} aria-label="Nơi nhận" placeholder="Tổng LĐLĐ Việt Nam (b/c)" />
              </Form.Item>
              <Form.Item name="archive" label="Lưu" extra="Ví dụ: VT, Ban TC-KT">
                <Input addonBefore="Lưu:" aria-label="Lưu" />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>
                  Lưu Kính gửi, Nơi nhận
                </Button>
                <Button onClick={() => void save(true)} disabled={!view?.customized}>
                  Dùng mặc định
                </Button>
              </Space>
              {view && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  Mặc định: {view.defaults.recipients.items.map((i) => `- ${i};`).join(' ')} - Lưu: {view.defaults.recipients.archive}.
                </Typography.Paragraph>
              )}
            </Form>
          ),
        },
      ]}
    />
  );
}
