import { Button, Dropdown, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import { GENERAL_KIND_CODES, GENERAL_KINDS, type GeneralKind, type GeneralSummary } from '@shared/schemas/general-documents';
import { call, onEvent, toAppError } from '../../api/client';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { showDate } from '../../lib/dates';
import { useRouter } from '../../stores/router';
import { GeneralDocEditor } from './GeneralDocEditor';

/** "Văn bản khác": Hướng dẫn, Thông báo, Công văn, Giấy mời, Tờ trình, Báo cáo composed freely. */
export function GeneralDocsArea() {
  const rest = useRouter((s) => s.rest);
  return rest[0] ? <GeneralDocEditor id={rest[0]} /> : <GeneralDocsList />;
}

function GeneralDocsList() {
  const navigate = useRouter((s) => s.navigate);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [rows, setRows] = useState<GeneralSummary[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(() => {
    call('generalDocs.list', { year }).then(
      (r) => (setRows(r), setError(null)),
      (e) => setError(toAppError(e)),
    );
  }, [year]);
  useEffect(load, [load]);
  useEffect(() => onEvent('data.changed', ({ area }) => (area === 'documents' || area === 'all') && load()), [load]);

  const create = async (kind: GeneralKind) => {
    try {
      const doc = await call('generalDocs.create', { kind });
      navigate('documents', doc.id);
    } catch (e) {
      setError(toAppError(e));
    }
  };

  return (
    <div>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Dropdown menu={{ items: GENERAL_KIND_CODES.map((k) => ({ key: k, label: GENERAL_KINDS[k].label })), onClick: (e) => void create(e.key as GeneralKind) }}>
          <Button type="primary">Soạn văn bản mới…</Button>
        </Dropdown>
        <Select<number | 'all'>
          aria-label="Năm"
          value={year ?? 'all'}
          style={{ width: 140 }}
          onChange={(v) => setYear(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: 'Mọi năm' }, ...Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: `Năm ${thisYear - i}` }))]}
        />
        <Typography.Text type="secondary">Hướng dẫn, thông báo, công văn, giấy mời, tờ trình, báo cáo — đánh số từ sổ văn bản đi.</Typography.Text>
      </Space>
      <Table<GeneralSummary>
        rowKey="id"
        size="small"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ onDoubleClick: () => navigate('documents', r.id) })}
        locale={{ emptyText: 'Chưa có văn bản nào trong năm này' }}
        columns={[
          { title: 'Loại', dataIndex: 'kind', width: 110, render: (k: GeneralKind) => GENERAL_KINDS[k].label },
          { title: 'Số, ngày', dataIndex: 'identity', width: 220 },
          { title: 'Trích yếu', dataIndex: 'subject', render: (s: string, r) => <a onClick={() => navigate('documents', r.id)}>{s || '(chưa có trích yếu)'}</a> },
          { title: 'Trạng thái', dataIndex: 'status', width: 120, render: (s: string) => (s === 'issued' ? <Tag color="green">Đã ban hành</Tag> : <Tag>Bản nháp</Tag>) },
          { title: 'Sửa lần cuối', dataIndex: 'updatedAt', width: 130, render: (d: string) => showDate(d) },
        ]}
      />
    </div>
  );
}
