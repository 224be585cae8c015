import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CatalogueChange } from '@shared/schemas/catalogue';
import { call } from '../../api/client';
import { showDate } from '../../lib/dates';

/** A row the upper level's catalogue package set: read-only here. */
export function ReceivedTag({ from }: { from: string }) {
  return (
    <Tooltip title={`Do ${from} ban hành và gửi xuống trong gói danh mục; chỉ cấp trên sửa được.`}>
      <Tag color="blue">Cấp trên</Tag>
    </Tooltip>
  );
}

const CHANGE_LABELS: Record<CatalogueChange['change'], { text: string; color: string }> = {
  new: { text: 'Mới', color: 'green' },
  changed: { text: 'Sửa', color: 'gold' },
  removed: { text: 'Bãi bỏ', color: 'red' },
};

/** What the upper level's catalogue packages changed here, the value before and after, and from when. */
export function CatalogueChangesCard() {
  const [rows, setRows] = useState<CatalogueChange[] | null>(null);
  useEffect(() => {
    call('catalogue.listChanges', {}).then(setRows, () => setRows([]));
  }, []);
  return (
    <Card size="small" title="Thay đổi nhận từ cấp trên (gói danh mục khen thưởng)">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Mỗi dòng là một giá trị cấp trên gửi xuống: áp dụng từ ngày ghi ở cột “Áp dụng từ”; quyết định dùng giá trị đang áp dụng vào ngày quyết định.
      </Typography.Paragraph>
      <Table<CatalogueChange>
        size="small"
        rowKey={(r) => `${r.importId}:${r.table}:${r.id}`}
        loading={rows === null}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={rows ?? []}
        locale={{ emptyText: 'Chưa nhận gói danh mục nào từ cấp trên.' }}
        columns={[
          { title: 'Ngày nhận', dataIndex: 'importedAt', width: 110, render: (d: string) => showDate(d.slice(0, 10)) },
          { title: 'Loại', dataIndex: 'tableLabel', width: 180 },
          { title: '', dataIndex: 'change', width: 80, render: (c: CatalogueChange['change']) => <Tag color={CHANGE_LABELS[c].color}>{CHANGE_LABELS[c].text}</Tag> },
          { title: 'Giá trị', render: (_: unknown, r) => (r.before && r.before !== r.after ? <><Typography.Text delete type="secondary">{r.before}</Typography.Text><br />{r.after}</> : r.after) },
          { title: 'Áp dụng từ', dataIndex: 'validFrom', width: 110, render: (d: string | null) => (d ? showDate(d) : '') },
          { title: 'Từ', dataIndex: 'senderName', width: 200 },
        ]}
      />
    </Card>
  );
}
