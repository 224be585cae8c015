import { Alert, App as AntApp, Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import { fold } from '@shared/vi-text/normalize';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { ORG_LEVEL_RANK, type OrgLevel, type OrgNode } from '@shared/schemas/organizations';
import { call } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { dayjs, toApiDate } from '../../lib/dates';
import { FormModal } from '../../lib/FormModal';
import { subtreeIds, useOrganizations } from '../../stores/organizations';
import { childLevel, filterOrgTreeNode, levelOptions, orgSelectTree } from './orgOptions';
import { ORG_NAME_LABELS, OrgNameFields, orgNameInput, type OrgNameValues } from './OrgNameFields';

interface ModalProps {
  open: boolean;
  onClose: () => void;
}

// ---------------------------------------------------------------- Thêm đơn vị

interface AddValues extends OrgNameValues {
  parentId?: string | null;
  level: OrgLevel;
  code?: string;
  validFrom?: Dayjs | null;
}

export function AddOrgModal({ open, onClose, parent }: ModalProps & { parent: OrgNode | null }) {
  const [form] = Form.useForm<AddValues>();
  const { message, modal } = AntApp.useApp();
  const nodes = useOrganizations((s) => s.nodes);
  const refresh = useOrganizations((s) => s.refresh);
  const parentId = Form.useWatch('parentId', form);
  const name = Form.useWatch('name', form) as string | undefined;
  // A second unit of the same name under the same upper unit is usually a typing slip: say so (it is allowed).
  const twin = name?.trim() ? nodes.find((n) => (n.parentId ?? null) === (parentId ?? null) && !n.endedOn && fold(n.name) === fold(name)) : undefined;
  const upperName = nodes.find((n) => n.id === parentId)?.name;
  const parentNode = nodes.find((n) => n.id === parentId);
  const treeData = useMemo(() => orgSelectTree(nodes, (n) => !!n.endedOn), [nodes]);

  return (
    <FormModal<AddValues>
      open={open}
      title="Thêm đơn vị"
      form={form}
      width={720}
      labels={{ ...ORG_NAME_LABELS, parentId: 'Đơn vị cấp trên', level: 'Cấp công đoàn', code: 'Mã đơn vị', validFrom: 'Ngày có hiệu lực' }}
      initialValues={{
        parentId: parent?.id ?? null,
        level: childLevel(parent?.level),
        shortName: '',
        abbreviation: '',
        placeName: parent?.placeName ?? '',
        parentLine: '',
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (twin) {
          const go = await new Promise<boolean>((resolve) =>
            modal.confirm({
              title: `Đã có đơn vị “${twin.name}”${upperName ? ` trực thuộc ${upperName}` : ''}`,
              content: 'Thêm một đơn vị nữa cùng tên? Nếu là cùng một đơn vị, hãy quay lại và sửa đơn vị đã có.',
              okText: 'Vẫn thêm',
              cancelText: 'Quay lại',
              autoFocusButton: 'cancel',
              onOk: () => resolve(true),
              onCancel: () => resolve(false),
            }),
          );
          if (!go) return false;
        }
        const created = await call('organizations.create', {
          parentId: v.parentId ?? null,
          level: v.level,
          code: v.code ?? '',
          ...(toApiDate(v.validFrom) ? { validFrom: toApiDate(v.validFrom) } : {}),
          ...orgNameInput(v),
        });
        message.success(`Đã thêm đơn vị: ${created.name}`);
        void refresh(created.id);
      }}
    >
      <OrgNameFields />
      {twin && (
        <Alert
          type="warning"
          showIcon
          data-testid="duplicate-unit"
          style={{ marginBottom: 12 }}
          title={`Đã có đơn vị “${twin.name}”${upperName ? ` trực thuộc ${upperName}` : ' ở cấp cao nhất'}.`}
        />
      )}
      <Form.Item label="Đơn vị cấp trên" name="parentId">
        <TreeSelect
          treeData={treeData}
          allowClear
          showSearch={{ filterTreeNode: filterOrgTreeNode }}
          treeDefaultExpandAll
          placeholder="Không có (đơn vị cấp cao nhất)"
          onChange={(id: string | undefined) => {
            const p = nodes.find((n) => n.id === id);
            form.setFieldValue('level', childLevel(p?.level));
          }}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item label="Cấp công đoàn" name="level" rules={[{ required: true, message: 'Chọn cấp công đoàn' }]}>
            <Select options={levelOptions(parentNode ? ORG_LEVEL_RANK[parentNode.level] : -1)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label="Mã đơn vị" name="code" extra="Để trống thì phần mềm tự đặt">
            <Input placeholder="Ví dụ: CDCS-001" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Ngày có hiệu lực" name="validFrom" extra="Để trống nếu không rõ" rules={[dateRule]}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

// ---------------------------------------------------------------- Đổi tên

interface RenameValues extends OrgNameValues {
  validFrom: Dayjs;
}

export function RenameOrgModal({ open, onClose, org }: ModalProps & { org: OrgNode }) {
  const [form] = Form.useForm<RenameValues>();
  const { message } = AntApp.useApp();
  const refresh = useOrganizations((s) => s.refresh);
  return (
    <FormModal<RenameValues>
      open={open}
      title="Đổi tên đơn vị"
      form={form}
      width={720}
      labels={{ ...ORG_NAME_LABELS, validFrom: 'Ngày đổi tên' }}
      initialValues={{
        name: org.name,
        shortName: org.shortName,
        abbreviation: org.abbreviation,
        placeName: org.placeName,
        parentLine: org.parentLine,
        validFrom: dayjs(),
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        await call('organizations.rename', { id: org.id, validFrom: toApiDate(v.validFrom)!, ...orgNameInput(v) });
        message.success('Đã đổi tên đơn vị');
        void refresh();
      }}
    >
      <p className="muted">
        Tên mới áp dụng từ ngày có hiệu lực; văn bản trước ngày đó vẫn giữ tên cũ.
      </p>
      <OrgNameFields />
      <Form.Item
        label="Ngày có hiệu lực"
        name="validFrom"
        rules={[{ required: true, message: 'Ngày đổi tên: thiếu ngày' }, dateRule]}
      >
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}

// ---------------------------------------------------------------- Chuyển đơn vị cấp trên

interface MoveValues {
  newParentId?: string | null;
}

export function MoveOrgModal({ open, onClose, org }: ModalProps & { org: OrgNode }) {
  const [form] = Form.useForm<MoveValues>();
  const { message } = AntApp.useApp();
  const nodes = useOrganizations((s) => s.nodes);
  const refresh = useOrganizations((s) => s.refresh);
  const treeData = useMemo(() => {
    const own = subtreeIds(nodes, org.id);
    return orgSelectTree(nodes, (n) => own.has(n.id) || !!n.endedOn || ORG_LEVEL_RANK[n.level] >= ORG_LEVEL_RANK[org.level]);
  }, [nodes, org]);
  return (
    <FormModal<MoveValues>
      open={open}
      title="Chuyển đơn vị cấp trên"
      form={form}
      labels={{ newParentId: 'Đơn vị cấp trên mới' }}
      initialValues={{ newParentId: org.parentId }}
      onClose={onClose}
      onSubmit={async (v) => {
        await call('organizations.move', { id: org.id, newParentId: v.newParentId ?? null });
        message.success('Đã chuyển đơn vị cấp trên');
        void refresh();
      }}
    >
      <p>
        Đơn vị: <strong>{org.name}</strong>
      </p>
      <Form.Item label="Đơn vị cấp trên mới" name="newParentId">
        <TreeSelect
          autoFocus
          treeData={treeData}
          allowClear
          showSearch={{ filterTreeNode: filterOrgTreeNode }}
          treeDefaultExpandAll
          placeholder="Không có (đơn vị cấp cao nhất)"
        />
      </Form.Item>
    </FormModal>
  );
}

// ---------------------------------------------------------------- Sáp nhập

interface MergeValues {
  ids: string[];
  date: Dayjs;
}

export function MergeOrgModal({ open, onClose, org }: ModalProps & { org: OrgNode }) {
  const [form] = Form.useForm<MergeValues>();
  const { message } = AntApp.useApp();
  const nodes = useOrganizations((s) => s.nodes);
  const refresh = useOrganizations((s) => s.refresh);
  const treeData = useMemo(() => orgSelectTree(nodes, (n) => n.id === org.id || !!n.endedOn), [nodes, org]);
  return (
    <FormModal<MergeValues>
      open={open}
      title="Sáp nhập đơn vị"
      okText="Xác nhận sáp nhập"
      form={form}
      width={720}
      labels={{ ids: 'Đơn vị bị sáp nhập', date: 'Ngày sáp nhập' }}
      initialValues={{ ids: [], date: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await call('organizations.merge', { ids: v.ids, intoId: org.id, date: toApiDate(v.date)! });
        message.success('Đã sáp nhập đơn vị');
        void refresh();
      }}
    >
      <p>
        Đơn vị tiếp nhận: <strong>{org.name}</strong>. Các đơn vị được chọn sẽ kết thúc hoạt động từ ngày sáp nhập;
        văn bản cũ vẫn giữ tên cũ.
      </p>
      <Form.Item
        label="Các đơn vị sáp nhập vào"
        name="ids"
        rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một đơn vị để sáp nhập' }]}
      >
        <TreeSelect
          autoFocus
          multiple
          treeData={treeData}
          showSearch={{ filterTreeNode: filterOrgTreeNode }}
          treeDefaultExpandAll
          placeholder="Chọn đơn vị"
        />
      </Form.Item>
      <Form.Item label="Ngày sáp nhập" name="date" rules={[{ required: true, message: 'Ngày sáp nhập: thiếu ngày' }, dateRule]}>
        <DateInput />
      </Form.Item>
    </FormModal>
  );
}
