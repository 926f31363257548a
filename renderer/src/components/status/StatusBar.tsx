import { useEffect } from 'react';
import { formatMoment } from '../../format/datetime';
import { useNow } from '../../hooks/use-now';
import { useRunStore } from '../../state/run-store';
import { useStatusStore } from '../../state/status-store';
import { FreshnessLine } from './FreshnessLine';

function ConnectionState() {
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

/** Always visible at the bottom: online or offline, and how fresh the current result is. */
export function StatusBar() {
  const load = useStatusStore((state) => state.load);
  const result = useRunStore((state) => state.result);
  const params = useRunStore((state) => state.params);
  const report = useRunStore((state) => state.report);
  const finishedAt = useRunStore((state) => state.finishedAt);
  const now = useNow();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <footer className="status-bar" aria-label="Status">
      <span role="status" data-testid="connection-status">
        <ConnectionState />
      </span>
      {result && params ? (
        report?.cached === false ? (
          <span className="freshness">Live figures as of {formatMoment(finishedAt ?? now, params.timeZone)}.</span>
        ) : (
          <FreshnessLine freshness={result.freshness} zone={params.timeZone} now={now} />
        )
      ) : null}
    </footer>
  );
}
