import { useAppStore } from '../state/app-store';
import { useConnectionId } from '../state/zone';

/** The organisation the workspace reads from, under the screen title. */
export function WorkingWith() {
  const connections = useAppStore((state) => state.connections);
  const connectionId = useConnectionId();
  if (connections.status !== 'ready') {
    return (
      <p className="lead" role={connections.status === 'error' ? 'alert' : undefined}>
        {connections.status === 'error'
          ? `Could not load your organisation: ${connections.message}`
          : 'Loading your organisation…'}
      </p>
    );
  }
  const list = connections.value;
  const active = list.find((c) => c.id === connectionId) ?? list.find((c) => c.isDefault) ?? list[0];
  return active ? (
    <p className="lead">
      Working with <strong>{active.name}</strong> — {active.regionLabel}.
    </p>
  ) : (
    <p className="lead">No organisation is set up yet. Add one on the Connections screen.</p>
  );
}
