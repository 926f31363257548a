import { useEffect } from 'react';
import { AddConnectionForm } from '../components/connections/AddConnectionForm';
import { ConnectionCard } from '../components/connections/ConnectionCard';
import { LoadableView } from '../components/StatusMessage';
import { useAppStore } from '../state/app-store';
import { useConnectionId } from '../state/zone';

export function ConnectionsScreen() {
  const connections = useAppStore((state) => state.connections);
  const loadConnections = useAppStore((state) => state.loadConnections);
  const connectionId = useConnectionId();
  useEffect(() => {
    void loadConnections();
  }, [loadConnections]);

  return (
    <section aria-labelledby="connections-title" className="scroll-screen">
      <h1 id="connections-title">Connections</h1>
      <p className="lead">The Genesys Cloud organisations ReportDesk reads from.</p>
      <LoadableView data={connections} what="connections">
        {(list) => (
          <ul className="cards" aria-label="Organisations">
            {list.map((connection) => (
              <ConnectionCard key={connection.id} connection={connection} inUse={connection.id === connectionId} />
            ))}
          </ul>
        )}
      </LoadableView>
      <AddConnectionForm />
    </section>
  );
}
