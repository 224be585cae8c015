import { App as AntApp, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DuplicateGroup, PersonCandidate } from '@shared/schemas/person-identity';
import { call, toAppError } from '../../api/client';

/**
 * People who may be one person (entered here and received in a package, or imported from a sheet):
 * side by side, and "Giữ bản này" merges the others into the one chosen. Both ids stay as one identity.
 */
export function DuplicatesTab() {
  const { message } = AntApp.useApp();
  const [groups, setGroups] = useState<DuplicateGroup[] | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => call('people.listDuplicates', {}).then(setGroups, (e) => message.error(toAppError(e).message)), [message]);
  useEffect(() => void reload(), [reload]);

  const keep = async (group: DuplicateGroup, survivor: PersonCandidate) => {
    setBusy(true);
    try {
      for (const p of group.people) if (p.id !== survivor.id) await call('people.merge', { survivorId: survivor.id, mergedId: p.id });
      message.success(`Đã hợp nhất: ${survivor.fullName}${survivor.birthYear ? ` (${survivor.birthYear})` : ''}`);
    } catch (e) {
      message.error(toAppError(e).message);
    } finally {
      setBusy(false);
      await reload();
    }
  };

  return (
    <Card>
      <Typography.Paragraph type="secondary">
        Cùng họ tên (không phân biệt dấu), năm sinh và đơn vị không mâu thuẫn (hoặc cùng số CCCD): có thể là một người được ghi ở hai nơi. Chọn bản giữ lại;
        các bản còn lại được gộp vào nó, lịch sử đăng ký, khen thưởng và kiểm tra khen trùng tính chung.
      </Typography.Paragraph>
      {groups && groups.length === 0 && <Empty description="Không có cá nhân nào có thể trùng." />}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {(groups ?? []).map((g) => (
          <Table<PersonCandidate>
            key={g.key}
            size="small"
            rowKey="id"
            pagination={false}
            bordered
            data-testid="duplicate-group"
            title={() => <Typography.Text strong>{g.people[0].fullName}</Typography.Text>}
            dataSource={g.people}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Năm sinh', width: 100, render: (_: unknown, p) => p.birthDate?.split('-').reverse().join('/') ?? p.birthYear ?? <Tag>chưa có</Tag> },
              { title: 'Đơn vị', dataIndex: 'organizationName', render: (v: string | null) => v ?? '' },
              { title: 'CCCD', dataIndex: 'idNumberTail', width: 90, render: (v: string | null) => (v ? `…${v}` : '') },
              { title: 'Ghi bởi', dataIndex: 'ownerName', render: (v: string | null) => v ?? 'Đơn vị mình' },
              { title: 'Đăng ký', dataIndex: 'registrations', width: 80 },
              { title: 'Khen thưởng', dataIndex: 'awards', width: 100 },
              { title: 'Vì sao', dataIndex: 'reason' },
              {
                title: '',
                width: 130,
                render: (_: unknown, p) => (
                  <Popconfirm title={`Giữ bản này và gộp ${g.people.length - 1} bản còn lại vào?`} okText="Hợp nhất" cancelText="Hủy" onConfirm={() => keep(g, p)}>
                    <Button size="small" loading={busy}>
                      Giữ bản này
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        ))}
      </Space>
    </Card>
  );
}
