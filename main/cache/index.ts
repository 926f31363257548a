/**
 * The local SQLite cache: every fetched report runs again offline from here. Electron-free by design (it will
 * move to a worker thread); see docs/cache.md for the schema and the reasoning behind it.
 */
export { openCache, Cache } from './open-cache';
export { CacheReader, aggregatesDataset, DETAILS_DATASET, type OpenCacheOptions } from './cache-reader';
export { CacheError, type CacheErrorCode } from './errors';
export type { IntegrityCheck, Recovery, RecoveryReason } from './recovery';
export { flattenConversation, type ConversationDetail, type FlatConversation } from './conversation-row';
export type { UpsertResult } from './conversations-store';
export { aggregateQueryKey, type AggregateRow } from './aggregates-store';
export { REFERENCE_KINDS, type ReferenceKind, type ReferenceEntity, type ReferenceItem } from './reference-store';
export type { CoveragePiece, Freshness, MissingInterval, MissingReason } from './coverage';
export type {
  AggregatesPage,
  ChunkKind,
  ChunkRecord,
  ChunkSpec,
  ChunkState,
  DetailsPage,
  NewRun,
  PageOutcome,
  ReferencePage,
  RunRecord,
  RunState,
} from './runs-read';
export type { RunsStore } from './runs-store';
export type { GridQuery, GridFilter, GridSort, GridPage } from './grid-request';
export type { ConversationGridRow, GridResult, SlowQueryReport } from './grid-query';
export type { SortColumn } from './grid-columns';
export { VOLATILE_MS } from './identity';
