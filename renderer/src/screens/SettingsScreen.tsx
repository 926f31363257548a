import { useEffect, useId, useMemo } from 'react';
import type { AppInfo, DurationFormat, Settings } from '../../../preload/contract/types';
import { timeZoneChoices } from '../components/query/TimeZoneField';
import { ClearCache } from '../components/settings/ClearCache';
import { LoadableView } from '../components/StatusMessage';
import { computerTimeZone } from '../dates/zoned-time';
import { formatBytes } from '../format/bytes';
import { useAppStore } from '../state/app-store';

export function SettingsScreen() {
  const { appInfo, settings, settingsError, loadAppInfo, loadSettings, updateSettings } = useAppStore();
  useEffect(() => {
    void loadAppInfo();
    void loadSettings();
  }, [loadAppInfo, loadSettings]);

  return (
    <section aria-labelledby="settings-title" className="scroll-screen">
      <h1 id="settings-title">Settings</h1>
      <LoadableView data={settings} what="settings">
        {(value) => <Preferences settings={value} onChange={(change) => void updateSettings(change)} />}
      </LoadableView>
      {settingsError ? (
        <p role="alert" className="message message-error">
          {settingsError}
        </p>
      ) : null}
      <h2>Cache and this computer&apos;s copy</h2>
      <LoadableView data={appInfo} what="app details">
        {(info) => (
          <>
            <AboutList info={info} />
            <ClearCache cacheBytes={info.cacheBytes} />
          </>
        )}
      </LoadableView>
    </section>
  );
}

function Preferences({ settings, onChange }: { settings: Settings; onChange: (change: Partial<Settings>) => void }) {
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

function AboutList({ info }: { info: AppInfo }) {
  return (
    <dl className="about" aria-label="About ReportDesk">
      <dt>Version</dt>
      <dd data-testid="app-version">{info.version}</dd>
      <dt>Data folder</dt>
      <dd data-testid="data-dir">{info.dataDir}</dd>
      <dt>Cache size</dt>
      <dd data-testid="cache-size">{formatBytes(info.cacheBytes)}</dd>
      <dt>Runtime</dt>
      <dd>
        {info.runtime} on {info.platform}
      </dd>
    </dl>
  );
}
