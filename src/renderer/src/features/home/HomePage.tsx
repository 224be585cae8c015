import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { ORG_LEVEL_LABELS } from '@shared/schemas/organizations';
import { useOffice } from '../../stores/office';
import { useRouter } from '../../stores/router';
import { Dashboard } from './Dashboard';

export function HomePage() {
  const office = useOffice((s) => s.office);
  const navigate = useRouter((s) => s.navigate);
  if (!office) return null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {office.name}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'level', label: 'Cấp công đoàn', children: ORG_LEVEL_LABELS[office.level] },
            { key: 'place', label: 'Địa danh', children: office.placeName || '—' },
            { key: 'abbr', label: 'Chữ viết tắt', children: office.abbreviation || '—' },
            {
              key: 'signer',
              label: 'Người ký',
              children: [office.signerAuthority, office.signerTitle, office.signerName].filter(Boolean).join(' · '),
            },
          ]}
        />
      </Card>
      <Dashboard />
      <Card title="Bắt đầu">
        <Typography.Paragraph>
          Phần mềm quản lý thi đua, khen thưởng cho tổ chức Công đoàn, làm việc không cần mạng. Trước hết, hãy lập danh mục
          đơn vị trực thuộc (có thể nhập từ tệp Excel) và danh sách cá nhân.
        </Typography.Paragraph>
        <Space wrap>
          <Button type="primary" onClick={() => navigate('organizations')}>
            Mở danh mục đơn vị
          </Button>
          <Button onClick={() => navigate('organizations', 'people')}>Mở danh sách cá nhân</Button>
          <Button onClick={() => navigate('settings')}>Cài đặt và sao lưu</Button>
        </Space>
      </Card>
    </Space>
  );
}
