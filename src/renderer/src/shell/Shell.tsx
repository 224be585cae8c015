import { Layout, Menu, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useOffice } from '../stores/office';
import { AREA_LABELS, AREAS, useRouter, type Area } from '../stores/router';

const CommendationsArea = lazy(() => import('../features/commendations/CommendationsArea').then((m) => ({ default: m.CommendationsArea })));
const ExchangeArea = lazy(() => import('../features/exchange/ExchangeArea').then((m) => ({ default: m.ExchangeArea })));
const GeneralDocsArea = lazy(() => import('../features/general-docs/GeneralDocsArea').then((m) => ({ default: m.GeneralDocsArea })));
const HomePage = lazy(() => import('../features/home/HomePage').then((m) => ({ default: m.HomePage })));
const OrganizationsArea = lazy(() => import('../features/organizations/OrganizationsArea').then((m) => ({ default: m.OrganizationsArea })));
const PlansArea = lazy(() => import('../features/plans/PlansArea').then((m) => ({ default: m.PlansArea })));
const RegisterArea = lazy(() => import('../features/register/RegisterArea').then((m) => ({ default: m.RegisterArea })));
const RegistrationsArea = lazy(() => import('../features/registrations/RegistrationsArea').then((m) => ({ default: m.RegistrationsArea })));
const ReportsArea = lazy(() => import('../features/reports/ReportsArea').then((m) => ({ default: m.ReportsArea })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
// Each area is its own chunk, loaded when first opened: the first screen does not wait for all of them.
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
            <Suspense fallback={<Spin description="Đang mở…"><div style={{ height: 200 }} /></Spin>}>
              <AreaView area={area} />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
