import { lazy, Suspense } from 'react';
import { formatDayRange } from '../../dates/civil-day';
import { GRANULARITY_LABELS } from '../../query/draft';
import { useGridStore } from '../../state/grid-store';
import { useRunStore } from '../../state/run-store';
import { RunPanel } from '../run/RunPanel';
import { ConversationPanel } from './ConversationPanel';
import { ExportBar } from './ExportBar';

// AG Grid is most of the bundle: loading it with the first result keeps the first screen fast.
const ResultGrid = lazy(() => import('../../grid/ResultGrid').then((module) => ({ default: module.ResultGrid })));

/** Everything about the current result: progress or outcome, the table, exports and the detail panel. */
export function ResultArea() {
  const phase = useRunStore((state) => state.phase);
  const result = useRunStore((state) => state.result);
  const params = useRunStore((state) => state.params);
  const report = useRunStore((state) => state.report);
  const generation = useRunStore((state) => state.generation);
  const pageError = useGridStore((state) => state.pageError);

  const showGrid = phase === 'finished' && result && params && report && (result.state === 'done' || result.rows > 0);
  return (
    <div className="results">
      <RunPanel />
      {phase === 'idle' ? (
        <div className="empty-state">
          <h2>No reports run yet</h2>
          <p>
            Choose a report and its options, then press Run report. Reports you run stay available offline from this
            computer&apos;s cache.
          </p>
        </div>
      ) : null}
      {showGrid ? (
        <>
          <div className="result-toolbar">
            <h2 className="result-title">
              {report.name}
              <span className="hint">
                {' · '}
                {report.ranged ? formatDayRange(params.from, params.to) : 'now'}
                {report.granularities.length === 0
                  ? ''
                  : params.granularity === 'total'
                    ? ' · total for the range'
                    : ` · by ${GRANULARITY_LABELS[params.granularity].toLowerCase()}`}
                {` · ${params.timeZone.replaceAll('_', ' ')}`}
              </span>
            </h2>
            <ExportBar descriptor={report} />
          </div>
          {pageError ? (
            <p role="alert" className="message message-error">
              The table could not load rows: {pageError}
            </p>
          ) : null}
          <Suspense fallback={<p className="hint">Loading the table…</p>}>
            <ResultGrid key={generation} descriptor={report} params={params} />
          </Suspense>
          <ConversationPanel connectionId={params.connectionId} zone={params.timeZone} />
        </>
      ) : null}
    </div>
  );
}
