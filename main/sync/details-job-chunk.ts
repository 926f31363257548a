import { BadRequestError, GenesysError, NotFoundError } from '../genesys';
import { isoInterval, positionOf, type ChunkContext } from './chunk-context';
import { SyncError } from './errors';

type JobWait = { state: 'ready' } | { state: 'gone' } | { state: 'failed'; message: string };

/**
 * Fetches a details chunk with an async job (fact sheet §5): submit, poll with backoff, page the results by
 * cursor at the largest page size, delete the job. The job id is stored with the chunk and every page with the
 * cursor after it, so a restarted run polls the same job and continues from the next page. A job that
 * failed, expired or vanished is submitted again (its pages start over; rows are upserted, never duplicated).
 */
export async function fetchJobChunk(ctx: ChunkContext): Promise<void> {
  const { chunk } = ctx;
  let jobId = chunk.jobId;
  let cursor = chunk.cursor;
  let page = chunk.lastPage;
  let lastFailure: string | null = null;
  if (page > 0 && cursor === null && jobId !== null) {
    // Its last page was committed (no cursor after it), but a restart came before the chunk was marked done.
    return finish(ctx, jobId);
  }
  for (let attempt = 0; attempt < ctx.tunables.jobAttempts;) {
    const fresh = jobId === null;
    if (jobId === null) {
      attempt++;
      jobId = await submit(ctx);
      ctx.cache.runs.setJob(ctx.runId, chunk.index, jobId);
      cursor = null;
      page = 0;
    }
    ctx.activeJobs.add(jobId);
    const wait = await waitForJob(ctx, jobId, fresh);
    if (wait.state === 'ready') {
      const paged = await pageResults(ctx, jobId, cursor, page);
      if (paged === 'done') return finish(ctx, jobId);
    } else if (wait.state === 'failed') {
      lastFailure = wait.message;
    }
    // Failed, expired or deleted under us: forget it and submit again.
    await forget(ctx, jobId);
    jobId = null;
  }
  throw new SyncError(
    `Genesys Cloud could not complete the bulk download (analytics job) for ${dayRange(ctx)}` +
      (lastFailure ? `: ${lastFailure}` : '.') +
      ' Try again later.',
  );
}

/** The chunk's days in UTC, e.g. "2025-03-01 – 2025-03-07", for messages. */
function dayRange(ctx: ChunkContext): string {
  const day = (ms: number | null) => new Date(ms ?? 0).toISOString().slice(0, 10);
  return `${day(ctx.chunk.start)} – ${day((ctx.chunk.end ?? 1) - 1)}`;
}

/**
 * Submits the job. The HTTP layer does not repeat a submission whose fate is unknown (a dropped connection);
 * this does, since a stray job only expires.
 */
async function submit(ctx: ChunkContext): Promise<string> {
  const { chunk } = ctx;
  const body = { interval: isoInterval(chunk.start ?? 0, chunk.end ?? 0), order: 'asc', orderBy: 'conversationStart' };
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await ctx.api.submitConversationDetailsJob(body, { signal: ctx.signal });
      if (!response.jobId)
        throw new SyncError('Genesys Cloud accepted the bulk download but gave no job id. Try again.');
      return response.jobId;
    } catch (error) {
      if (!(error instanceof GenesysError && error.retryable) || attempt >= 3) throw error;
      await ctx.sleep(ctx.tunables.jobPollInitialMs, ctx.signal);
    }
  }
}

async function waitForJob(ctx: ChunkContext, jobId: string, fresh: boolean): Promise<JobWait> {
  let delay = ctx.tunables.jobPollInitialMs;
  const giveUpAt = performance.now() + ctx.tunables.jobTimeoutMs;
  // A job just submitted is never ready yet: the first poll waits too.
  if (fresh) await ctx.sleep(delay, ctx.signal);
  for (;;) {
    let state: string | undefined;
    let errorMessage: string | undefined;
    try {
      ({ state, errorMessage } = await ctx.api.getConversationDetailsJob(jobId, { signal: ctx.signal }));
    } catch (error) {
      if (error instanceof NotFoundError) return { state: 'gone' };
      throw error;
    }
    if (state === 'FULFILLED') return { state: 'ready' };
    if (state === 'FAILED') return { state: 'failed', message: errorMessage ?? '' };
    if (state === 'CANCELLED' || state === 'EXPIRED') return { state: 'gone' };
    if (performance.now() > giveUpAt) {
      throw new SyncError(
        `Genesys Cloud has not finished preparing the bulk download for ${dayRange(ctx)} after ` +
          `${Math.round(ctx.tunables.jobTimeoutMs / 60_000)} minutes. Try again later.`,
      );
    }
    await ctx.sleep(delay, ctx.signal);
    delay = Math.min(ctx.tunables.jobPollMaxMs, delay * ctx.tunables.jobPollFactor);
  }
}

/** Pages from `cursor` (after `page` committed pages) to the end; 'gone' when the results expired meanwhile. */
async function pageResults(
  ctx: ChunkContext,
  jobId: string,
  startCursor: string | null,
  startPage: number,
): Promise<'done' | 'gone'> {
  let cursor = startCursor;
  let page = startPage;
  for (;;) {
    let response;
    try {
      response = await ctx.api.getConversationDetailsJobResults(jobId, {
        cursor: cursor ?? undefined,
        pageSize: ctx.tunables.jobPageSize,
        signal: ctx.signal,
      });
    } catch (error) {
      if (error instanceof NotFoundError) return 'gone';
      // Results that expired between polls are refused with a 400; the status tells.
      if (error instanceof BadRequestError && (await waitForJobOnce(ctx, jobId)) !== 'FULFILLED') return 'gone';
      throw error;
    }
    const conversations = response.conversations ?? [];
    page++;
    const outcome = ctx.cache.runs.commitDetailsPage(ctx.runId, ctx.chunk.index, {
      pageNumber: page,
      conversations,
      nextCursor: response.cursor ?? null,
      fetchedAt: fetchTimeOf(ctx, response.dataAvailabilityDate),
    });
    ctx.onPage(outcome, 'details', positionOf(ctx.chunk, conversations));
    if (!response.cursor) return 'done';
    cursor = response.cursor;
  }
}

async function waitForJobOnce(ctx: ChunkContext, jobId: string): Promise<string | undefined> {
  try {
    return (await ctx.api.getConversationDetailsJob(jobId, { signal: ctx.signal })).state;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * Job results are as of the data lake, not of the request: the rows count as fetched at the job's
 * data-availability date, so the 72-hour rule judges them by the age of what they show.
 */
function fetchTimeOf(ctx: ChunkContext, dataAvailabilityDate: string | undefined): number {
  const now = ctx.now();
  const lake = Date.parse(dataAvailabilityDate ?? '');
  return Number.isFinite(lake) ? Math.min(now, lake) : now;
}

async function finish(ctx: ChunkContext, jobId: string): Promise<void> {
  ctx.cache.runs.completeChunk(ctx.runId, ctx.chunk.index);
  await forget(ctx, jobId);
}

/** Deletes a job we are done with; best effort (it expires anyway). */
async function forget(ctx: ChunkContext, jobId: string): Promise<void> {
  ctx.activeJobs.delete(jobId);
  try {
    await ctx.api.deleteConversationDetailsJob(jobId, { signal: ctx.signal });
  } catch {
    // A job that is already gone, or a network hiccup: nothing to do.
  }
}
