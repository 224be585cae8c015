import { App, Button, Card, Checkbox, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  FORM_KIND_LABELS,
  ROUNDING_MODE_LABELS,
  ROUNDING_MODES,
  TARGET_LABELS,
  type AwardFormView,
  type BaseSalaryView,
  type CatalogueView,
  type CoefficientView,
  type ExclusionView,
  type RoundingView,
} from '@shared/schemas/commendations';
import type { OrgNode } from '@shared/schemas/organizations';
import type { PersonView } from '@shared/schemas/people';
import { call, toAppError } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { FormModal } from '../../lib/FormModal';
import { fromApiDate, showDate, toApiDate } from '../../lib/dates';
import { useRouter } from '../../stores/router';
import { AwardConditionsCard } from './AwardConditionsCard';
import { CatalogueChangesCard, ReceivedTag } from './CatalogueReceived';
import { coef, money } from './shared';

type Table = 'coefficient' | 'baseSalary' | 'rounding' | 'exclusion' | 'form';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Values = Record<string, any>;

const TITLES: Record<Table, string> = { coefficient: 'hệ số tiền thưởng', baseSalary: 'mức lương cơ sở', rounding: 'quy tắc làm tròn', exclusion: 'trường hợp loại trừ', form: 'danh hiệu, hình thức' };

