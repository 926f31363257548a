/** Result and event payload types shared by main, preload and renderer. No runtime code. */
import type { ConnectionStatus, ExportProgress, SavedReport } from './workspace-types';

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
  /** Things to tell the user once, e.g. that a damaged cache was set aside and a fresh one started. */
  notices: string[];
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
  /** CSV delimiter: ';' where the locale writes decimals with a comma. */
  csvDelimiter: ',' | ';';
  /** The connection the workspace uses (the Demo organization until another is chosen). */
  connectionId: string;
}

export interface RunProgress {
  /** The id the renderer gave `reports/run`. */
  requestId: string;
  chunksDone: number;
  chunksTotal: number;
  rows: number;
  requests: number;
  rateLimited: number;
  /** Requests in the last minute, against the org's limit: the supervisor sees why it is not faster. */
  requestsPerMinute: number;
  limitPerMinute: number;
  etaSeconds: number | null;
}

export interface EventPayloads {
  'settings/changed': Settings;
  'run/progress': RunProgress;
  'export/progress': ExportProgress;
  'status/changed': ConnectionStatus;
  'connections/changed': ConnectionSummary[];
  'saved/changed': SavedReport[];
}

/** What every failed call turns into on the renderer side: safe to show as is. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** For validation failures: which field, in the caller's terms. */
  field?: string;
}

export type ErrorCode =
  | 'bad-input'
  | 'unknown-operation'
  | 'forbidden-sender'
  | 'not-found'
  | 'internal'
  | 'unavailable'
  /** The connection needs a (new) browser sign-in. */
  | 'sign-in-required'
  /** Genesys refused: credentials, permissions, or the request itself. */
  | 'genesys'
  | 'rate-limited'
  /** No network, or Genesys could not be reached. */
  | 'offline'
  | 'cache'
  | 'export'
  | 'cancelled';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
