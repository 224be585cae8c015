import { App, Form, Input, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { AwardFormView, Target } from '@shared/schemas/commendations';
import type { OrgNode } from '@shared/schemas/organizations';
import { call, toAppError } from '../../api/client';
import { FormModal } from '../../lib/FormModal';
import { formsFor } from './shared';

export interface ManualAwardee {
  target: Target;
  name: string;
  organizationId: string | null;
  positionUnit: string;
  formId: string;
}

interface Values {
  target: Target;
  name?: string;
  organizationId?: string;
  positionUnit?: string;
  formId: string;
}

/** A row the office adds itself (đột xuất, or without a nomination): a unit of the directory or a person by name. */
export function AddAwardeeModal({ open, forms, onClose, onAdd }: { open: boolean; forms: AwardFormView[]; onClose: () => void; onAdd: (a: ManualAwardee) => Promise<boolean> }) {
  const [form] = Form.useForm<Values>();
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const { message } = App.useApp();
  const target = Form.useWatch('target', form) ?? 'individual';
  useEffect(() => {
    if (open) call('organizations.tree', {}).then(setOrgs, (e) => message.error(`Không đọc được danh mục đơn vị: ${toAppError(e).message}`));
  }, [open, message]);
  return (
    <FormModal<Values>
      open={open}
      title="Thêm tập thể, cá nhân"
      okText="Thêm"
      form={form}
      initialValues={{ target: 'individual' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const org = orgs.find((o) => o.id === v.organizationId);
        // The clerk confirms a row that bypasses the council; declining keeps the modal open.
        return onAdd({ target: v.target, name: v.target === 'collective' ? (org?.name ?? '') : (v.name ?? '').trim(), organizationId: v.organizationId ?? null, positionUnit: v.positionUnit ?? '', formId: v.formId });
      }}
    >
      <Form.Item label="Đối tượng" name="target">
        <Radio.Group options={[{ value: 'individual', label: 'Cá nhân' }, { value: 'collective', label: 'Tập thể' }]} />
      </Form.Item>
      {target === 'individual' && (
        <Form.Item label="Họ và tên" name="name" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}>
          <Input />
        </Form.Item>
      )}
      <Form.Item label={target === 'collective' ? 'Tập thể' : 'Đơn vị'} name="organizationId" rules={target === 'collective' ? [{ required: true, message: 'Chọn tập thể' }] : []}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item label="Chức vụ, đơn vị" name="positionUnit">
        <Input />
      </Form.Item>
      <Form.Item label="Hình thức" name="formId" rules={[{ required: true, message: 'Chọn hình thức' }]}>
        <Select options={formsFor(forms, target).map((f) => ({ value: f.id, label: f.name }))} />
      </Form.Item>
    </FormModal>
  );
}
