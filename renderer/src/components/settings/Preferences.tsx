import { useId, useMemo } from 'react';
import type { DurationFormat, Settings } from '../../../../preload/contract/types';
import { timeZoneChoices } from '../../dates/time-zones';
import { computerTimeZone } from '../../dates/zoned-time';

/** Default time zone, duration format and CSV separator; each change is saved at once. */
export function Preferences({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}) {
  const zoneId = useId();
  const formatId = useId();
  const delimiterId = useId();
  const zones = useMemo(() => timeZoneChoices(), []);
  const computerZone = computerTimeZone();
  return (
    <form className="form" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={zoneId}>Default time zone for reports</label>
        <select
          id={zoneId}
          value={settings.timeZone ?? ''}
          onChange={(event) => onChange({ timeZone: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">This computer&apos;s zone ({computerZone})</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={formatId}>Show durations as</label>
        <select
          id={formatId}
          value={settings.durationFormat}
          onChange={(event) => onChange({ durationFormat: event.target.value as DurationFormat })}
        >
          <option value="hms">Hours:minutes:seconds (1:02:03)</option>
          <option value="seconds">Seconds (3723)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={delimiterId}>CSV column separator</label>
        <select
          id={delimiterId}
          value={settings.csvDelimiter}
          aria-describedby={`${delimiterId}-hint`}
          onChange={(event) => onChange({ csvDelimiter: event.target.value as Settings['csvDelimiter'] })}
        >
          <option value=",">Comma (,)</option>
          <option value=";">Semicolon (;)</option>
        </select>
        <p id={`${delimiterId}-hint`} className="hint">
          Choose semicolon if your Excel writes decimals with a comma (1,5), as in much of Europe.
        </p>
      </div>
    </form>
  );
}
