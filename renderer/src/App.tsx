import { useEffect } from 'react';
import { AppFrame } from './components/AppFrame';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ConnectionsScreen } from './screens/ConnectionsScreen';
import { ReportsScreen } from './screens/ReportsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { followCoreEvents, useAppStore, type Screen } from './state/app-store';

const SCREENS: Record<Screen, () => React.JSX.Element> = {
  reports: ReportsScreen,
  connections: ConnectionsScreen,
  settings: SettingsScreen,
};

export function App() {
  const screen = useAppStore((state) => state.screen);
  useEffect(() => followCoreEvents(), []);
  const Current = SCREENS[screen];
  return (
    <AppFrame>
      <ErrorBoundary resetKey={screen}>
        <Current />
      </ErrorBoundary>
    </AppFrame>
  );
}
