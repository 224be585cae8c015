import { App as AntApp, Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { ORG_LEVEL_RANK, type OrgLevel, type OrgNode } from '@shared/schemas/organizations';
import { call } from '../../api/client';
import { DateInput, dateRule } from '../../lib/DateInput';
import { dayjs, toApiDate } from '../../lib/dates';
import { FormModal } from '../../lib/FormModal';
import { subtreeIds, useOrganizations } from '../../stores/organizations';
import { childLevel, filterOrgTreeNode, levelOptions, orgSelectTree } from './orgOptions';

const NAME_LABELS = {
  name: 'Tên đơn vị',
  shortName: 'Tên viết tắt',
  abbreviation: 'Chữ viết tắt trong số ký hiệu',
  placeName: 'Địa danh',
  parentLine: 'Dòng cơ quan chủ quản',
};

/** The dated name fields every unit has (tên, tên viết tắt, chữ viết tắt, địa danh, dòng chủ quản). */
function NameFields({ autoFocus = true }: { autoFocus?: boolean }) {
  return (
    <>
      <Form.Item
        label={NAME_LABELS.name}
        name="name"
        rules={[{ required: true, whitespace: true, message: 'Tên đơn vị: không được để trống' }]}
      >
        <Input autoFocus={autoFocus} placeholder="Ví dụ: Liên đoàn Lao động tỉnh Thái Nguyên" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={NAME_LABELS.shortName} name="shortName">
            <Input placeholder="Ví dụ: LĐLĐ tỉnh Thái Nguyên" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={NAME_LABELS.abbreviation}
            name="abbreviation"
            extra="Ví dụ số ký hiệu: 12/KH-LĐLĐ"
          >
            <Input placeholder="Ví dụ: LĐLĐ" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={NAME_LABELS.placeName} name="placeName">
            <Input placeholder="Ví dụ: Thái Nguyên" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={NAME_LABELS.parentLine} name="parentLine">
            <Input placeholder="Ví dụ: TỔNG LĐLĐ VIỆT NAM" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

interface NameValues {
  name: string;
  shortName?: string;
  abbreviation?: string;
  placeName?: string;
  parentLine?: string;
}

const nameInput = (v: NameValues) => ({
  name: v.name ?? '',
  shortName: v.shortName ?? '',
  abbreviation: v.abbreviation ?? '',
  placeName: v.placeName ?? '',
  parentLine: v.parentLine ?? '',
});

interface ModalProps {
  open: boolean;
  onClose: () => void;
}

// ---------------------------------------------------------------- Thêm đơn vị

interface AddValues extends NameValues {
  parentId?: string | null;
  level: OrgLevel;
  code?: string;
  validFrom?: Dayjs | null;
}

export function AddOrgModal({ open, onClose, parent }: ModalProps & { parent: OrgNode | null }) {
  const [form] = Form.useForm<AddValues>();
  const { message } = AntApp.useApp();
  const nodes = useOrganizations((s) => s.nodes);
  const refresh = useOrganizations((s) => s.refresh);
  const parentId = Form.useWatch('parentId', form);
  const parentNode = nodes.find((n) => n.id === parentId);
  const treeData = useMemo(() => orgSelectTree(nodes, (n) => !!n.endedOn), [nodes]);

  return (
    <FormModal<AddValues>
      open={open}
      title="Thêm đơn vị"
      form={form}
      width={720}
      labels={{ ...NAME_LABELS, parentId: 'Đơn vị cấp trên', level: 'Cấp công đoàn', code: 'Mã đơn vị', validFrom: 'Ngày có hiệu lực' }}
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
        const created = await call('organizations.create', {
          parentId: v.parentId ?? null,
          level: v.level,
          code: v.code ?? '',
          ...(toApiDate(v.validFrom) ? { validFrom: toApiDate(v.validFrom) } : {}),
          ...nameInput(v),
        });
        message.success(`Đã thêm đơn vị: ${created.name}`);
        void refresh(created.id);
      }}
    >
      <NameFields />
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

interface RenameValues extends NameValues {
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
      labels={{ ...NAME_LABELS, validFrom: 'Ngày đổi tên' }}
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
        await call('organizations.rename', { id: org.id, validFrom: toApiDate(v.validFrom)!, ...nameInput(v) });
        message.success('Đã đổi tên đơn vị');
        void refresh();
      }}
    >
      <p className="muted">
        Tên mới áp dụng từ ngày có hiệu lực; văn bản trước ngày đó vẫn giữ tên cũ.
      </p>
      <NameFields />
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
