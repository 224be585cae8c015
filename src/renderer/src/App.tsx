import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { useEffect } from 'react';
import { onEvent } from './api/client';
import { RestoreFromBackups, STARTUP_REFUSALS } from './features/restore/RestoreFromBackups';
import { SetupPage } from './features/setup/SetupPage';
import './lib/dates';
import { ErrorAlert } from './lib/ErrorAlert';
import { Shell } from './shell/Shell';
import { useOffice } from './stores/office';
import { useOrganizations } from './stores/organizations';

function Root() {
  const { office, loading, error, load } = useOffice();

  useEffect(() => {
    void load();
  }, [load]);

  // The core tells us when data changed behind our back (an import, a restore, another window).
  useEffect(
    () =>
      onEvent('data.changed', ({ area }) => {
        if (area === 'organizations' || area === 'all') void useOrganizations.getState().refresh();
        if (area === 'organizations' || area === 'settings' || area === 'all') void useOffice.getState().load();
      }),
    [],
  );

  if (office === undefined) {
    // The data could not be opened at start: offer the backups instead of a dead end.
    if (error && STARTUP_REFUSALS.has(error.code)) {
      return (
        <div className="center-page">
          <RestoreFromBackups onRestored={() => void load()} />
        </div>
      );
    }
    if (error) {
      return (
        <div className="center-page">
          <Result
            status="error"
            title="Không mở được dữ liệu"
            subTitle={<ErrorAlert error={error} />}
            extra={
              <Button type="primary" onClick={() => void load()} loading={loading}>
                Thử lại
              </Button>
            }
          />
        </div>
      );
    }
    return (
      <div className="center-page">
        <Spin size="large" description="Đang mở dữ liệu…">
          <div style={{ width: 240, height: 120 }} />
        </Spin>
      </div>
    );
  }
  if (office === null) return <SetupPage />;
  return <Shell />;
}

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={{ token: { fontSize: 15 }, zeroRuntime: true }}>
      <AntApp>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}
