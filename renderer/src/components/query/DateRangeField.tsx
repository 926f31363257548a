import { useId } from 'react';
import { RANGE_PRESETS, type RangePreset } from '../../../../preload/contract/workspace-types';
import { clockChanges } from '../../dates/clock-changes';
import { formatDay, formatDayRange, isDay } from '../../dates/civil-day';
import { PRESET_LABELS, rangeFor } from '../../dates/presets';
import type { FieldErrors } from '../../query/validate';
import { useQueryStore } from '../../state/query-store';
import { FieldError, describedBy } from '../FieldError';

interface Props {
  zone: string;
  now: number;
  errors: FieldErrors;
}

export function DateRangeField({ zone, now, errors }: Props) {
  const id = useId();
  const preset = useQueryStore((state) => state.draft.preset);
  const custom = useQueryStore((state) => state.draft.custom);
  const setPreset = useQueryStore((state) => state.setPreset);
  const setCustomDay = useQueryStore((state) => state.setCustomDay);
  const range = rangeFor(preset, custom, zone, now);
  const valid = isDay(range.from) && isDay(range.to) && range.from <= range.to;
  const notes = valid
    ? clockChanges(range.from, range.to, zone).map(
        ({ day, hours }) => `${formatDay(day)} has ${hours} hours (clocks change)`,
      )
    : [];
  const summaryId = `${id}-summary`;

  return (
    <div className="field-group">
      <div className="field">
        <label htmlFor={`${id}-preset`}>Date range</label>
        <select
          id={`${id}-preset`}
          value={preset}
          onChange={(event) => setPreset(event.target.value as RangePreset, zone)}
          {...describedBy(`${id}-range-error`, errors.range, summaryId)}
        >
          {RANGE_PRESETS.map((value) => (
            <option key={value} value={value}>
              {PRESET_LABELS[value]}
            </option>
          ))}
        </select>
        {valid ? (
          <p id={summaryId} className="hint" data-testid="range-summary">
            {formatDayRange(range.from, range.to)}
            {notes.length > 0 ? ` · ${notes.join('; ')}` : ''}
          </p>
        ) : null}
        <FieldError id={`${id}-range-error`} message={errors.range} />
      </div>
      {preset === 'custom' ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              type="date"
              value={custom.from}
              onChange={(event) => setCustomDay('from', event.target.value)}
              {...describedBy(`${id}-from-error`, errors.from)}
            />
            <FieldError id={`${id}-from-error`} message={errors.from} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input
              id={`${id}-to`}
              type="date"
              value={custom.to}
              onChange={(event) => setCustomDay('to', event.target.value)}
              {...describedBy(`${id}-to-error`, errors.to)}
            />
            <FieldError id={`${id}-to-error`} message={errors.to} />
          </div>
        </div>
      ) : (
        <FieldError id={`${id}-to-error`} message={errors.to} />
      )}
    </div>
  );
}
