import { Col, Row, Space } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../lib/ErrorAlert';
import { OwnKeyCard, PartnersCard, usePartners } from './KeysCards';
import './openedPackage';
import { ImportCard, JournalCard, SendCard } from './PackageCards';

/** "Trao đổi dữ liệu": keys, sending packages, receiving them with a preview, and the import journal. */
export function ExchangeArea() {
  const [partners, reloadPartners, error] = usePartners();
  const [version, setVersion] = useState(0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <OwnKeyCard />
        </Col>
        <Col xs={24} xl={16}>
          <PartnersCard partners={partners} reload={reloadPartners} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <SendCard partners={partners} />
        </Col>
        <Col xs={24} xl={16}>
          <ImportCard
            onApplied={() => {
              setVersion((v) => v + 1);
              reloadPartners();
            }}
          />
        </Col>
      </Row>
      <JournalCard version={version} />
    </Space>
  );
}
