import { REFERENCE_KINDS, type ReferenceEntity, type ReferenceKind } from '../cache';
import type { CallOptions, GenesysApi } from '../genesys';
import type { ChunkContext } from './chunk-context';
import { referenceDataset } from './datasets';
import { SyncError } from './errors';

const LISTS: Record<ReferenceKind, (api: GenesysApi, options: CallOptions) => Promise<ReferenceEntity[]>> = {
  queue: (api, options) => api.listQueues(options),
  // state=any: agents who left keep their names on old conversations.
  user: (api, options) => api.listUsers(options),
  wrapupCode: (api, options) => api.listWrapupCodes(options),
  division: (api, options) => api.listDivisions(options),
};

/** Fetches one reference list whole and stores it as one page (names are upserted, never deleted). */
export async function fetchReferenceChunk(ctx: ChunkContext): Promise<void> {
  const { chunk } = ctx;
  if (chunk.lastPage === 0) {
    const kind = REFERENCE_KINDS.find((candidate) => chunk.dataset === referenceDataset(candidate));
    if (kind === undefined) throw new SyncError('This report run cannot be continued. Run the report again.');
    const fetchedAt = ctx.now();
    const entities = await LISTS[kind](ctx.api, { signal: ctx.signal });
    const outcome = ctx.cache.runs.commitReferencePage(ctx.runId, chunk.index, {
      pageNumber: 1,
      referenceKind: kind,
      entities,
      fetchedAt,
    });
    ctx.onPage(outcome, 'reference', 1);
  }
  ctx.cache.runs.completeChunk(ctx.runId, chunk.index);
}
