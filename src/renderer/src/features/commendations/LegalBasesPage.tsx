import { App, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { LEGAL_BASIS_USES, LEGAL_BASIS_USE_LABELS } from '@shared/schemas/catalogue';
import type { LegalBasisView } from '@shared/schemas/commendations';
import { call, toAppError } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { FormModal } from '../../lib/FormModal';
import { OPEN_START, fromApiDate, showDate, toApiDate, todayApi } from '../../lib/dates';
import { useRouter } from '../../stores/router';
import { ReceivedTag } from './CatalogueReceived';

interface Values {
  text: string;
  appliesTo: LegalBasisView['appliesTo'];
  validFrom: ReturnType<typeof fromApiDate>;
  validTo: ReturnType<typeof fromApiDate>;
  source: string;
  needsCheck: boolean;
}

type Editing = { kind: 'edit'; row: LegalBasisView | null } | { kind: 'retire'; row: LegalBasisView };

const inForceOn = (b: LegalBasisView, day: string) => b.validFrom <= day && (b.validTo === null || b.validTo >= day);
const span = (b: LegalBasisView) => `${b.validFrom <= OPEN_START ? 'Từ trước' : showDate(b.validFrom)} – ${b.validTo ? showDate(b.validTo) : 'nay'}`;
const saveInput = (b: LegalBasisView) => ({ id: b.id, text: b.text, appliesTo: b.appliesTo, validFrom: b.validFrom, validTo: b.validTo, source: b.source, needsCheck: b.needsCheck });

/**
 * "Căn cứ pháp lý" (#/awards/legal-bases): the căn cứ lines as dated data. A new decision or tờ trình starts
 * with the lines in force on its date; a line is added, edited, retired from a date (documents dated later
 * leave it out), and every step can be undone from the notice. Lines the upper level sent are read-only.
 */
export function LegalBasesPage() {
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [rows, setRows] = useState<LegalBasisView[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<Values>();
  const reload = useCallback(() => call('catalogue.getLegalBases', {}).then(setRows, (e) => message.error(toAppError(e).message)), [message]);
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    const r = editing.row;
    if (editing.kind === 'retire') form.setFieldsValue({ validTo: fromApiDate(todayApi()) });
    else if (r) form.setFieldsValue({ text: r.text, appliesTo: r.appliesTo, validFrom: fromApiDate(r.validFrom), validTo: fromApiDate(r.validTo), source: r.source, needsCheck: r.needsCheck });
  }, [editing, form]);

  /** Shows what was done with a "Hoàn tác" that runs `undo` and refreshes the list. */
  const done = (what: string, next: LegalBasisView[], undo: () => Promise<LegalBasisView[]>) => {
    setRows(next);
    message.open({
      key: 'legal-basis',
      type: 'success',
      duration: 15,
      content: (
        <span data-testid="legal-basis-notice">
          {what}{' '}
          <Button
            size="small"
            type="link"
            onClick={() => {
              message.destroy('legal-basis');
              undo().then(
                (r) => {
                  setRows(r);
                  message.info('Đã hoàn tác.');
                },
                (e) => message.error(toAppError(e).message),
              );
            }}
          >
            Hoàn tác
          </Button>
        </span>
      ),
    });
  };

  const submit = async (v: Values) => {
    if (!editing) return;
    if (editing.kind === 'retire') {
      const before = editing.row;
      const next = await call('catalogue.retireLegalBasis', { id: before.id, validTo: toApiDate(v.validTo) ?? '' });
      done(`Căn cứ hết hiệu lực sau ngày ${showDate(toApiDate(v.validTo) ?? '')}.`, next, () => call('catalogue.saveLegalBasis', saveInput(before)));
      return;
    }
    const before = editing.row;
    const input = { text: v.text, appliesTo: v.appliesTo, validFrom: toApiDate(v.validFrom) ?? '', validTo: toApiDate(v.validTo) ?? null, source: v.source ?? '', needsCheck: !!v.needsCheck };
    if (before) {
      const next = await call('catalogue.saveLegalBasis', { id: before.id, ...input });
      done('Đã sửa căn cứ.', next, () => call('catalogue.saveLegalBasis', saveInput(before)));
    } else {
      const ids = new Set((rows ?? []).map((r) => r.id));
      const next = await call('catalogue.saveLegalBasis', input);
      const added = next.find((r) => !ids.has(r.id));
      done('Đã thêm căn cứ.', next, () => (added ? call('catalogue.deleteLegalBasis', { id: added.id }) : call('catalogue.getLegalBases', {})));
    }
  };

  const today = todayApi();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => navigate('awards', 'settings')}>← Hệ số, lương cơ sở</Button>
        <Typography.Text type="secondary">
          Quyết định, tờ trình mới tự điền các căn cứ đang có hiệu lực vào ngày của văn bản. Văn bản đã ban hành giữ nguyên căn cứ đã in.
        </Typography.Text>
      </Space>
      <Card
        size="small"
        title="Căn cứ pháp lý"
        extra={
          <Button type="primary" onClick={() => setEditing({ kind: 'edit', row: null })}>
            Thêm căn cứ
          </Button>
        }
      >
        <Table<LegalBasisView>
          size="small"
          rowKey="id"
          data-testid="legal-bases"
          loading={rows === null}
          pagination={false}
          dataSource={rows ?? []}
          locale={{ emptyText: 'Chưa có căn cứ nào.' }}
          rowClassName={(b) => (inForceOn(b, today) ? '' : 'row-muted')}
          columns={[
            { title: 'Căn cứ', dataIndex: 'text' },
            { title: 'Dùng cho', dataIndex: 'appliesTo', width: 150, render: (a: LegalBasisView['appliesTo']) => LEGAL_BASIS_USE_LABELS[a] },
            {
              title: 'Hiệu lực',
              width: 220,
              render: (_: unknown, b) => (
                <>
                  {span(b)} {inForceOn(b, today) ? null : <Tag>{b.validFrom > today ? 'Chưa áp dụng' : 'Hết hiệu lực'}</Tag>}
                </>
              ),
            },
            { title: 'Nguồn', dataIndex: 'source', width: 220, render: (s: string, b) => <>{s} {b.needsCheck && <Tag color="orange">cần kiểm tra</Tag>}</> },
            {
              title: '',
              width: 200,
              render: (_: unknown, b) =>
                b.receivedFrom ? (
                  <ReceivedTag from={b.receivedFrom} />
                ) : (
                  <Space>
                    <Button size="small" aria-label={`Sửa căn cứ: ${b.text}`} onClick={() => setEditing({ kind: 'edit', row: b })}>
                      Sửa
                    </Button>
                    <Button size="small" aria-label={`Cho hết hiệu lực: ${b.text}`} onClick={() => setEditing({ kind: 'retire', row: b })}>
                      Hết hiệu lực…
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <FormModal<Values>
        open={!!editing}
        title={editing?.kind === 'retire' ? 'Cho căn cứ hết hiệu lực' : editing?.row ? 'Sửa căn cứ' : 'Thêm căn cứ'}
        okText={editing?.kind === 'retire' ? 'Hết hiệu lực' : 'Lưu'}
        form={form}
        width={720}
        labels={{ text: 'Nội dung căn cứ', validFrom: 'Áp dụng từ ngày', validTo: 'Ngày cuối cùng áp dụng', appliesTo: 'Dùng cho', source: 'Nguồn' }}
        initialValues={{ appliesTo: 'both', needsCheck: false, source: '' }}
        onClose={() => setEditing(null)}
        onSubmit={submit}
      >
        {editing?.kind === 'retire' ? (
          <>
            <Typography.Paragraph>{editing.row.text}</Typography.Paragraph>
            <Form.Item label="Ngày cuối cùng áp dụng" name="validTo" rules={[{ required: true, message: 'Nhập ngày' }, dateRule]} extra="Văn bản ngày sau ngày này không còn dẫn căn cứ này.">
              <DateInput autoFocus />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label="Nội dung căn cứ" name="text" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung căn cứ' }]} extra="Ghi như in trong văn bản, ví dụ: Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} autoFocus />
            </Form.Item>
            <Form.Item label="Dùng cho" name="appliesTo">
              <Select options={LEGAL_BASIS_USES.map((u) => ({ value: u, label: LEGAL_BASIS_USE_LABELS[u] }))} />
            </Form.Item>
            <Space size={16} wrap>
              <Form.Item label="Áp dụng từ ngày" name="validFrom" rules={[{ required: true, message: 'Nhập ngày' }, dateRule]}>
                <DateInput />
              </Form.Item>
              <Form.Item label="Ngày cuối cùng áp dụng (để trống: đang áp dụng)" name="validTo" rules={[dateRule]}>
                <DateInput />
              </Form.Item>
            </Space>
            <Form.Item label="Nguồn" name="source">
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="needsCheck" valuePropName="checked">
              <Checkbox>Cần kiểm tra lại</Checkbox>
            </Form.Item>
          </>
        )}
      </FormModal>
    </Space>
  );
}
