import { useEffect } from 'react';
import { LoadableView } from '../components/StatusMessage';
import { useAppStore } from '../state/app-store';

export function ConnectionsScreen() {
  const connections = useAppStore((state) => state.connections);
  const loadConnections = useAppStore((state) => state.loadConnections);
  useEffect(() => {
    void loadConnections();
  }, [loadConnections]);

  return (
    <section aria-labelledby="connections-title">
      <h1 id="connections-title">Connections</h1>
      <p className="lead">The Genesys Cloud organisations ReportDesk reads from.</p>
      <LoadableView data={connections} what="connections">
        {(list) => (
          <ul className="cards" aria-label="Organisations">
            {list.map((connection) => (
              <li key={connection.id} className="card" data-connection-id={connection.id}>
                <h2>
                  {connection.name}
                  {connection.isDefault ? <span className="badge">Default</span> : null}
                </h2>
                <p className="muted">{connection.regionLabel}</p>
                <p>{connection.description}</p>
              </li>
            ))}
          </ul>
        )}
      </LoadableView>
    </section>
  );
}
