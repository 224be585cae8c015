import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MeetingSummary } from '@shared/schemas/dossier';
import { call, onEvent, toAppError } from '../../api/client';
import { showDate } from '../../lib/dates';
import { DocumentModal } from '../registrations/DocumentModal';
import { MeetingModal } from './MeetingModal';

type Paper = { kind: 'council-minutes' | 'council-ballot' | 'ballot-count'; id: string; title: string };

/** "Hội đồng TĐKT": the council's meetings and their papers (biên bản, phiếu bầu, biên bản kiểm phiếu). */
export function CouncilPage() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<MeetingSummary[]>([]);
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [paper, setPaper] = useState<Paper | null>(null);
  const reload = useCallback(() => {
    call('dossier.listMeetings', {}).then(setRows, (e) => message.error(toAppError(e).message));
  }, [message]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent('data.changed', ({ area }) => (area === 'commendations' || area === 'all') && reload()), [reload]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing(null)}>
        Thêm cuộc họp Hội đồng
      </Button>
      <Table<MeetingSummary>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        locale={{ emptyText: 'Chưa có cuộc họp Hội đồng Thi đua - Khen thưởng nào.' }}
        columns={[
          { title: 'Ngày họp', dataIndex: 'meetingDate', width: 110, render: (d: string) => showDate(d) },
          { title: 'Phong trào', dataIndex: 'movementName', render: (s: string | null) => s ?? '—' },
          { title: 'Số trường hợp xét', dataIndex: 'candidates', width: 140 },
          { title: 'Hình thức', dataIndex: 'ballot', width: 120, render: (b: boolean) => (b ? <Tag color="blue">Bỏ phiếu kín</Tag> : <Tag>Biểu quyết</Tag>) },
          {
            title: '',
            width: 420,
            render: (_: unknown, m) => (
              <Space wrap>
                <Button size="small" onClick={() => setPaper({ kind: 'council-minutes', id: m.id, title: 'Biên bản họp Hội đồng' })}>
                  Biên bản
                </Button>
                {m.ballot && (
                  <>
                    <Button size="small" onClick={() => setPaper({ kind: 'council-ballot', id: m.id, title: 'Phiếu bầu' })}>
                      Phiếu bầu
                    </Button>
                    <Button size="small" onClick={() => setPaper({ kind: 'ballot-count', id: m.id, title: 'Biên bản kiểm phiếu' })}>
                      Kiểm phiếu
                    </Button>
                  </>
                )}
                <Button size="small" onClick={() => setEditing(m.id)}>
                  Sửa
                </Button>
                <Popconfirm
                  title="Xóa cuộc họp này (các đề nghị và kết quả bình xét giữ nguyên)?"
                  okText="Xóa"
                  cancelText="Hủy"
                  onConfirm={() => call('dossier.deleteMeeting', { id: m.id }).then(reload, (e) => message.error(toAppError(e).message))}
                >
                  <Button size="small" danger>
                    Xóa
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && <MeetingModal id={editing} onClose={() => setEditing(undefined)} onSaved={reload} />}
      {paper && <DocumentModal kind={paper.kind} id={paper.id} title={paper.title} onClose={() => setPaper(null)} />}
    </Space>
  );
}
