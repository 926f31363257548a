/** Result types of the workspace operations (reports, saved reports, connections, export). No runtime code. */
import type { ReportFiltersLike } from './report-filter-keys';
import type { ColumnFilter, ConditionGroup, ReportParams } from './report-params';
import type { CellValue, ColumnFormat, Granularity, ReportColumn, ReportId, ReportRow } from './reports';

export type { ReportFiltersLike };

/** A field the Interactions advanced-conditions builder offers. */
export interface ConditionField {
  id: string;
  label: string;
  format: ColumnFormat | 'flag' | 'enum';
  /** For 'enum': the allowed values with labels. */
  options?: { value: string; label: string }[];
}

export interface ReportDescriptor {
  id: ReportId;
  name: string;
  /** One line: the question the report answers. */
  description: string;
  columns: ReportColumn[];
  /** Empty when the report has no interval (Interactions, Live queues). */
  granularities: Granularity[];
  /** Which of the form's filters apply. */
  filters: ReportFiltersLike[];
  /** Interactions only: fields of the advanced conditions builder. */
  conditionFields: ConditionField[];
  /** False for Live queues: never cached, needs the network. */
  cached: boolean;
  /** True when the report takes a date range (all but Live queues). */
  ranged: boolean;
}

export interface FreshnessInfo {
  /** Everything before this instant is in the cache and settled; null when nothing is cached. */
  completeUpTo: number | null;
  /** Oldest fetch time of the pieces the result is built from. */
  fetchedAt: number | null;
  /** Data from this instant on may still change in Genesys (the last 72 h); null when nothing is volatile. */
  mayChangeFrom: number | null;
}

export type RunState = 'done' | 'failed' | 'cancelled' | 'offline-missing';

export interface RunResult {
  /** The id the caller chose (to cancel it and to match progress events). */
  requestId: string;
  state: RunState;
  fromCache: boolean;
  rows: number;
  conversations: number;
  requests: number;
  rateLimited: number;
  retries: number;
  seconds: number;
  /** Plain-language explanation for failed / offline-missing / cancelled, with what to do next. */
  message: string | null;
  /** Parts of the range that are not in the cache (offline-missing, or a partly failed run). */
  missing: { start: number; end: number }[];
  freshness: FreshnessInfo;
}

export interface ReportPage {
  rows: ReportRow[];
  /** All matching rows (null when not counted for this request). */
  total: number | null;
  /** The pinned totals row of performance reports. */
  totals: ReportRow | null;
  /** Pass as `page.after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface TimelineSegment {
  type: string;
  start: number;
  end: number | null;
  queueName: string | null;
  wrapUpName: string | null;
  disconnectType: string | null;
}

export interface TimelineParticipant {
  purpose: string;
  name: string;
  sessions: {
    mediaType: string;
    direction: string | null;
    ani: string | null;
    dnis: string | null;
    segments: TimelineSegment[];
  }[];
}

export interface ConversationTimeline {
  conversationId: string;
  start: number;
  end: number | null;
  participants: TimelineParticipant[];
}

export interface ReferenceOption {
  id: string;
  name: string;
  /** e.g. "deleted" for a user that left; null when the kind has no state. */
  state: string | null;
}

export const RANGE_PRESETS = [
  'today',
  'yesterday',
  'this-week',
  'last-week',
  'last-7-days',
  'last-30-days',
  'this-month',
  'last-month',
  'custom',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** A saved report keeps its range relative ("last week") unless it is custom. */
export interface SavedReport {
  id: string;
  name: string;
  params: ReportParams;
  preset: RangePreset;
  columns: string[];
  sort: { column: string; direction: 'asc' | 'desc' } | null;
  columnFilters: ColumnFilter[];
  createdAt: number;
  updatedAt: number;
  lastRun: { at: number; state: RunState; completeUpTo: number | null } | null;
}

export interface ConnectionStatus {
  online: boolean;
  /** The connection the workspace is using. */
  connectionId: string;
  /** Signed in (or Demo); false means the next network run will ask to sign in. */
  signedIn: boolean;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** Plain language: "Connected as …", "Wrong region…", "Missing permissions: …". */
  message: string;
  missingPermissions: string[];
}

export interface ExportResult {
  /** null when the user closed the save dialog. */
  file: string | null;
  rows: number;
  bytes: number;
}

export interface ExportProgress {
  requestId: string;
  rows: number;
  /** Expected rows when known. */
  total: number | null;
}

export type { CellValue, ConditionGroup, Granularity };
