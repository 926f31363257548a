import type { ReactNode } from 'react';
import { useAppStore, type Screen } from '../state/app-store';
import { StatusBar } from './status/StatusBar';

const NAV: { screen: Screen; label: string }[] = [
  { screen: 'reports', label: 'Reports' },
  { screen: 'connections', label: 'Connections' },
  { screen: 'settings', label: 'Settings' },
];

export function AppFrame({ children }: { children: ReactNode }) {
  const screen = useAppStore((state) => state.screen);
  const navigate = useAppStore((state) => state.navigate);
  return (
    <div className="frame">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">ReportDesk</div>
        <ul>
          {NAV.map((item) => (
            <li key={item.screen}>
              <button
                type="button"
                className="nav-item"
                aria-current={item.screen === screen ? 'page' : undefined}
                onClick={() => navigate(item.screen)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">{children}</main>
      <StatusBar />
    </div>
  );
}
