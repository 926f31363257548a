import { useStatusStore } from '../../state/status-store';

/** Online or offline, and whether the connection in use is signed in. */
export function ConnectionState() {
  const status = useStatusStore((state) => state.status);
  if (status.status === 'error') return <span className="status-unknown">Connection status unknown</span>;
  if (status.status !== 'ready') return <span className="status-unknown">Checking the connection…</span>;
  const { online, signedIn } = status.value;
  if (!online) {
    return (
      <span className="status-offline" data-online="false">
        <span className="dot" aria-hidden="true" /> Offline: cached reports still run
      </span>
    );
  }
  return (
    <span className="status-online" data-online="true">
      <span className="dot" aria-hidden="true" /> Online
      {signedIn ? '' : ': not signed in (sign in on the Connections screen)'}
    </span>
  );
}
