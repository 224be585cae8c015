import { App, Button, Card, Checkbox, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { CONDITION_SHAPE_LABELS, CONDITION_SHAPES, type ConditionShape, type ConditionView } from '@shared/schemas/award-conditions';
import { TARGET_LABELS, type AwardFormView } from '@shared/schemas/commendations';
import { call, toAppError } from '../../api/client';
import { DateInput } from '../../lib/DateInput';
import { FormModal } from '../../lib/FormModal';
import { fromApiDate, showDate, toApiDate } from '../../lib/dates';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Values = Record<string, any>;

/** Which numbers a rule shape uses: the form shows only those. */
const USES: Record<ConditionShape, { subjects: boolean; k: boolean; p: boolean }> = {
  title_each_year: { subjects: true, k: false, p: false },
  title_k_of_n: { subjects: true, k: true, p: false },
  form_not_within: { subjects: true, k: false, p: false },
  initiative: { subjects: false, k: false, p: false },
  collective_share: { subjects: true, k: false, p: true },
  ladder_gap: { subjects: true, k: false, p: false },
};

/** Cài đặt → Khen thưởng: the conditions of each title/form, dated and with their legal source, as the review checks them. */
export function AwardConditionsCard({ forms }: { forms: AwardFormView[] }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<ConditionView[]>([]);
  const [editing, setEditing] = useState<{ row: ConditionView | null } | null>(null);
  const [form] = Form.useForm<Values>();
  const shape = (Form.useWatch('shape', form) ?? 'title_each_year') as ConditionShape;
  const reload = useCallback(() => call('awardRules.list', {}).then(setRows, (e) => message.error(toAppError(e).message)), [message]);
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.row) form.setFieldsValue({ ...editing.row, validFrom: fromApiDate(editing.row.validFrom), validTo: fromApiDate(editing.row.validTo) });
  }, [editing, form]);

  const submit = async (v: Values) => {
    await call('awardRules.save', {
      id: editing?.row?.id,
      formId: v.formId,
      target: v.target,
      shape: v.shape,
      subjectFormIds: v.subjectFormIds ?? [],
      years: v.years,
      minCount: v.minCount ?? 0,
      sharePct: v.sharePct ?? 0,
      endOffset: v.endOffset,
      noDiscipline: !!v.noDiscipline,
      label: v.label ?? '',
      validFrom: toApiDate(v.validFrom) ?? '',
      validTo: toApiDate(v.validTo) ?? null,
      source: v.source ?? '',
      needsCheck: !!v.needsCheck,
    });
    message.success('Đã lưu điều kiện');
    await reload();
  };
  const remove = (id: string) => call('awardRules.delete', { id }).then(reload, (e) => message.error(toAppError(e).message));
  const formOptions = forms.map((f) => ({ value: f.id, label: f.name }));
  const uses = USES[shape];

  return (
    <Card size="small" title="Điều kiện xét tặng (bình xét kiểm tra theo lịch sử khen thưởng)" extra={<Button onClick={() => setEditing({ row: null })}>Thêm điều kiện</Button>}>
      <Table<ConditionView>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        dataSource={rows}
        locale={{ emptyText: 'Chưa có điều kiện nào.' }}
        columns={[
          { title: 'Danh hiệu, hình thức', dataIndex: 'formName', width: 200, render: (n: string, r) => `${n} (${TARGET_LABELS[r.target].toLowerCase()})` },
          { title: 'Điều kiện', dataIndex: 'label', render: (l: string, r) => (<><div>{l}</div><Typography.Text type="secondary">{CONDITION_SHAPE_LABELS[r.shape]}{r.subjectNames.length ? `: ${r.subjectNames.join(', ')}` : ''}; N = {r.years}{r.shape === 'title_k_of_n' ? `, K = ${r.minCount}` : ''}{r.shape === 'collective_share' ? `, P = ${r.sharePct}%` : ''}</Typography.Text></>) },
          { title: 'Hiệu lực', width: 170, render: (_: unknown, r) => `${showDate(r.validFrom)} – ${r.validTo ? showDate(r.validTo) : '…'}` },
          { title: 'Căn cứ', dataIndex: 'source', render: (s: string, r) => (<>{s} {r.needsCheck && <Tag color="orange">cần kiểm tra</Tag>} {r.ownerId && <Tag>cấp trên</Tag>}</>) },
          {
            title: '',
            width: 130,
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ row: r })}>Sửa</Button>
                <Popconfirm title="Xóa điều kiện này?" okText="Xóa" cancelText="Hủy" onConfirm={() => remove(r.id)}>
                  <Button size="small" danger>Xóa</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<Values>
        open={!!editing}
        width={640}
        title={editing?.row ? 'Sửa điều kiện' : 'Thêm điều kiện'}
        form={form}
        labels={{ formId: 'Danh hiệu / hình thức', subjectFormIds: 'Danh hiệu được tính', years: 'Số năm (N)', minCount: 'Số lần (K)', sharePct: 'Tỷ lệ (P %)', label: 'Nội dung điều kiện', validFrom: 'Áp dụng từ ngày', validTo: 'Áp dụng đến ngày', source: 'Căn cứ' }}
        initialValues={{ target: 'individual', shape: 'title_each_year', years: 1, endOffset: 0, subjectFormIds: [] }}
        onClose={() => setEditing(null)}
        onSubmit={submit}
      >
        <Form.Item label="Danh hiệu / hình thức được xét" name="formId" rules={[{ required: true, message: 'Chọn danh hiệu / hình thức' }]}><Select showSearch={{ optionFilterProp: 'label' }} options={formOptions} /></Form.Item>
        <Form.Item label="Đối tượng" name="target"><Select options={[{ value: 'individual', label: 'Cá nhân' }, { value: 'collective', label: 'Tập thể' }]} /></Form.Item>
        <Form.Item label="Dạng điều kiện" name="shape"><Select options={CONDITION_SHAPES.map((s) => ({ value: s, label: CONDITION_SHAPE_LABELS[s] }))} /></Form.Item>
        {uses.subjects && (
          <Form.Item label="Danh hiệu / hình thức được tính (T, F)" name="subjectFormIds" rules={[{ required: true, message: 'Chọn ít nhất một' }]}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={formOptions} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item label="Số năm (N)" name="years" rules={[{ required: true, message: 'Nhập N' }]}><InputNumber min={1} max={30} /></Form.Item>
          {uses.k && <Form.Item label="Số lần (K)" name="minCount" rules={[{ required: true, message: 'Nhập K' }]}><InputNumber min={1} max={30} /></Form.Item>}
          {uses.p && <Form.Item label="Tỷ lệ (P %)" name="sharePct" rules={[{ required: true, message: 'Nhập P' }]}><InputNumber min={1} max={100} /></Form.Item>}
          {shape !== 'ladder_gap' && (
            <Form.Item label="Khoảng năm" name="endOffset"><Select style={{ width: 230 }} options={[{ value: 0, label: 'Gồm năm đề nghị' }, { value: 1, label: 'Kết thúc năm trước năm đề nghị' }]} /></Form.Item>
          )}
        </Space>
        {shape === 'collective_share' && <Form.Item name="noDiscipline" valuePropName="checked"><Checkbox>Không có cá nhân bị kỷ luật (trường hợp loại trừ mọi hình thức)</Checkbox></Form.Item>}
        <Form.Item label="Nội dung điều kiện (hiện khi bình xét)" name="label" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }]}><Input /></Form.Item>
        <Space wrap>
          <Form.Item label="Áp dụng từ ngày" name="validFrom" rules={[{ required: true, message: 'Chọn ngày' }]}><DateInput /></Form.Item>
          <Form.Item label="Đến ngày" name="validTo"><DateInput /></Form.Item>
        </Space>
        <Form.Item label="Căn cứ (văn bản, điều, khoản)" name="source" rules={[{ required: true, whitespace: true, message: 'Nhập căn cứ' }]}><Input /></Form.Item>
        <Form.Item name="needsCheck" valuePropName="checked"><Checkbox>Cần kiểm tra (chưa đối chiếu văn bản gốc)</Checkbox></Form.Item>
      </FormModal>
    </Card>
  );
}
