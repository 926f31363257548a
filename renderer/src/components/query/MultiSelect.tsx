import { useId, useMemo, useState } from 'react';
import { FieldError } from '../FieldError';

export interface MultiSelectOption {
  value: string;
  label: string;
  /** Shown after the name, e.g. "deleted" for an agent who left. */
  note?: string | null;
}

interface Props {
  label: string;
  /** One item, for the search box and messages: "queue". */
  noun: string;
  options: MultiSelectOption[] | null;
  /** Shown instead of the list when the options could not be loaded. */
  loadError?: string | null;
  selected: string[];
  onChange: (values: string[]) => void;
  error?: string;
  /** Values chosen earlier that the options no longer contain (a deleted queue in a saved report). */
  missing?: string[];
  /** Called when the list is first opened, so long lists load only when someone wants them. */
  onOpen?: () => void;
}

/** Long lists (hundreds of agents) show this many matches; typing narrows them down. */
const MAX_SHOWN = 200;

/**
 * A searchable multi-select made of native checkboxes, so screen readers and the keyboard work without extra
 * ARIA: the chosen items as removable chips, then (once opened) a search box and the matching options.
 */
export function MultiSelect({
  label,
  noun,
  options,
  loadError,
  selected,
  onChange,
  error,
  missing = [],
  onOpen,
}: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const byValue = useMemo(() => new Map((options ?? []).map((option) => [option.value, option])), [options]);
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = options ?? [];
    return needle === '' ? all : all.filter((option) => option.label.toLowerCase().includes(needle));
  }, [options, search]);
  const chosen = new Set(selected);
  const toggle = (value: string) =>
    onChange(chosen.has(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  const text = (option: MultiSelectOption) => (option.note ? `${option.label} (${option.note})` : option.label);

  return (
    <fieldset className="field multi-select" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      {selected.length > 0 ? (
        <ul className="chips" aria-label={`Chosen ${label.toLowerCase()}`}>
          {selected.map((value) => {
            const option = byValue.get(value);
            const name = option ? text(option) : missing.includes(value) ? `Unknown ${noun} (no longer exists)` : value;
            return (
              <li key={value}>
                <button type="button" className="chip" onClick={() => toggle(value)} aria-label={`Remove ${name}`}>
                  {name} <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="hint">All {label.toLowerCase()}</p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      {missing.length > 0 ? (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange(selected.filter((v) => !missing.includes(v)))}
        >
          Remove {missing.length === 1 ? `the missing ${noun}` : `the ${missing.length} missing ${noun}s`}
        </button>
      ) : null}
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {open ? `Hide the list of ${noun}s` : `Choose ${label.toLowerCase()}`}
      </button>
      {!open ? null : loadError ? (
        <p className="message message-error">
          Could not load the list of {noun}s: {loadError}
        </p>
      ) : options === null ? (
        <p className="hint">Loading {noun}s…</p>
      ) : (
        <>
          <input
            type="search"
            className="multi-search"
            aria-label={`Search ${label.toLowerCase()}`}
            placeholder={`Search ${label.toLowerCase()}`}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <div id={`${id}-list`} className="options" role="group" aria-label={`${label} to choose from`}>
            {matches.slice(0, MAX_SHOWN).map((option) => (
              <label key={option.value} className="option">
                <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} />
                <span>{option.label}</span>
                {option.note ? <span className="option-note">{option.note}</span> : null}
              </label>
            ))}
            {matches.length === 0 ? (
              <p className="hint">
                No {noun} matches “{search}”.
              </p>
            ) : null}
          </div>
          {matches.length > MAX_SHOWN ? (
            <p className="hint">
              Showing {MAX_SHOWN} of {matches.length}; type to narrow the list.
            </p>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
