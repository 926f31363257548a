import { useId, useState } from 'react';
import { PRESET_LABELS } from '../../dates/presets';
import { useQueryStore } from '../../state/query-store';
import { currentDescriptor } from '../../workflow/run-report';
import { saveDraft } from '../../workflow/saved-reports';

/**
 * Saves the form (report, relative range, filters, columns, and the grid's sort and column filters) under a
 * name. Not a nested <form>: it lives inside the query form, so Enter in the name field saves explicitly.
 */
export function SaveReportForm() {
  const id = useId();
  const openedFrom = useQueryStore((state) => state.saved);
  const preset = useQueryStore((state) => state.draft.preset);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const start = () => {
    const report = currentDescriptor();
    setName(openedFrom?.name ?? `${report?.name ?? 'Report'} – ${PRESET_LABELS[preset].toLowerCase()}`);
    setMessage(null);
    setOpen(true);
  };
  const save = async (asNew: boolean) => {
    if (name.trim() === '') {
      setMessage({ text: 'Give the report a name.', error: true });
      return;
    }
    setBusy(true);
    const problem = await saveDraft(name.trim(), asNew);
    setBusy(false);
    setMessage(problem ? { text: problem, error: true } : { text: `Saved “${name.trim()}”.`, error: false });
    if (!problem) setOpen(false);
  };

  if (!open) {
    return (
      <>
        <button type="button" className="secondary" onClick={start}>
          Save report…
        </button>
        {message ? (
          <p role="status" className={message.error ? 'field-error' : 'message'}>
            {message.text}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <div className="save-form" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="save-title">
        Save this report
      </p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Report name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={120}
          autoFocus
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save(false);
            }
          }}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {preset === 'custom'
            ? 'The custom days are saved as they are.'
            : `The range stays “${PRESET_LABELS[preset]}”: it moves with the calendar each time you run it.`}
        </p>
      </div>
      {message?.error ? (
        <p role="alert" className="field-error">
          {message.text}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void save(false)}>
          {openedFrom ? 'Save changes' : 'Save'}
        </button>
        {openedFrom ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void save(true)}>
            Save as new
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
