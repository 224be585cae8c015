import { Alert, Card, Descriptions, Empty, Spin, Table, Tag, Timeline } from 'antd';
import { ORG_LEVEL_LABELS, type OrgNameVersion } from '@shared/schemas/organizations';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { showDate, showSince } from '../../lib/dates';
import { useOrganizations } from '../../stores/organizations';
import { OwnerNotice, useOwnership } from '../exchange/ownership';

const EVENT_LABELS: Record<string, string> = {
  created: 'Thành lập',
  renamed: 'Đổi tên',
  moved: 'Chuyển cấp trên',
  merged: 'Sáp nhập vào đơn vị khác',
  absorbed: 'Tiếp nhận đơn vị sáp nhập',
};

/** The selected unit: its current data, its dated names and what happened to it. */
export function OrgDetailPanel() {
  const { selectedId, detail, detailLoading, detailError, nodes } = useOrganizations();
  const ownership = useOwnership('organizations', selectedId);
  if (!selectedId) {
    return (
      <Card title="Thông tin đơn vị">
        <Empty description="Chọn một đơn vị trong danh mục để xem thông tin và lịch sử tên gọi" />
      </Card>
    );
  }
  const nameOf = (id: string | null) => (id ? (nodes.find((n) => n.id === id)?.name ?? '') : '');
  return (
    <Card title={detail ? detail.name : 'Thông tin đơn vị'} data-testid="org-detail">
      <ErrorAlert error={detailError} />
      <OwnerNotice ownership={ownership} />
      <Spin spinning={detailLoading} delay={400} description="Đang tải…">
        {detail ? (
          <>
            {detail.endedOn && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={`Đơn vị đã sáp nhập từ ngày ${showDate(detail.endedOn)}${
                  detail.successorId ? ` vào ${nameOf(detail.successorId)}` : ''
                }`}
              />
            )}
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'code', label: 'Mã đơn vị', children: detail.code || '—' },
                { key: 'level', label: 'Cấp công đoàn', children: ORG_LEVEL_LABELS[detail.level] },
                { key: 'shortName', label: 'Tên viết tắt', children: detail.shortName || '—' },
                { key: 'abbr', label: 'Chữ viết tắt trong số ký hiệu', children: detail.abbreviation || '—' },
                { key: 'place', label: 'Địa danh', children: detail.placeName || '—' },
                { key: 'parentLine', label: 'Dòng cơ quan chủ quản', children: detail.parentLine || '—' },
                { key: 'parent', label: 'Đơn vị cấp trên', children: nameOf(detail.parentId) || '—' },
                { key: 'from', label: 'Tên hiện dùng từ ngày', children: showSince(detail.validFrom) || '—' },
              ]}
            />
            <h3 style={{ marginTop: 24 }}>Lịch sử tên gọi</h3>
            <Table<OrgNameVersion>
              size="small"
              rowKey={(r) => `${r.validFrom}|${r.name}`}
              pagination={false}
              dataSource={detail.names}
              data-testid="org-name-history"
              locale={{ emptyText: 'Chưa có lịch sử tên gọi' }}
              columns={[
                { title: 'Từ ngày', dataIndex: 'validFrom', width: 110, render: (v: string) => showSince(v) || '—' },
                { title: 'Tên đơn vị', dataIndex: 'name' },
                { title: 'Chữ viết tắt', dataIndex: 'abbreviation', width: 110 },
                { title: 'Địa danh', dataIndex: 'placeName', width: 120 },
              ]}
            />
            <h3 style={{ marginTop: 24 }}>Diễn biến</h3>
            {detail.events.length === 0 ? (
              <p className="muted">Chưa có diễn biến nào.</p>
            ) : (
              <Timeline
                items={detail.events.map((e, i) => ({
                  key: i,
                  content: (
                    <>
                      <strong>{showDate(e.onDate)}</strong> <Tag>{EVENT_LABELS[e.kind] ?? e.kind}</Tag> {e.text}
                    </>
                  ),
                }))}
              />
            )}
          </>
        ) : (
          !detailError && <div style={{ minHeight: 120 }} />
        )}
      </Spin>
    </Card>
  );
}
