import type { AppInfo } from '../../../../preload/contract/types';
import { formatBytes } from '../../format/bytes';

/** Version, data folder (where the cache lives), cache size and runtime. */
export function AboutList({ info }: { info: AppInfo }) {
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
