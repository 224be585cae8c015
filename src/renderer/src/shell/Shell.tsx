import { Layout, Menu, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { useOffice } from '../stores/office';
import { AREA_LABELS, AREAS, setAreaPreloader, useRouter, type Area } from '../stores/router';
import { lazyArea, preloadWhenIdle, type LazyArea } from './lazyArea';

// Each area is its own chunk: the first screen does not wait for all of them. The others are fetched while
// the app is idle, and a navigation waits for its chunk (keeping the current screen) instead of suspending.
const AREA_VIEWS: Record<Area, LazyArea> = {
  home: lazyArea(() => import('../features/home/HomePage').then((m) => m.HomePage)),
  movements: lazyArea(() => import('../features/plans/PlansArea').then((m) => m.PlansArea)),
  registrations: lazyArea(() => import('../features/registrations/RegistrationsArea').then((m) => m.RegistrationsArea)),
  awards: lazyArea(() => import('../features/commendations/CommendationsArea').then((m) => m.CommendationsArea)),
  reports: lazyArea(() => import('../features/reports/ReportsArea').then((m) => m.ReportsArea)),
  documents: lazyArea(() => import('../features/general-docs/GeneralDocsArea').then((m) => m.GeneralDocsArea)),
  organizations: lazyArea(() => import('../features/organizations/OrganizationsArea').then((m) => m.OrganizationsArea)),
  register: lazyArea(() => import('../features/register/RegisterArea').then((m) => m.RegisterArea)),
  exchange: lazyArea(() => import('../features/exchange/ExchangeArea').then((m) => m.ExchangeArea)),
  settings: lazyArea(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage)),
};
setAreaPreloader((area) => AREA_VIEWS[area].preload());

function AreaScreen({ area }: { area: Area }) {
  const View = AREA_VIEWS[area].View;
  return <View />;
}

export function Shell() {
  const area = useRouter((s) => s.area);
  const navigate = useRouter((s) => s.navigate);
  const office = useOffice((s) => s.office);

  useEffect(() => preloadWhenIdle(AREAS.map((a) => AREA_VIEWS[a])), []);
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
              <AreaScreen area={area} />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
