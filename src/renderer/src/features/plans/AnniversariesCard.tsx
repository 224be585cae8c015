import { Button, Card, Empty, InputNumber, List, Space, Tag, Typography } from 'antd';
import type { Anniversary } from '@shared/plans/anniversaries';
import { useQuery } from '../../lib/query';

const NONE: Anniversary[] = [];

/** The round anniversaries the catalogue proposes for a year, written the way plans write them. */
export function AnniversariesCard({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const list = useQuery('occasions.anniversaries', { year }, `các ngày kỷ niệm năm ${year}`).data ?? NONE;
  const copy = (t: string) => void navigator.clipboard?.writeText(t);
  return (
    <Card
      size="small"
      title={`Ngày kỷ niệm tròn năm ${year}`}
      data-testid="anniversaries"
      extra={
        <Space>
          <span>Năm</span>
          <InputNumber aria-label="Năm đề xuất ngày kỷ niệm" min={1900} max={2200} value={year} onChange={(v) => v && onYear(v)} style={{ width: 90 }} />
        </Space>
      }
    >
      {list.length === 0 ? (
        <Empty description="Không có ngày kỷ niệm tròn 5 năm nào trong năm này." />
      ) : (
        <List
          size="small"
          dataSource={list}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button key="copy" size="small" type="link" onClick={() => copy(a.fullText)} aria-label={`Sao chép: ${a.fullText}`}>
                  Sao chép
                </Button>,
              ]}
            >
              <Space>
                {a.round ? <Tag color="red">tròn {a.years} năm</Tag> : <Tag>{a.years} năm</Tag>}
                <Typography.Text>{a.fullText}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
