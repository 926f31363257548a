import { useEffect } from 'react';
import { AppFrame } from './components/AppFrame';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Notices } from './components/Notices';
import { ConnectionsScreen } from './screens/ConnectionsScreen';
import { ReportsScreen } from './screens/ReportsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { useAppStore, type Screen } from './state/app-store';
import { followCoreEvents } from './state/core-events';

const SCREENS: Record<Screen, () => React.JSX.Element> = {
  reports: ReportsScreen,
  connections: ConnectionsScreen,
  settings: SettingsScreen,
};

export function App() {
  const screen = useAppStore((state) => state.screen);
  const loadSettings = useAppStore((state) => state.loadSettings);
  const loadAppInfo = useAppStore((state) => state.loadAppInfo);
  useEffect(() => followCoreEvents(), []);
  useEffect(() => {
    void loadSettings();
    void loadAppInfo();
  }, [loadSettings, loadAppInfo]);
  const Current = SCREENS[screen];
  return (
    <AppFrame>
      <Notices />
      <ErrorBoundary resetKey={screen}>
        <Current />
      </ErrorBoundary>
    </AppFrame>
  );
}
