import type { RunRecord } from '../cache';
import type { FetchSpec } from './fetch-spec';

/**
 * What a persisted run keeps in `runs.params`: the report's own parameters (as given, for the runs list) and
 * the fetch spec, so a run can be resumed after a restart without the report definition.
 */
export interface StoredRunParams {
  syncSpec: 1;
  /** The report's parameters, as the user gave them. */
  params: unknown;
  fetch: Omit<FetchSpec, 'connectionId' | 'report' | 'params'>;
}

export function storedRunParams(spec: FetchSpec): StoredRunParams {
  const { connectionId: _connection, report: _report, params, ...fetch } = spec;
  return { syncSpec: 1, params, fetch };
}

function isStored(value: unknown): value is StoredRunParams {
  return typeof value === 'object' && value !== null && (value as { syncSpec?: unknown }).syncSpec === 1;
}

/** The report's parameters of a run written by the sync engine (the whole params of any other run). */
export function reportParamsOf(run: RunRecord): unknown {
  return isStored(run.params) ? run.params.params : run.params;
}

/** The fetch spec of a run written by the sync engine; null for a run it cannot resume. */
export function specOfRun(run: RunRecord): FetchSpec | null {
  if (!isStored(run.params)) return null;
  return { ...run.params.fetch, connectionId: run.connectionId, report: run.report, params: run.params.params };
}
