import { Button, Descriptions, Empty, Form, Input, InputNumber, Modal, Spin, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import { REGISTRATION_STATUS_LABELS, type PersonHistory, type PersonHistoryEntry, type PersonTitleView } from '@shared/schemas/registrations';
import { call, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { FormModal } from '../../lib/FormModal';

interface TitleValues {
  year: number;
  title: string;
  reference?: string;
}

function AddTitleModal({ personId, onClose, onDone }: { personId: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<TitleValues>();
  return (
    <FormModal<TitleValues>
      open
      title="Ghi danh hiệu đã đạt"
      form={form}
      initialValues={{ year: new Date().getFullYear() - 1 }}
      labels={{ year: 'Năm', title: 'Danh hiệu', reference: 'Căn cứ (số quyết định)' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await call('registrations.addPersonTitle', { personId, year: v.year, title: v.title ?? '', reference: v.reference ?? '' });
        onDone();
      }}
    >
      <Form.Item label="Năm" name="year" rules={[{ required: true, message: 'Năm: chưa nhập' }]}>
        <InputNumber min={1900} max={2200} precision={0} />
      </Form.Item>
      <Form.Item label="Danh hiệu" name="title" rules={[{ required: true, whitespace: true, message: 'Danh hiệu: không được để trống' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="Căn cứ (số quyết định)" name="reference">
        <Input placeholder="Ví dụ: Quyết định số 12/QĐ-LĐLĐ ngày 15/01/2021" />
      </Form.Item>
    </FormModal>
  );
}

/** A person's registrations and titles across years, opened from the people list. */
export function PersonHistoryButton({ personId, fullName }: { personId: string; fullName: string }) {
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState<PersonHistory | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    try {
      setHistory(await call('registrations.personHistory', { personId }));
      setError(null);
    } catch (e) {
      setError(toAppError(e));
    }
  }, [personId]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  return (
    <>
      <Button size="small" type="link" aria-label={`Quá trình thi đua của ${fullName}`} onClick={() => setOpen(true)}>
        Quá trình thi đua
      </Button>
      {open && (
        <Modal open width={900} title={`Quá trình thi đua — ${fullName}`} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
          <ErrorAlert error={error} />
          {!history ? (
            <Spin />
          ) : (
            <>
              <Descriptions size="small" column={3} items={[
                { key: 'unit', label: 'Đơn vị', children: history.person.organizationName ?? '' },
                { key: 'year', label: 'Năm sinh', children: history.person.birthYear ?? '' },
                { key: 'pos', label: 'Chức vụ', children: history.person.position },
              ]} />
              <h3>Đăng ký thi đua</h3>
              <Table<PersonHistoryEntry>
                size="small"
                rowKey={(r) => `${r.movementId}-${r.phaseName ?? ''}-${r.title}`}
                dataSource={history.registrations}
                pagination={false}
                data-testid="person-history"
                locale={{ emptyText: <Empty description="Chưa đăng ký thi đua lần nào" /> }}
                columns={[
                  { title: 'Năm', dataIndex: 'year', width: 70 },
                  { title: 'Phong trào', render: (_, r) => (r.phaseName ? `${r.movementName} (${r.phaseName})` : r.movementName) },
                  { title: 'Đơn vị', dataIndex: 'organizationName' },
                  { title: 'Danh hiệu đăng ký', dataIndex: 'title' },
                  { title: 'Tình trạng', dataIndex: 'registrationStatus', render: (s: PersonHistoryEntry['registrationStatus']) => REGISTRATION_STATUS_LABELS[s] },
                ]}
              />
              <h3 style={{ marginTop: 16 }}>Danh hiệu đã đạt</h3>
              <Table<PersonTitleView>
                size="small"
                rowKey="id"
                dataSource={history.titles}
                pagination={false}
                locale={{ emptyText: 'Chưa ghi danh hiệu nào' }}
                columns={[
                  { title: 'Năm', dataIndex: 'year', width: 70 },
                  { title: 'Danh hiệu', dataIndex: 'title' },
                  { title: 'Căn cứ', dataIndex: 'reference' },
                ]}
              />
              <Button style={{ marginTop: 8 }} onClick={() => setAdding(true)}>
                Ghi danh hiệu đã đạt
              </Button>
              {adding && <AddTitleModal personId={personId} onClose={() => setAdding(false)} onDone={() => void load()} />}
            </>
          )}
        </Modal>
      )}
    </>
  );
}
