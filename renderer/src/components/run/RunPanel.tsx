import { useRunStore } from '../../state/run-store';
import { runCurrentDraft } from '../../workflow/run-report';
import { RunOutcome } from './RunOutcome';
import { RunProgressView } from './RunProgressView';

/** The run's live progress, or how it ended. */
export function RunPanel() {
  const phase = useRunStore((state) => state.phase);
  const progress = useRunStore((state) => state.progress);
  const result = useRunStore((state) => state.result);
  const error = useRunStore((state) => state.error);
  const params = useRunStore((state) => state.params);
  const report = useRunStore((state) => state.report);
  const retry = () => void runCurrentDraft();

  if (phase === 'running') return <RunProgressView progress={progress} />;
  if (phase === 'error') {
    return (
      <div className="run-outcome outcome-error" role="alert" data-state="error">
        <p>
          <strong>The report could not run.</strong> {error}
        </p>
        <button type="button" className="secondary" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  if (phase === 'finished' && result && params) {
    return <RunOutcome result={result} zone={params.timeZone} live={report?.cached === false} onRetry={retry} />;
  }
  return null;
}