/** Cài đặt → Khen thưởng: the dated tables money is made from, exclusions, and the catalogue. All rows are data the office edits. */
export function CommendationSettings() {
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [cat, setCat] = useState<CatalogueView | null>(null);
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [people, setPeople] = useState<PersonView[]>([]);
  const findPeople = (query: string) => call('people.search', { query, limit: 30 }).then((p) => setPeople(p.items), (e) => message.error(`Không đọc được danh sách cá nhân: ${toAppError(e).message}`));
  const [editing, setEditing] = useState<{ table: Table; row: Values | null } | null>(null);
  const [form] = Form.useForm<Values>();
  const reload = useCallback(() => call('commendations.catalogue', {}).then(setCat, (e) => message.error(toAppError(e).message)), [message]);
  useEffect(() => {
    void reload();
    call('organizations.tree', {}).then(setOrgs, (e) => message.error(`Không đọc được danh mục đơn vị: ${toAppError(e).message}`));
  }, [reload, message]);
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.row) form.setFieldsValue({ ...editing.row, validFrom: fromApiDate(editing.row.validFrom as unknown as string) ?? undefined, validTo: fromApiDate(editing.row.validTo as unknown as string) });
  }, [editing, form]);
  if (!cat) return null;

  const open = (table: Table, row: object | null = null) => setEditing({ table, row: row as Values | null });
  const remove = (table: Exclude<Table, 'form'>, id: string) => call('commendations.deleteDated', { table, id }).then(setCat, (e) => message.error(toAppError(e).message));
  // Rows received in the upper level's catalogue package are theirs: shown with who set them, not editable here.
  const actions = (table: Exclude<Table, 'form'>, row: { id: string; receivedFrom?: string | null }) => row.receivedFrom ? <ReceivedTag from={row.receivedFrom} /> : (
    <Space>
      <Button size="small" onClick={() => open(table, row)}>
        Sửa
      </Button>
      <Popconfirm title="Xóa dòng này?" okText="Xóa" cancelText="Hủy" onConfirm={() => remove(table, row.id)}>
        <Button size="small" danger>
          Xóa
        </Button>
      </Popconfirm>
    </Space>
  );
  const card = (table: Table, title: string, extra: ReactNode, children: ReactNode) => (
    <Card size="small" title={title} extra={<Space>{extra}<Button onClick={() => open(table)}>Thêm dòng</Button></Space>}>
      {children}
    </Card>
  );
  const src = (s: string, check?: boolean) => (
    <>
      {s} {check && <Tag color="orange">cần kiểm tra</Tag>}
    </>
  );

  const submit = async (v: Values) => {
    const t = editing!.table;
    const id = editing!.row?.id as string | undefined;
    const validFrom = toApiDate(v.validFrom) ?? '';
    if (t === 'coefficient') setCat(await call('commendations.saveCoefficient', { id, formId: v.formId, target: v.target, coefficient: v.coefficient, validFrom, source: v.source ?? '', needsCheck: !!v.needsCheck }));
    if (t === 'baseSalary') setCat(await call('commendations.saveBaseSalary', { id, amount: v.amount, validFrom, source: v.source ?? '', needsCheck: !!v.needsCheck }));
    if (t === 'rounding') setCat(await call('commendations.saveRounding', { id, validFrom, mode: v.mode, step: v.step, source: v.source ?? '' }));
    if (t === 'exclusion')
      setCat(await call('commendations.saveExclusion', { id, personId: v.personId ?? null, organizationId: v.personId ? null : (v.organizationId ?? null), formId: v.formId ?? null, reason: v.reason ?? '', validFrom, validTo: toApiDate(v.validTo) ?? null }));
    if (t === 'form') {
      await call('commendations.saveForm', { id, kind: v.kind, name: v.name, targets: v.targets, issuingLevel: v.issuingLevel ?? '', requiredSharePct: v.requiredSharePct, note: v.note ?? '' });
      await reload();
    }
    message.success('Đã lưu');
  };

  const formOptions = cat.forms.map((f) => ({ value: f.id, label: f.name }));
  const t = editing?.table;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space>
        <Button onClick={() => navigate('settings')}>← Cài đặt</Button>
        <Typography.Text type="secondary">Các mức tiền, hệ số và quy tắc làm tròn là dữ liệu có ngày hiệu lực; quyết định dùng dòng đang áp dụng vào ngày quyết định.</Typography.Text>
      </Space>
      {card('coefficient', 'Hệ số tiền thưởng (× lương cơ sở)', null,
        <Table<CoefficientView> size="small" rowKey="id" pagination={{ pageSize: 12, hideOnSinglePage: true }} dataSource={cat.coefficients} columns={[
          { title: 'Danh hiệu, hình thức', dataIndex: 'formName' },
          { title: 'Đối tượng', dataIndex: 'target', width: 90, render: (x: CoefficientView['target']) => TARGET_LABELS[x] },
          { title: 'Hệ số', dataIndex: 'coefficient', width: 70, render: (c: number) => coef(c) },
          { title: 'Áp dụng từ', dataIndex: 'validFrom', width: 110, render: (d: string) => showDate(d) },
          { title: 'Căn cứ', dataIndex: 'source', render: (s: string, r) => src(s, r.needsCheck) },
          { title: '', width: 130, render: (_: unknown, r) => actions('coefficient', r) },
        ]} />)}
      {card('baseSalary', 'Mức lương cơ sở', null,
        <Table<BaseSalaryView> size="small" rowKey="id" pagination={false} dataSource={cat.baseSalaries} columns={[
          { title: 'Mức', dataIndex: 'amount', render: (a: number) => money(a) },
          { title: 'Áp dụng từ', dataIndex: 'validFrom', render: (d: string) => showDate(d) },
          { title: 'Căn cứ', dataIndex: 'source', render: (s: string, r) => src(s, r.needsCheck) },
          { title: '', width: 130, render: (_: unknown, r) => actions('baseSalary', r) },
        ]} />)}
      {card('rounding', 'Làm tròn tiền thưởng', null,
        <Table<RoundingView> size="small" rowKey="id" pagination={false} dataSource={cat.roundings} columns={[
          { title: 'Cách làm tròn', dataIndex: 'mode', render: (m: RoundingView['mode']) => ROUNDING_MODE_LABELS[m] },
          { title: 'Đến', dataIndex: 'step', render: (s: number) => money(s) },
          { title: 'Áp dụng từ', dataIndex: 'validFrom', render: (d: string) => showDate(d) },
          { title: 'Căn cứ', dataIndex: 'source' },
          { title: '', width: 130, render: (_: unknown, r) => actions('rounding', r) },
        ]} />)}
      {card('exclusion', 'Trường hợp không xét khen (loại trừ)', null,
        <Table<ExclusionView> size="small" rowKey="id" pagination={false} dataSource={cat.exclusions} locale={{ emptyText: 'Chưa có trường hợp nào.' }} columns={[
          { title: 'Đối tượng', dataIndex: 'subjectName' },
          { title: 'Hình thức', dataIndex: 'formName', render: (f: string | null) => f ?? 'Mọi hình thức' },
          { title: 'Lý do', dataIndex: 'reason' },
          { title: 'Thời gian', render: (_: unknown, r) => `${showDate(r.validFrom)} – ${r.validTo ? showDate(r.validTo) : '…'}` },
          { title: '', width: 130, render: (_: unknown, r) => actions('exclusion', r) },
        ]} />)}
      {card('form', 'Danh mục danh hiệu, hình thức khen thưởng', null,
        <Table<AwardFormView> size="small" rowKey="id" pagination={false} dataSource={cat.forms} columns={[
          { title: 'Tên', dataIndex: 'name' },
          { title: 'Loại', dataIndex: 'kind', width: 170, render: (k: AwardFormView['kind']) => FORM_KIND_LABELS[k] },
          { title: 'Áp dụng cho', dataIndex: 'targets', width: 120, render: (x: AwardFormView['targets']) => (x === 'both' ? 'Tập thể, cá nhân' : TARGET_LABELS[x]) },
          { title: 'Cấp khen', dataIndex: 'issuingLevel' },
          { title: 'Tỷ lệ phiếu', dataIndex: 'requiredSharePct', width: 100, render: (p: number) => `${p}%` },
          { title: '', width: 80, render: (_: unknown, r) => (r.receivedFrom ? <ReceivedTag from={r.receivedFrom} /> : <Button size="small" onClick={() => open('form', r)}>Sửa</Button>) },
        ]} />)}
      <AwardConditionsCard forms={cat.forms} />
      <Card size="small" title="Căn cứ pháp lý (tự điền vào quyết định, tờ trình theo ngày hiệu lực)">
        <Button onClick={() => navigate('awards', 'legal-bases')}>Xem và sửa căn cứ pháp lý ({(cat.legalBases ?? []).length} dòng)</Button>
      </Card>
      <CatalogueChangesCard />

      <FormModal<Values>
        open={!!editing}
        title={`${editing?.row ? 'Sửa' : 'Thêm'} ${t ? TITLES[t] : ''}`}
        form={form}
        labels={{ coefficient: 'Hệ số', amount: 'Mức lương cơ sở', step: 'Bước làm tròn', reason: 'Lý do', validFrom: 'Áp dụng từ', validTo: 'Đến ngày', name: 'Tên', requiredSharePct: 'Tỷ lệ phiếu' }}
        initialValues={{ target: 'individual', mode: 'ceil', step: 10000, kind: 'form', targets: 'both', requiredSharePct: 50 }}
        onClose={() => setEditing(null)}
        onSubmit={submit}
      >
        {t === 'coefficient' && (
          <>
            <Form.Item label="Danh hiệu, hình thức" name="formId" rules={[{ required: true, message: 'Chọn hình thức' }]}><Select options={formOptions} /></Form.Item>
            <Form.Item label="Đối tượng" name="target"><Select options={[{ value: 'individual', label: 'Cá nhân' }, { value: 'collective', label: 'Tập thể' }]} /></Form.Item>
            <Form.Item label="Hệ số" name="coefficient" rules={[{ required: true, message: 'Nhập hệ số' }]}><InputNumber min={0} max={100} step={0.1} decimalSeparator="," /></Form.Item>
          </>
        )}
        {t === 'baseSalary' && <Form.Item label="Mức lương cơ sở (đồng)" name="amount" rules={[{ required: true, message: 'Nhập mức' }]}><InputNumber min={1} step={10000} style={{ width: 200 }} /></Form.Item>}
        {t === 'rounding' && (
          <>
            <Form.Item label="Cách làm tròn" name="mode"><Select options={ROUNDING_MODES.map((m) => ({ value: m, label: ROUNDING_MODE_LABELS[m] }))} /></Form.Item>
            <Form.Item label="Bước làm tròn (đồng)" name="step" rules={[{ required: true, message: 'Nhập bước' }]}><InputNumber min={1} /></Form.Item>
          </>
        )}
        {t === 'exclusion' && (
          <>
            <Form.Item label="Cá nhân" name="personId" extra="Chọn một cá nhân, hoặc để trống và chọn một đơn vị (tập thể).">
              <Select
                allowClear
                showSearch={{ filterOption: false, onSearch: (q) => void findPeople(q) }}
                onOpenChange={(o) => o && void findPeople('')}
                options={[
                  ...(editing?.row?.personId ? [{ value: editing.row.personId as string, label: editing.row.subjectName as string }] : []),
                  ...people.filter((p) => p.id !== editing?.row?.personId).map((p) => ({ value: p.id, label: `${p.fullName}${p.organizationName ? ` — ${p.organizationName}` : ''}` })),
                ]}
              />
            </Form.Item>
            <Form.Item label="Đơn vị (tập thể)" name="organizationId">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
            <Form.Item label="Hình thức (để trống: mọi hình thức)" name="formId"><Select allowClear options={formOptions} /></Form.Item>
            <Form.Item label="Lý do" name="reason" rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}><Input /></Form.Item>
            <Form.Item label="Đến ngày" name="validTo" rules={[dateRule]}><DateInput /></Form.Item>
          </>
        )}
        {t === 'form' && (
          <>
            <Form.Item label="Tên" name="name" rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}><Input /></Form.Item>
            <Form.Item label="Loại" name="kind"><Select options={[{ value: 'form', label: FORM_KIND_LABELS.form }, { value: 'title', label: FORM_KIND_LABELS.title }]} /></Form.Item>
            <Form.Item label="Áp dụng cho" name="targets"><Select options={[{ value: 'both', label: 'Tập thể, cá nhân' }, { value: 'individual', label: 'Cá nhân' }, { value: 'collective', label: 'Tập thể' }]} /></Form.Item>
            <Form.Item label="Cấp khen" name="issuingLevel"><Input /></Form.Item>
            <Form.Item label="Tỷ lệ phiếu đồng ý tối thiểu (%)" name="requiredSharePct"><InputNumber min={1} max={100} /></Form.Item>
            <Form.Item label="Ghi chú" name="note"><Input /></Form.Item>
          </>
        )}
        {t && t !== 'form' && (
          <Form.Item label={t === 'exclusion' ? 'Từ ngày' : 'Áp dụng từ'} name="validFrom" rules={[{ required: true, message: 'Chọn ngày' }, dateRule]}><DateInput /></Form.Item>
        )}
        {t && t !== 'form' && t !== 'exclusion' && <Form.Item label="Căn cứ" name="source"><Input /></Form.Item>}
        {(t === 'coefficient' || t === 'baseSalary') && <Form.Item name="needsCheck" valuePropName="checked"><Checkbox>Cần kiểm tra (giá trị chưa đối chiếu văn bản gốc)</Checkbox></Form.Item>}
      </FormModal>
    </Space>
  );
}

/** The one line Cài đặt shows for this area. */
export function CommendationSettingsLink() {
  const navigate = useRouter((s) => s.navigate);
  return (
    <Card size="small" title="Khen thưởng: hệ số, lương cơ sở, làm tròn, loại trừ, căn cứ pháp lý">
      <Space wrap>
        <Button onClick={() => navigate('awards', 'settings')}>Mở bảng hệ số, lương cơ sở và làm tròn</Button>
        <Button onClick={() => navigate('awards', 'legal-bases')}>Căn cứ pháp lý</Button>
      </Space>
    </Card>
  );
}
