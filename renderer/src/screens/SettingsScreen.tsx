import { useEffect } from 'react';
import { AboutList } from '../components/settings/AboutList';
import { ClearCache } from '../components/settings/ClearCache';
import { Preferences } from '../components/settings/Preferences';
import { LoadableView } from '../components/StatusMessage';
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
