import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect } from 'react';
import type { AwardFormView, NominationView, Target } from '@shared/schemas/commendations';
import type { MovementSummary } from '@shared/schemas/movements';
import type { OrgNode } from '@shared/schemas/organizations';
import { call } from '../../api/client';
import { FormModal } from '../../lib/FormModal';
import { formsFor } from './shared';
import { usePhases } from './usePhases';

interface Values {
  sourceOrgId: string;
  movementId?: string | null;
  phaseId?: string | null;
  periodYear: number;
  target: Target;
  organizationId?: string | null;
  fullName?: string;
  positionUnit?: string;
  proposedFormId: string;
  achievement?: string;
}

const LABELS = { sourceOrgId: 'Đơn vị đề nghị', periodYear: 'Năm xét khen', fullName: 'Họ và tên', organizationId: 'Đơn vị', proposedFormId: 'Hình thức đề nghị', achievement: 'Tóm tắt thành tích' };

/** Thêm / sửa một đề nghị: from a lower unit or this office's own list. */
export function NominationModal(props: {
  open: boolean;
  editing: NominationView | null;
  officeId: string;
  orgs: OrgNode[];
  forms: AwardFormView[];
  movements: MovementSummary[];
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'individual';
  const phases = usePhases(Form.useWatch('movementId', form));
  const { editing } = props;
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        sourceOrgId: editing.sourceOrgId,
        movementId: editing.movementId,
        phaseId: editing.phaseId,
        periodYear: editing.periodYear,
        target: editing.target,
        organizationId: editing.organizationId,
        fullName: editing.target === 'individual' ? editing.displayName : undefined,
        positionUnit: editing.positionUnit,
        proposedFormId: editing.proposedFormId,
        achievement: editing.achievement,
      });
    }
  }, [props.open, editing, form]);
  const orgOptions = props.orgs.map((o) => ({ value: o.id, label: o.id === props.officeId ? `${o.name} (danh sách của đơn vị mình)` : o.name }));
  return (
    <FormModal<Values>
      open={props.open}
      title={editing ? 'Sửa đề nghị khen thưởng' : 'Thêm đề nghị khen thưởng'}
      form={form}
      width={640}
      labels={LABELS}
      initialValues={{ sourceOrgId: props.officeId, periodYear: props.year, target: 'individual', movementId: null }}
      onClose={props.onClose}
      onSubmit={async (v) => {
        await call('commendations.saveNomination', {
          id: editing?.id,
          sourceOrgId: v.sourceOrgId,
          movementId: v.movementId ?? null,
          phaseId: v.movementId ? (v.phaseId ?? null) : null,
          periodYear: v.periodYear,
          target: v.target,
          personId: editing && editing.target === 'individual' && editing.displayName === v.fullName ? editing.personId : null,
          fullName: v.target === 'individual' ? (v.fullName ?? '') : '',
          organizationId: v.organizationId ?? null,
          positionUnit: v.positionUnit ?? '',
          proposedFormId: v.proposedFormId,
          achievement: v.achievement ?? '',
        });
        props.onSaved();
      }}
    >
      <Form.Item label="Đơn vị đề nghị" name="sourceOrgId" rules={[{ required: true, message: 'Chọn đơn vị đề nghị' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={orgOptions} />
      </Form.Item>
      <Form.Item label="Phong trào thi đua" name="movementId">
        <Select allowClear placeholder="Không gắn với phong trào" options={props.movements.map((m) => ({ value: m.id, label: `${m.name} (${m.year})` }))} onChange={() => form.setFieldValue('phaseId', null)} />
      </Form.Item>
      {phases.length > 0 && (
        <Form.Item label="Đợt thi đua" name="phaseId">
          <Select allowClear placeholder="Cả phong trào" options={phases.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      )}
      <Form.Item label="Năm xét khen" name="periodYear" rules={[{ required: true, message: 'Nhập năm' }]}>
        <InputNumber min={1990} max={2200} />
      </Form.Item>
      <Form.Item label="Đối tượng" name="target">
        <Radio.Group
          options={[
            { value: 'individual', label: 'Cá nhân' },
            { value: 'collective', label: 'Tập thể' },
          ]}
        />
      </Form.Item>
      {target === 'individual' && (
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}>
          <Input />
        </Form.Item>
      )}
      <Form.Item label={target === 'collective' ? 'Tập thể được đề nghị' : 'Đơn vị'} name="organizationId" rules={target === 'collective' ? [{ required: true, message: 'Chọn tập thể' }] : []}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={props.orgs.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item label="Chức vụ, đơn vị" name="positionUnit">
        <Input />
      </Form.Item>
      <Form.Item label="Hình thức đề nghị" name="proposedFormId" rules={[{ required: true, message: 'Chọn hình thức' }]}>
        <Select options={formsFor(props.forms, target).map((f) => ({ value: f.id, label: f.name }))} />
      </Form.Item>
      <Form.Item label="Tóm tắt thành tích" name="achievement">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
