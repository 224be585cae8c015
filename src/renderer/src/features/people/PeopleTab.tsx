import { App as AntApp, Button, Card, Form, Input, InputNumber, Select, Table, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { PersonView } from '@shared/schemas/people';
import { call } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { FormModal } from '../../lib/FormModal';
import { useOrganizations } from '../../stores/organizations';
import { usePeople } from '../../stores/people';
import { filterOrgTreeNode, orgSelectTree } from '../organizations/orgOptions';
import { PersonHistoryButton } from '../registrations/PersonHistoryButton';
import { PersonCandidatesHint } from './PersonCandidatesHint';

interface PersonValues {
  fullName: string;
  birthYear?: number | null;
  gender?: 'nam' | 'nu' | '';
  organizationId?: string | null;
  position?: string;
  idNumber?: string;
}

function AddPersonModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<PersonValues>();
  const { message } = AntApp.useApp();
  const nodes = useOrganizations((s) => s.nodes);
  const selectedId = useOrganizations((s) => s.selectedId);
  const search = usePeople((s) => s.search);
  const treeData = useMemo(() => orgSelectTree(nodes, (n) => !!n.endedOn), [nodes]);
  const selected = nodes.find((n) => n.id === selectedId && !n.endedOn);
  return (
    <FormModal<PersonValues>
      open
      title="Thêm cá nhân"
      form={form}
      labels={{ fullName: 'Họ và tên', birthYear: 'Năm sinh', gender: 'Giới tính', organizationId: 'Đơn vị', position: 'Chức vụ', idNumber: 'Số CCCD' }}
      initialValues={{ gender: '', organizationId: selected?.id ?? null, position: '' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const p = await call('people.create', {
          fullName: v.fullName ?? '',
          birthYear: v.birthYear ?? null,
          gender: v.gender ?? '',
          organizationId: v.organizationId ?? null,
          position: v.position ?? '',
          idNumber: v.idNumber?.trim() ? v.idNumber : null,
        });
        message.success(`Đã thêm: ${p.fullName}`);
        await search();
      }}
    >
      <Form.Item
        label="Họ và tên"
        name="fullName"
        rules={[{ required: true, whitespace: true, message: 'Họ và tên: không được để trống' }]}
      >
        <Input autoFocus placeholder="Ví dụ: Đặng Thị Thủy" />
      </Form.Item>
      <PersonCandidatesHint form={form} />
      <Form.Item label="Năm sinh" name="birthYear">
        <InputNumber min={1900} max={2100} precision={0} placeholder="Ví dụ: 1985" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="Giới tính" name="gender">
        <Select
          style={{ width: 160 }}
          options={[
            { value: '', label: 'Không ghi' },
            { value: 'nam', label: 'Nam' },
            { value: 'nu', label: 'Nữ' },
          ]}
        />
      </Form.Item>
      <Form.Item label="Đơn vị" name="organizationId">
        <TreeSelect
          treeData={treeData}
          allowClear
          showSearch={{ filterTreeNode: filterOrgTreeNode }}
          treeDefaultExpandAll
          placeholder="Chọn đơn vị"
        />
      </Form.Item>
      <Form.Item label="Chức vụ" name="position">
        <Input placeholder="Ví dụ: Chủ tịch công đoàn cơ sở" />
      </Form.Item>
      <Form.Item label="Số CCCD (không bắt buộc, chỉ lưu ở máy này)" name="idNumber">
        <Input inputMode="numeric" maxLength={14} placeholder="12 chữ số" style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

export function PeopleTab() {
  const { query, organizationId, page, pageSize, total, items, loading, error, search } = usePeople();
  const nodes = useOrganizations((s) => s.nodes);
  const loadOrgs = useOrganizations((s) => s.load);
  const [text, setText] = useState(query);
  const [adding, setAdding] = useState(false);
  const treeData = useMemo(() => orgSelectTree(nodes), [nodes]);

  useEffect(() => {
    if (nodes.length === 0) void loadOrgs();
    void search();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Search as the clerk types; the server ignores diacritics ("dang" finds "Đặng").
  useEffect(() => {
    if (text === query) return;
    const t = setTimeout(() => void search({ query: text }), 300);
    return () => clearTimeout(t);
  }, [text, query, search]);

  return (
    <Card>
      <div className="org-toolbar">
        <Input.Search
          aria-label="Tìm cá nhân"
          placeholder="Tìm theo họ tên (gõ không dấu cũng được)"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => void search({ query: v })}
          loading={loading}
          style={{ maxWidth: 420 }}
        />
        <TreeSelect
          aria-label="Lọc theo đơn vị"
          style={{ minWidth: 280 }}
          treeData={treeData}
          allowClear
          showSearch={{ filterTreeNode: filterOrgTreeNode }}
          treeDefaultExpandAll
          placeholder="Tất cả đơn vị"
          value={organizationId}
          onChange={(id: string | undefined) => void search({ organizationId: id ?? null, page: 1 })}
        />
        <Button type="primary" onClick={() => setAdding(true)}>
          Thêm cá nhân
        </Button>
      </div>
      <ErrorAlert error={error} />
      <Table<PersonView>
        rowKey="id"
        size="middle"
        loading={loading ? { description: 'Đang tìm…' } : false}
        dataSource={items}
        data-testid="people-table"
        locale={{ emptyText: query ? 'Không tìm thấy cá nhân nào' : 'Chưa có cá nhân nào' }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Năm sinh', dataIndex: 'birthYear', width: 110, render: (v: number | null) => v ?? '' },
          { title: 'Đơn vị', dataIndex: 'organizationName', render: (v: string | null) => v ?? '' },
          { title: 'Chức vụ', dataIndex: 'position' },
          { title: '', key: 'history', width: 160, render: (_: unknown, p: PersonView) => <PersonHistoryButton personId={p.id} fullName={p.fullName} /> },
        ]}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t, [from, to]) => `${from}–${to} / ${t} cá nhân`,
          onChange: (p, size) => void search({ page: size !== pageSize ? 1 : p, pageSize: size }),
        }}
      />
      {adding && <AddPersonModal onClose={() => setAdding(false)} />}
    </Card>
  );
}
