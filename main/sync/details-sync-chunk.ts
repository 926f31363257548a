import type { Models } from 'purecloud-platform-client-v2';
import { BadRequestError } from '../genesys';
import { isoInterval, positionOf, settle, type ChunkContext, type Settled } from './chunk-context';
import { SyncError } from './errors';

/**
 * Where a sync-query chunk stands, stored as the chunk's cursor with every committed page: the sub-intervals
 * still to page (the first one in progress) and the next page of the first. A chunk starts as one interval;
 * when it holds more results than the pagination ceiling it is split in halves, which this records, so a
 * resumed run continues inside the same halves.
 */
interface SyncCursor {
  parts: [number, number][];
  page: number;
}

type Part = [number, number];
type Response = Models.AnalyticsConversationQueryResponse;

function readCursor(ctx: ChunkContext): SyncCursor {
  const { chunk } = ctx;
  if (chunk.cursor !== null) {
    const parsed = JSON.parse(chunk.cursor) as SyncCursor;
    if (Array.isArray(parsed.parts) && Number.isInteger(parsed.page)) return parsed;
  }
  // No cursor yet: nothing committed. (A committed last page leaves `{ parts: [] }`, never null.)
  return { parts: [[chunk.start ?? 0, chunk.end ?? 0]], page: 1 };
}

const CAP_MESSAGE = /Pagination may not exceed ([\d,]+) results/i;

/** The ceiling Genesys named in a "Pagination may not exceed N results." 400, or null for any other error. */
export function paginationCapOf(error: unknown): number | null {
  if (!(error instanceof BadRequestError)) return null;
  const match = CAP_MESSAGE.exec(error.genesysMessage ?? '');
  return match ? Number((match[1] ?? '').replaceAll(',', '')) : null;
}

function halves([start, end]: Part): Part[] {
  const half = Math.floor((end - start) / 2);
  // Whole seconds when the halves are long enough, so intervals stay readable in logs.
  const mid = half >= 2000 ? start + Math.floor(half / 1000) * 1000 : start + half;
  return [
    [start, mid],
    [mid, end],
  ];
}

/**
 * Fetches a details chunk with the sync query (fact sheet §4): page 1 tells `totalHits`, then the other pages
 * are fetched concurrently (the rate governor paces them) and committed in page order, each with the cursor
 * that says where to continue. More results than the pagination ceiling (§3.5) — known from `totalHits`, or
 * learnt from Genesys's 400 — splits the interval in halves.
 */
export async function fetchSyncChunk(ctx: ChunkContext): Promise<void> {
  let cursor = readCursor(ctx);
  let committed = ctx.chunk.lastPage;
  // One fetch time for every page of the chunk: pruning keeps rows fetched at or after the chunk's first page.
  const fetchedAt = ctx.now();
  while (cursor.parts.length > 0) {
    const result = await pageThrough(ctx, cursor, committed, fetchedAt);
    cursor = result.cursor;
    committed = result.committed;
  }
  ctx.cache.runs.completeChunk(ctx.runId, ctx.chunk.index);
}

async function pageThrough(
  ctx: ChunkContext,
  cursor: SyncCursor,
  committedBefore: number,
  fetchedAt: number,
): Promise<{ cursor: SyncCursor; committed: number }> {
  const [part, ...rest] = cursor.parts as [Part, ...Part[]];
  const { tunables } = ctx;
  const pageSize = tunables.detailsPageSize;
  // Pages fetched ahead for this interval are abandoned when it is split or finished early.
  const abandon = new AbortController();
  const signal = AbortSignal.any([ctx.signal, abandon.signal]);
  const fetchPage = (pageNumber: number): Promise<Settled<Response>> =>
    settle(
      ctx.api.queryConversationDetails(
        {
          interval: isoInterval(part[0], part[1]),
          order: 'asc',
          orderBy: 'conversationStart',
          paging: { pageSize, pageNumber },
        },
        { signal },
      ),
    );
  const split = (): SyncCursor => {
    abandon.abort();
    if (part[1] - part[0] < 2 * tunables.minSplitMs) {
      throw new SyncError(
        `Genesys Cloud has more than ${ctx.paginationCap.value.toLocaleString('en-US')} conversations starting between ` +
          `${new Date(part[0]).toISOString()} and ${new Date(part[1]).toISOString()}, more than one query may page through. ` +
          'ReportDesk cannot fetch them with the details query.',
      );
    }
    return { parts: [...halves(part), ...rest], page: 1 };
  };

  let committed = committedBefore;
  const inFlight = new Map<number, Promise<Settled<Response>>>();
  inFlight.set(cursor.page, fetchPage(cursor.page));
  let lastPage = cursor.page;
  let nextToSend = cursor.page + 1;
  for (let page = cursor.page; page <= lastPage; page++) {
    const settled = await (inFlight.get(page) ?? fetchPage(page));
    inFlight.delete(page);
    if (!settled.ok) {
      const cap = paginationCapOf(settled.error);
      if (cap === null) {
        abandon.abort();
        throw settled.error;
      }
      ctx.paginationCap.value = Math.min(ctx.paginationCap.value, cap);
      // Pages committed so far stay (the halves fetch them again; rows are upserted, never duplicated).
      return { cursor: split(), committed };
    }
    const response = settled.value;
    if (page === cursor.page) {
      const totalHits = response.totalHits ?? 0;
      if (totalHits > ctx.paginationCap.value) return { cursor: split(), committed };
      lastPage = Math.max(page, Math.ceil(totalHits / pageSize));
    }
    const conversations = response.conversations ?? [];
    // totalHits drifts on live intervals: a full last page may have more after it (up to the ceiling).
    if (page === lastPage && conversations.length === pageSize && (page + 1) * pageSize <= ctx.paginationCap.value) {
      lastPage++;
    }
    // Not "a short page": Genesys may drop duplicates from a page, so only totalHits or an empty page ends it.
    const finished = page >= lastPage || conversations.length === 0;
    const next: SyncCursor = finished ? { parts: rest, page: 1 } : { parts: [part, ...rest], page: page + 1 };
    committed++;
    const outcome = ctx.cache.runs.commitDetailsPage(ctx.runId, ctx.chunk.index, {
      pageNumber: committed,
      conversations,
      nextCursor: JSON.stringify(next),
      fetchedAt,
    });
    ctx.onPage(outcome, 'details', positionOf(ctx.chunk, conversations));
    if (finished) {
      abandon.abort();
      return { cursor: next, committed };
    }
    while (nextToSend <= lastPage && nextToSend < page + 1 + tunables.pageConcurrency) {
      inFlight.set(nextToSend, fetchPage(nextToSend));
      nextToSend++;
    }
  }
  abandon.abort();
  return { cursor: { parts: rest, page: 1 }, committed };
}
