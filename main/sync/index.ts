/** The sync engine: plans a report's fetch against the cache and runs it as a persisted, resumable run. */
export { createSyncEngine, type RunOptions, type SyncEngine, type SyncEngineDeps } from './sync-engine';
export type { FetchSpec, MissingPart, RunOutcome } from './fetch-spec';
export type { SyncPlan } from './planner';
export { DEFAULT_TUNABLES, type SyncTunables } from './tunables';
export { reportParamsOf, specOfRun } from './run-params';
export { referenceDataset } from './datasets';
export type { SyncProgress } from './progress';
