import { useEffect } from 'react';
import { formatMoment } from '../../format/datetime';
import { useNow } from '../../hooks/use-now';
import { useRunStore } from '../../state/run-store';
import { useStatusStore } from '../../state/status-store';
import { ConnectionState } from './ConnectionState';
import { FreshnessLine } from './FreshnessLine';

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
