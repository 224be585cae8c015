import { Layout, Menu } from 'antd';
import { useEffect } from 'react';
import { CommendationsArea } from '../features/commendations/CommendationsArea';
import { ExchangeArea } from '../features/exchange/ExchangeArea';
import { GeneralDocsArea } from '../features/general-docs/GeneralDocsArea';
import { HomePage } from '../features/home/HomePage';
import { OrganizationsArea } from '../features/organizations/OrganizationsArea';
import { Placeholder } from '../features/placeholder/Placeholder';
import { PlansArea } from '../features/plans/PlansArea';
import { RegisterArea } from '../features/register/RegisterArea';
import { RegistrationsArea } from '../features/registrations/RegistrationsArea';
import { ReportsArea } from '../features/reports/ReportsArea';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useOffice } from '../stores/office';
import { AREA_LABELS, AREAS, useRouter, type Area } from '../stores/router';

function AreaView({ area }: { area: Area }) {
  switch (area) {
    case 'home':
      return <HomePage />;
    case 'organizations':
      return <OrganizationsArea />;
    case 'settings':
      return <SettingsPage />;
    case 'movements':
      return <PlansArea />;
    case 'register':
      return <RegisterArea />;
    case 'registrations':
      return <RegistrationsArea />;
    case 'exchange':
      return <ExchangeArea />;
    case 'awards':
      return <CommendationsArea />;
    case 'reports':
      return <ReportsArea />;
    case 'documents':
      return <GeneralDocsArea />;
    default:
      return <Placeholder area={area} title={AREA_LABELS[area]} />;
  }
}

export function Shell() {
  const area = useRouter((s) => s.area);
  const navigate = useRouter((s) => s.navigate);
  const office = useOffice((s) => s.office);

  useEffect(() => {
    document.title = `${AREA_LABELS[area]} — Thi đua Khen thưởng`;
  }, [area]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={230} breakpoint="lg" collapsedWidth={64}>
        <div className="app-brand">
          Thi đua Khen thưởng
          {office && <small>{office.shortName || office.name}</small>}
        </div>
        <nav aria-label="Điều hướng chính">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[area]}
            onClick={(e) => navigate(e.key as Area)}
            items={AREAS.map((a) => ({ key: a, label: AREA_LABELS[a] }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <h1>{AREA_LABELS[area]}</h1>
          {office && <span className="muted">{office.name}</span>}
        </Layout.Header>
        <Layout.Content className="app-content">
          <main>
            <AreaView area={area} />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
