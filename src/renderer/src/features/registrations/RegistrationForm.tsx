import { App as AntApp, Button, Divider, Form, Input, InputNumber, Select, Spin, TreeSelect, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AppError } from '@shared/errors';
import type { PersonView } from '@shared/schemas/people';
import { REGISTRATION_STATUSES, REGISTRATION_STATUS_LABELS, type RegistrationStatus, type RegistrationView } from '@shared/schemas/registrations';
import { call, toAppError } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { FormModal } from '../../lib/FormModal';
import { fromApiDate, toApiDate } from '../../lib/dates';
import { useOffice } from '../../stores/office';
import { useOrganizations } from '../../stores/organizations';
import { filterOrgTreeNode, orgSelectTree } from '../organizations/orgOptions';
import { useRegistrationScope } from './scope';
import { OwnerNotice, useOwnership } from '../exchange/ownership';

interface IndividualValues {
  personId?: string | null;
  fullName?: string;
  birthYear?: number | null;
  position?: string;
  title?: string;
}
interface WorkValues {
  id?: string;
  name?: string;
  implementer?: string;
  valueDong?: number | null;
  startDate?: Dayjs | null;
  finishDate?: Dayjs | null;
  occasionId?: string | null;
}
interface Values {
  organizationId?: string;
  status: RegistrationStatus;
  receivedOn?: Dayjs | null;
  memberCount?: number | null;
  collectiveTitles?: string[];
  targets?: string;
  commitments?: string;
  signerAuthority?: string;
  signerTitle?: string;
  signerName?: string;
  individuals?: IndividualValues[];
  works?: WorkValues[];
}

function initialOf(r: RegistrationView | null, organizationId: string | null): Partial<Values> {
  if (!r) return { organizationId: organizationId ?? undefined, status: 'received', individuals: [], works: [], collectiveTitles: [] };
  return {
    organizationId: r.organizationId,
    status: r.status,
    receivedOn: fromApiDate(r.receivedOn),
    memberCount: r.memberCount,
    collectiveTitles: r.collectiveTitles,
    targets: r.targets,
    commitments: r.commitments,
    signerAuthority: r.signer.authority,
    signerTitle: r.signer.title,
    signerName: r.signer.name,
    individuals: r.individuals.map((p) => ({ personId: p.personId, fullName: p.fullName, birthYear: p.birthYear, position: p.position, title: p.title })),
    works: r.works.map((w) => ({ id: w.id, name: w.name, implementer: w.implementer, valueDong: w.valueDong, startDate: fromApiDate(w.startDate), finishDate: fromApiDate(w.finishDate), occasionId: w.occasionId })),
  };
}

/** Picks a person from the register (folded search) and appends them to the individuals list. */
function PersonPicker({ form, organizationId }: { form: FormInstance<Values>; organizationId?: string }) {
  const [options, setOptions] = useState<PersonView[]>([]);
  const search = async (query: string) => {
    const page = await call('people.search', { query, organizationId, limit: 20 });
    setOptions(page.items);
  };
  return (
    <Select<string>
      aria-label="Chọn từ danh sách cá nhân"
      placeholder="Chọn từ danh sách cá nhân (gõ tên, không dấu cũng được)"
      style={{ width: 420 }}
      value={null as unknown as string}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      onFocus={() => void search('')}
      options={options.map((p) => ({ value: p.id, label: `${p.fullName}${p.birthYear ? ` (${p.birthYear})` : ''}${p.organizationName ? ` — ${p.organizationName}` : ''}` }))}
      onChange={(id) => {
        const p = options.find((x) => x.id === id);
        if (!p) return;
        const list = form.getFieldValue('individuals') ?? [];
        form.setFieldValue('individuals', [...list, { personId: p.id, fullName: p.fullName, birthYear: p.birthYear, position: p.position, title: '' }]);
      }}
    />
  );
}

