import type { AnalyticsEngine, OrgDataset, SimulatorLimits, SimulatorSettings } from '../model';

export interface Backend {
  dataset: OrgDataset;
  engine: AnalyticsEngine;
}

/**
 * Uses injected parts as given and builds only what is missing, importing
 * the generator and engine lazily so tests that inject fakes never load them.
 */
export async function resolveBackend(
  injected: { dataset?: OrgDataset | undefined; engine?: AnalyticsEngine | undefined },
  settings: SimulatorSettings,
  limits: SimulatorLimits,
): Promise<Backend> {
  let dataset = injected.dataset;
  if (!dataset) {
    const { createOrgDataset } = await import('../generator/index');
    dataset = createOrgDataset(settings);
  }
  let engine = injected.engine;
  if (!engine) {
    const { createAnalyticsEngine } = await import('../engine/index');
    engine = createAnalyticsEngine(dataset, limits);
  }
  return { dataset, engine };
}
