import { App, Button, Form, Input, Popconfirm, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { OCCASION_KIND_LABELS, OCCASION_KINDS, type OccasionKind, type OccasionView } from '@shared/schemas/movements';
import { call, toAppError } from '../../api/client';
import { ActionList } from '../../lib/ActionList';
import { FormModal } from '../../lib/FormModal';
import { fromApiDate, showDate, toApiDate } from '../../lib/dates';
import { DateInput, dateRule } from '../../lib/DateInput';

interface Values {
  name: string;
  originDate: Dayjs;
  kind: OccasionKind;
}

const LABELS = { name: 'Tên ngày kỷ niệm', originDate: 'Ngày gốc', kind: 'Loại ngày kỷ niệm' };

/** The editable catalogue of ngày lễ, kỷ niệm with their origin dates. */
export function OccasionsCatalogue() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<OccasionView[]>([]);
  const [editing, setEditing] = useState<OccasionView | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const reload = useCallback(() => void call('occasions.list', {}).then(setRows, (e) => message.error(toAppError(e).message)), [message]);
  useEffect(reload, [reload]);

  const current = editing && editing !== 'new' ? editing : null;
  return (
    <>
      <ActionList<OccasionView>
        addLabel="Thêm ngày kỷ niệm"
        onAdd={() => setEditing('new')}
        rows={rows}
        empty="Danh mục chưa có ngày kỷ niệm nào."
        columns={[
          { title: 'Ngày gốc', dataIndex: 'originDate', width: 120, render: (d: string) => showDate(d) },
          { title: 'Tên', dataIndex: 'name' },
          { title: 'Loại', dataIndex: 'kind', width: 200, render: (k: OccasionKind, o) => <Space>{OCCASION_KIND_LABELS[k]}{o.builtin && <Tag>có sẵn</Tag>}</Space> },
          {
            title: '',
            width: 140,
            render: (_: unknown, o) => (
              <Space>
                <Button size="small" onClick={() => setEditing(o)} aria-label={`Sửa ${o.name}`}>
                  Sửa
                </Button>
                <Popconfirm
                  title="Xóa ngày kỷ niệm này khỏi danh mục?"
                  okText="Xóa"
                  cancelText="Không"
                  onConfirm={() => call('occasions.delete', { id: o.id }).then(reload, (e) => message.error(toAppError(e).message))}
                >
                  <Button size="small" danger aria-label={`Xóa ${o.name}`}>
                    Xóa
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<Values>
        open={editing !== null}
        title={current ? 'Sửa ngày kỷ niệm' : 'Thêm ngày kỷ niệm'}
        form={form}
        labels={LABELS}
        initialValues={current ? { name: current.name, originDate: fromApiDate(current.originDate)!, kind: current.kind } : { kind: 'local' }}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          await call('occasions.save', { id: current?.id, name: v.name ?? '', originDate: toApiDate(v.originDate) ?? '', kind: v.kind });
          reload();
        }}
      >
        <Form.Item label={LABELS.name} name="name" rules={[{ required: true, whitespace: true, message: 'Nhập tên ngày kỷ niệm' }]} extra="Viết như trong văn bản, ví dụ: Ngày thành lập tỉnh Bắc Kạn">
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={LABELS.originDate} name="originDate" rules={[{ required: true, message: 'Nhập ngày gốc' }, dateRule]}>
          <DateInput aria-label="Ngày gốc" />
        </Form.Item>
        <Form.Item label={LABELS.kind} name="kind">
          <Select options={OCCASION_KINDS.map((k) => ({ value: k, label: OCCASION_KIND_LABELS[k] }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}
