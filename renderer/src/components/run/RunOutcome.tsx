import type { RunResult } from '../../../../preload/contract/workspace-types';
import { formatCount } from '../../format/numbers';
import { useGridStore } from '../../state/grid-store';
import { MissingList } from './MissingList';

interface Props {
  result: RunResult;
  zone: string;
  live: boolean;
  onRetry: () => void;
}

const counted = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

function fetchedLine(result: RunResult): string {
  const parts = [
    `Fetched from Genesys Cloud: ${counted(result.requests, 'request', 'requests')} in ${formatCount(result.seconds)} s`,
  ];
  if (result.rateLimited > 0)
    parts.push(`slowed down ${counted(result.rateLimited, 'time', 'times')} by the request limit`);
  if (result.retries > 0) parts.push(`${counted(result.retries, 'request', 'requests')} retried`);
  return `${parts.join(', ')}.`;
}

/** How a run ended, in words, with what to do next when it did not fully work. */
export function RunOutcome({ result, zone, live, onRetry }: Props) {
  // RunResult.rows counts what the run stored (conversations, buckets, names); the supervisor's number is the
  // table's own row count, which the first page brings.
  const total = useGridStore((state) => state.total);
  const rows = total === null ? '' : counted(total, 'row', 'rows');
  switch (result.state) {
    case 'done':
      return (
        <div className="run-outcome outcome-ok" role="status" data-state="done">
          <p>
            {rows ? <strong>{rows}. </strong> : null}
            {live
              ? 'Live figures, as of now.'
              : result.fromCache
                ? 'From this computer’s cache: no requests to Genesys Cloud were needed.'
                : fetchedLine(result)}
          </p>
          {result.missing.length > 0 ? (
            <>
              <p>{result.message ?? 'Some parts could not be fetched. Run the report again to try them again.'}</p>
              <MissingList result={result} zone={zone} />
            </>
          ) : null}
        </div>
      );
    case 'cancelled':
      return (
        <div className="run-outcome outcome-warn" role="status" data-state="cancelled">
          <p>
            <strong>Run cancelled.</strong>{' '}
            {result.message ?? 'What was already fetched is kept; run the report again to finish it.'}
          </p>
        </div>
      );
    case 'offline-missing':
      return (
        <div className="run-outcome outcome-warn" role="alert" data-state="offline-missing">
          <p>
            <strong>You are offline and part of this range has never been fetched.</strong>{' '}
            {result.message ??
              'Connect to the internet and run the report again, or choose days that were fetched before.'}
          </p>
          <MissingList result={result} zone={zone} />
          {total ? <p>The table shows the {rows} that are cached.</p> : null}
        </div>
      );
    case 'failed':
      return (
        <div className="run-outcome outcome-error" role="alert" data-state="failed">
          <p>
            <strong>The report could not be completed.</strong>{' '}
            {result.message ?? 'Something went wrong while fetching. Try again in a moment.'}
          </p>
          <MissingList result={result} zone={zone} />
          <button type="button" className="secondary" onClick={onRetry}>
            Try again
          </button>
        </div>
      );
  }
}
