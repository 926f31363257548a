import { useEffect } from 'react';
import { LoadableView } from '../components/StatusMessage';
import { useAppStore } from '../state/app-store';

export function ReportsScreen() {
  const connections = useAppStore((state) => state.connections);
  const loadConnections = useAppStore((state) => state.loadConnections);
  useEffect(() => {
    if (connections.status === 'idle') void loadConnections();
  }, [connections.status, loadConnections]);

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <LoadableView data={connections} what="your organisation">
        {(list) => {
          const active = list.find((c) => c.isDefault) ?? list[0];
          return active ? (
            <p className="lead">
              Working with <strong>{active.name}</strong> — {active.regionLabel}.
            </p>
          ) : (
            <p className="lead">No organisation is set up yet. Add one on the Connections screen.</p>
          );
        }}
      </LoadableView>
      <div className="empty-state">
        <h2>No reports run yet</h2>
        <p>Reports you run appear here, and stay available offline from this computer&apos;s cache.</p>
      </div>
    </section>
  );
}