/** Bản đăng ký of one unit: collective titles, commitments, individuals and works for plaques. */
export function RegistrationForm({ id, organizationId, onClose, onSaved }: { id: string | null; organizationId: string | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const { movement, phaseId, occasions } = useRegistrationScope();
  const nodes = useOrganizations((s) => s.nodes);
  const loadOrgs = useOrganizations((s) => s.load);
  const [loaded, setLoaded] = useState<RegistrationView | null | undefined>(id ? undefined : null);
  const ownership = useOwnership('registrations', id);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const treeData = useMemo(() => orgSelectTree(nodes, (n) => !!n.endedOn), [nodes]);
  const unitId = Form.useWatch('organizationId', form);
  const office = useOffice((s) => s.office);
  // What a blank signer field becomes on save (services/registrations.ts registrationSigner).
  const own = !!office && unitId === office.organizationId;
  const signerDefault = { authority: own ? office.signerAuthority : 'TM. BAN CHẤP HÀNH', title: own ? office.signerTitle : 'CHỦ TỊCH', name: own ? office.signerName : 'Họ tên chủ tịch công đoàn đơn vị' };

  useEffect(() => {
    if (nodes.length === 0) void loadOrgs();
    if (id) call('registrations.get', { id }).then(setLoaded, (e) => setLoadError(toAppError(e)));
  }, [id, nodes.length, loadOrgs]);

  if (!movement) return null;
  if (loaded === undefined) return <Spin>{loadError && <ErrorAlert error={loadError} />}</Spin>;

  return (
    <FormModal<Values>
      open
      width={1150}
      title={loaded ? `Bản đăng ký — ${loaded.organizationName}` : 'Nhập bản đăng ký thi đua'}
      form={form}
      initialValues={initialOf(loaded, organizationId)}
      labels={{ organizationId: 'Đơn vị đăng ký', memberCount: 'Số đoàn viên', targets: 'Chỉ tiêu đăng ký', commitments: 'Nội dung cam kết' }}
      onClose={onClose}
      readOnly={!!ownership?.readOnly}
      onSubmit={async (v) => {
        const saved = await call('registrations.save', {
          id: loaded?.id,
          movementId: movement.id,
          phaseId,
          organizationId: v.organizationId ?? '',
          status: v.status,
          receivedOn: toApiDate(v.receivedOn) ?? null,
          memberCount: v.memberCount ?? null,
          collectiveTitles: v.collectiveTitles ?? [],
          targets: v.targets ?? '',
          commitments: v.commitments ?? '',
          signerAuthority: v.signerAuthority ?? '',
          signerTitle: v.signerTitle ?? '',
          signerName: v.signerName ?? '',
          individuals: (v.individuals ?? []).map((p) => ({ personId: p.personId ?? null, fullName: p.fullName ?? '', birthYear: p.birthYear ?? null, position: p.position ?? '', title: p.title ?? '' })),
          works: (v.works ?? []).map((w) => ({
            id: w.id,
            name: w.name ?? '',
            implementer: w.implementer ?? '',
            valueDong: w.valueDong ?? null,
            startDate: toApiDate(w.startDate) ?? null,
            finishDate: toApiDate(w.finishDate) ?? null,
            occasionId: w.occasionId ?? null,
          })),
        });
        message.success(`Đã lưu bản đăng ký của ${saved.organizationName}`);
        onSaved();
      }}
    >
      <OwnerNotice ownership={ownership} />
      <div className="reg-form">
        <Form.Item label="Đơn vị đăng ký" name="organizationId" rules={[{ required: true, message: 'Đơn vị đăng ký: chưa chọn' }]}>
          <TreeSelect treeData={treeData} showSearch={{ filterTreeNode: filterOrgTreeNode }} treeDefaultExpandAll placeholder="Chọn đơn vị" disabled={!!loaded} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item label="Trạng thái" name="status" style={{ width: 200 }}>
            <Select options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: REGISTRATION_STATUS_LABELS[s] }))} />
          </Form.Item>
          <Form.Item label="Ngày nhận" name="receivedOn" rules={[dateRule]}>
            <DateInput />
          </Form.Item>
          <Form.Item label="Số đoàn viên" name="memberCount">
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </div>
        <Form.Item label="Danh hiệu thi đua tập thể đăng ký" name="collectiveTitles">
          <Select mode="tags" aria-label="Danh hiệu thi đua tập thể đăng ký" placeholder="Gõ danh hiệu rồi nhấn Enter" open={false} />
        </Form.Item>
        <Form.Item label="Chỉ tiêu đăng ký" name="targets">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label="Nội dung cam kết" name="commitments">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item label="Người ký: quyền hạn" name="signerAuthority" style={{ width: 220 }}>
            <Input aria-label="Quyền hạn ký" placeholder={signerDefault.authority} />
          </Form.Item>
          <Form.Item label="Chức vụ" name="signerTitle" style={{ width: 200 }}>
            <Input aria-label="Chức vụ người ký" placeholder={signerDefault.title} />
          </Form.Item>
          <Form.Item label="Họ tên người ký" name="signerName" style={{ flex: 1 }} extra={own ? 'Để trống: người ký của đơn vị mình (Cài đặt).' : 'Thủ trưởng đơn vị đăng ký; in dưới chữ ký trên bản đăng ký.'}>
            <Input aria-label="Họ tên người ký" placeholder={signerDefault.name} />
          </Form.Item>
        </div>

        <Divider titlePlacement="start">Cá nhân đăng ký danh hiệu</Divider>
        <Form.List name="individuals">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} className="reg-line" style={{ display: 'flex', gap: 8, alignItems: 'start' }}>
                  <Form.Item name={[f.name, 'personId']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Họ và tên' : undefined} name={[f.name, 'fullName']} rules={[{ required: true, whitespace: true, message: 'Họ và tên: không được để trống' }]} style={{ flex: 3 }}>
                    <Input aria-label={`Họ và tên ${i + 1}`} placeholder="Họ và tên" />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Năm sinh' : undefined} name={[f.name, 'birthYear']} style={{ width: 110 }}>
                    <InputNumber aria-label={`Năm sinh ${i + 1}`} placeholder="Năm sinh" min={1900} max={2100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Chức vụ' : undefined} name={[f.name, 'position']} style={{ flex: 2 }}>
                    <Input aria-label={`Chức vụ ${i + 1}`} placeholder="Chức vụ" />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Danh hiệu đăng ký' : undefined} name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: 'Danh hiệu đăng ký: không được để trống' }]} style={{ flex: 2 }}>
                    <Input aria-label={`Danh hiệu đăng ký ${i + 1}`} placeholder="Danh hiệu đăng ký" />
                  </Form.Item>
                  <Button aria-label={`Xóa cá nhân ${i + 1}`} onClick={() => remove(f.name)}>
                    Xóa
                  </Button>
                </div>
              ))}
              <div className="reg-toolbar">
                <Button onClick={() => add({ personId: null, fullName: '', position: '', title: '' })}>Thêm cá nhân mới</Button>
                <PersonPicker form={form} organizationId={unitId} />
              </div>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">Công trình, sản phẩm đăng ký gắn biển</Divider>
        <Form.List name="works">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'start', flexWrap: 'wrap' }}>
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Tên công trình, sản phẩm' : undefined} name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: 'Tên công trình, sản phẩm: không được để trống' }]} style={{ flex: '1 1 280px' }}>
                    <Input aria-label={`Tên công trình ${i + 1}`} placeholder="Tên công trình, sản phẩm" />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Chủ đầu tư / đơn vị thực hiện' : undefined} name={[f.name, 'implementer']} style={{ flex: '1 1 200px' }}>
                    <Input aria-label={`Chủ đầu tư ${i + 1}`} placeholder="Chủ đầu tư / đơn vị thực hiện" />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Giá trị (đồng)' : undefined} name={[f.name, 'valueDong']} style={{ width: 170 }}>
                    <InputNumber<number>
                      aria-label={`Giá trị ${i + 1}`}
                      placeholder="Giá trị (đồng)"
                      min={0}
                      precision={0}
                      style={{ width: '100%' }}
                      formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : Number(v).toLocaleString('vi-VN'))}
                      parser={(s) => Number((s ?? '').replace(/\D/g, ''))}
                    />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Khởi công' : undefined} name={[f.name, 'startDate']} rules={[dateRule]}>
                    <DateInput aria-label={`Ngày khởi công ${i + 1}`} placeholder="Khởi công" />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Hoàn thành' : undefined} name={[f.name, 'finishDate']} rules={[dateRule]}>
                    <DateInput aria-label={`Ngày hoàn thành ${i + 1}`} placeholder="Hoàn thành" />
                  </Form.Item>
                  <Form.Item label={i === 0 ? 'Dịp gắn biển' : undefined} name={[f.name, 'occasionId']} style={{ width: 260 }}>
                    <Select aria-label={`Dịp gắn biển ${i + 1}`} placeholder="Dịp gắn biển" allowClear options={occasions.map((o) => ({ value: o.id, label: o.name, title: o.name }))} />
                  </Form.Item>
                  <Button aria-label={`Xóa công trình ${i + 1}`} onClick={() => remove(f.name)}>
                    Xóa
                  </Button>
                </div>
              ))}
              <Button onClick={() => add({ name: '', implementer: '', valueDong: null, occasionId: null })}>Thêm công trình, sản phẩm</Button>
            </>
          )}
        </Form.List>
      </div>
    </FormModal>
  );
}
