import { useId, useMemo } from 'react';
import { timeZoneChoices } from '../../dates/time-zones';
import { computerTimeZone } from '../../dates/zoned-time';
import { useAppStore } from '../../state/app-store';
import { useQueryStore } from '../../state/query-store';

/** The report's zone; a change also becomes the default for next time (Settings shows the same choice). */
export function TimeZoneField({ zone }: { zone: string }) {
  const id = useId();
  const computer = computerTimeZone();
  // Several hundred options: built once, so re-rendering the form does not rebuild them.
  const options = useMemo(
    () =>
      timeZoneChoices().map((value) => (
        <option key={value} value={value}>
          {value.replaceAll('_', ' ')}
          {value === computer ? ' (this computer)' : ''}
        </option>
      )),
    [computer],
  );
  const setTimeZone = useQueryStore((state) => state.setTimeZone);
  const updateSettings = useAppStore((state) => state.updateSettings);
  return (
    <div className="field">
      <label htmlFor={id}>Time zone</label>
      <select
        id={id}
        value={zone}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const chosen = event.target.value;
          setTimeZone(chosen);
          void updateSettings({ timeZone: chosen === computer ? null : chosen });
        }}
      >
        {options}
      </select>
      <p id={`${id}-hint`} className="hint">
        Days start at midnight here, and times in the table are shown in this zone.
      </p>
    </div>
  );
}
