/** Result and event payload types shared by main, preload and renderer. No runtime code. */

export interface AppInfo {
  name: string;
  version: string;
  /** Folder holding the cache, settings and logs. */
  dataDir: string;
  /** Bytes used by the local cache files (0 before the first report is fetched). */
  cacheBytes: number;
  /** Runtime identification, useful in bug reports. */
  platform: string;
  runtime: string;
}

export type ConnectionKind = 'demo' | 'genesys';

export interface ConnectionSummary {
  id: string;
  name: string;
  kind: ConnectionKind;
  /** A human label of where the data comes from, e.g. "Built-in simulator" or "EMEA (Dublin)". */
  regionLabel: string;
  /** One line the Connections screen shows under the name. */
  description: string;
  isDefault: boolean;
}

export type DurationFormat = 'hms' | 'seconds';

export interface Settings {
  /** IANA zone; null means "follow the computer's zone". */
  timeZone: string | null;
  durationFormat: DurationFormat;
}

export interface RunProgress {
  runId: string;
  chunksDone: number;
  chunksTotal: number;
  rows: number;
  requests: number;
  rateLimited: number;
  etaSeconds: number | null;
}

export interface EventPayloads {
  'settings/changed': Settings;
  'run/progress': RunProgress;
}

/** What every failed call turns into on the renderer side: safe to show as is. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** For validation failures: which field, in the caller's terms. */
  field?: string;
}

export type ErrorCode =
  'bad-input' | 'unknown-operation' | 'forbidden-sender' | 'not-found' | 'internal' | 'unavailable';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
