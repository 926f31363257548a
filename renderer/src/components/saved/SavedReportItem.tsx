import { useId, useState } from 'react';
import type { SavedReport } from '../../../../preload/contract/workspace-types';
import { PRESET_LABELS } from '../../dates/presets';
import { formatMoment } from '../../format/datetime';
import { useSavedStore } from '../../state/saved-store';

interface Props {
  saved: SavedReport;
  reportName: string;
  /** The zone to show times in (the workspace's). */
  zone: string;
  onRun: (saved: SavedReport) => void;
}

const STATE_WORDS = {
  done: 'complete',
  failed: 'failed',
  cancelled: 'cancelled',
  'offline-missing': 'partly missing (offline)',
} as const;

function lastRunText(saved: SavedReport, zone: string): string {
  const { lastRun } = saved;
  if (!lastRun) return 'Not run yet';
  const when = `Last run ${formatMoment(lastRun.at, zone)} (${STATE_WORDS[lastRun.state]})`;
  return lastRun.completeUpTo === null
    ? when
    : `${when} · data complete up to ${formatMoment(lastRun.completeUpTo, zone)}`;
}

/** One saved report: what it is, when it last ran and how fresh that was, and what can be done with it. */
export function SavedReportItem({ saved, reportName, zone, onRun }: Props) {
  const id = useId();
  const rename = useSavedStore((state) => state.rename);
  const duplicate = useSavedStore((state) => state.duplicate);
  const remove = useSavedStore((state) => state.remove);
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(saved.name);

  return (
    <li className="saved-item" data-saved-id={saved.id}>
      <p className="saved-name">{saved.name}</p>
      <p className="hint">
        {reportName} · {PRESET_LABELS[saved.preset]}
      </p>
      <p className="hint">{lastRunText(saved, zone)}</p>
      {mode === 'rename' ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void rename(saved.id, name).then((ok) => ok && setMode('view'));
          }}
        >
          <label htmlFor={`${id}-name`} className="visually-hidden">
            New name for {saved.name}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={120}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="secondary">
            Rename
          </button>
          <button type="button" className="link-button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      ) : mode === 'delete' ? (
        <div className="inline-form" role="group" aria-label={`Delete ${saved.name}?`}>
          <span>Delete this saved report?</span>
          <button type="button" className="danger" onClick={() => void remove(saved.id)}>
            Delete
          </button>
          <button type="button" className="link-button" onClick={() => setMode('view')}>
            Keep
          </button>
        </div>
      ) : (
        <div className="button-row compact">
          <button type="button" className="primary small" onClick={() => onRun(saved)} aria-label={`Run ${saved.name}`}>
            Run
          </button>
          <button
            type="button"
            className="secondary small"
            onClick={() => setMode('rename')}
            aria-label={`Rename ${saved.name}`}
          >
            Rename
          </button>
          <button
            type="button"
            className="secondary small"
            onClick={() => void duplicate(saved.id)}
            aria-label={`Duplicate ${saved.name}`}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="secondary small"
            onClick={() => setMode('delete')}
            aria-label={`Delete ${saved.name}`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
