/**
 * The conversation detail jobs endpoints through the official SDK (fact sheet
 * §5): submit, status as time passes, cursor paging of results, availability,
 * DELETE, FAILED and EXPIRED, and `startOfDayIntervalMatching`. Job states
 * follow the dataset's clock, which the test moves instead of waiting.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatorAnalyticsEngine } from '../../../../main/simulator/engine/index';
import { sdkModelProblems } from './sdk-models';
import { DAY_MS, HOUR_MS, NOW, allDetailPages, rejection, startConformance, utcDay, type Conformance } from './support';

const DAY = utcDay('2026-11-18');
/** Starts just after midnight UTC, when Chicago's evening calls are still running. */
const EARLY_HOURS = '2026-11-18T00:30:00.000Z/2026-11-18T06:00:00.000Z';

let h: Conformance;

beforeAll(async () => {
  h = await startConformance();
});

afterEach(() => h.setNow(NOW));

afterAll(async () => {
  await h.close();
});

const iso = (ms: number) => new Date(ms).toISOString();

/** Submits a job and moves the clock on until it is FULFILLED, as a polling client would see it. */
async function fulfilledJob(query: Models.AsyncConversationQuery): Promise<string> {
  const { jobId = '' }: Models.AsyncQueryResponse = await h.analytics.postAnalyticsConversationsDetailsJobs(query);
  h.setNow(h.now() + h.sim.limits.jobQueuedMs + h.sim.limits.jobPendingMs);
  const status = await h.analytics.getAnalyticsConversationsDetailsJob(jobId);
  expect(status.state).toBe('FULFILLED');
  return jobId;
}

interface JobPages {
  conversations: Models.AnalyticsConversation[];
  pages: Models.AnalyticsConversationAsyncQueryResponse[];
}

async function allJobResults(jobId: string, pageSize: number): Promise<JobPages> {
  const pages: Models.AnalyticsConversationAsyncQueryResponse[] = [];
  let cursor: string | undefined;
  do {
    const page: Models.AnalyticsConversationAsyncQueryResponse =
      await h.analytics.getAnalyticsConversationsDetailsJobResults(jobId, { pageSize, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.cursor;
  } while (cursor);
  return { pages, conversations: pages.flatMap((page) => page.conversations ?? []) };
}

const idsOf = (rows: readonly { conversationId?: string }[]) => rows.map((row) => row.conversationId ?? '');

describe('detail job life cycle', () => {
  it('goes QUEUED → PENDING → FULFILLED → EXPIRED as time passes, with its dates', async () => {
    const { queuedMs, pendingMs } = { queuedMs: h.sim.limits.jobQueuedMs, pendingMs: h.sim.limits.jobPendingMs };
    const submitted: Models.AsyncQueryResponse = await h.analytics.postAnalyticsConversationsDetailsJobs({
      interval: DAY.interval,
    });
    expect(sdkModelProblems(submitted, 'AsyncQueryResponse')).toEqual([]);
    const jobId = submitted.jobId ?? '';
    const status = () => h.analytics.getAnalyticsConversationsDetailsJob(jobId);

    const queued: Models.AsyncQueryStatus = await status();
    expect(queued).toEqual({ state: 'QUEUED', submissionDate: iso(NOW) });
    const early = await rejection(h.analytics.getAnalyticsConversationsDetailsJobResults(jobId));
    expect(early).toMatchObject({ status: 400, code: 'bad.request' });
    expect(early.message).toContain('the job is QUEUED');

    h.setNow(NOW + queuedMs);
    expect((await status()).state).toBe('PENDING');

    const completed = NOW + queuedMs + pendingMs;
    h.setNow(completed);
    const fulfilled = await status();
    expect(sdkModelProblems(fulfilled, 'AsyncQueryStatus')).toEqual([]);
    expect(fulfilled).toEqual({
      state: 'FULFILLED',
      submissionDate: iso(NOW),
      completionDate: iso(completed),
      expirationDate: iso(completed + h.sim.limits.jobExpiryMs),
    });

    h.setNow(Date.parse(fulfilled.expirationDate ?? ''));
    expect((await status()).state).toBe('EXPIRED');
    const late = await rejection(h.analytics.getAnalyticsConversationsDetailsJobResults(jobId));
    expect(late.message).toContain('the job is EXPIRED');
  });

  it('is gone after DELETE', async () => {
    const { jobId = '' } = await h.analytics.postAnalyticsConversationsDetailsJobs({ interval: DAY.interval });
    await h.analytics.deleteAnalyticsConversationsDetailsJob(jobId);
    const gone = await rejection(h.analytics.getAnalyticsConversationsDetailsJob(jobId));
    expect(gone).toMatchObject({ status: 404, code: 'not.found' });
    expect(h.sim.requests.list().at(-2)).toMatchObject({ method: 'DELETE', status: 204 });
  });

  it('reports FAILED with the error message when the job fails', async () => {
    const { jobId = '' } = await h.analytics.postAnalyticsConversationsDetailsJobs({ interval: DAY.interval });
    (h.sim.engine as SimulatorAnalyticsEngine).failJob(jobId, 'The data lake is unavailable.');
    const failed = await h.analytics.getAnalyticsConversationsDetailsJob(jobId);
    expect(failed).toMatchObject({ state: 'FAILED', errorMessage: 'The data lake is unavailable.' });
  });
});

describe('detail job results', () => {
  it('pages a day by cursor: every conversation once, the last page without a cursor', async () => {
    const jobId = await fulfilledJob({ interval: DAY.interval });
    const { pages, conversations } = await allJobResults(jobId, 100);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.slice(0, -1).every((page) => page.conversations?.length === 100 && page.cursor)).toBe(true);
    expect(pages.at(-1)?.cursor).toBeUndefined();
    expect(new Set(idsOf(conversations)).size).toBe(conversations.length);
    for (const page of pages) expect(page.dataAvailabilityDate).toBe(pages[0]?.dataAvailabilityDate);
    // The same job read in bigger pages gives the same rows in the same order.
    expect(idsOf((await allJobResults(jobId, 1000)).conversations)).toEqual(idsOf(conversations));
  });

  it('carries participant data, and matches the SDK models field by field', async () => {
    const jobId = await fulfilledJob({ interval: EARLY_HOURS });
    const { pages, conversations } = await allJobResults(jobId, 1000);
    expect(pages.flatMap((page) => sdkModelProblems(page, 'AnalyticsConversationAsyncQueryResponse'))).toEqual([]);
    const withData = conversations.filter((c) =>
      c.participants?.some((p) => Object.keys(p.attributes ?? {}).length > 0),
    );
    expect(withData.length).toBeGreaterThan(0);
  });

  it('with startOfDayIntervalMatching selects what the sync query selects; without, every conversation active in the interval', async () => {
    const sync = idsOf((await allDetailPages(h.analytics, { interval: EARLY_HOURS })).conversations);
    const matched = await allJobResults(
      await fulfilledJob({ interval: EARLY_HOURS, startOfDayIntervalMatching: true }),
      1000,
    );
    expect(idsOf(matched.conversations)).toEqual(sync);

    const overlapping = await allJobResults(await fulfilledJob({ interval: EARLY_HOURS }), 1000);
    const extra = overlapping.conversations.filter((c) => !sync.includes(c.conversationId ?? ''));
    expect(idsOf(overlapping.conversations)).toEqual(expect.arrayContaining(sync));
    // The extras started the UTC day before and were still going when the interval began.
    expect(extra.length).toBeGreaterThan(0);
    const intervalStart = Date.parse(EARLY_HOURS.split('/')[0] ?? '');
    for (const c of extra) {
      expect(Date.parse(c.conversationStart ?? '')).toBeLessThan(DAY.startMs);
      expect(Date.parse(c.conversationEnd ?? '')).toBeGreaterThanOrEqual(intervalStart);
    }
  });

  it('honours order and limit', async () => {
    const jobId = await fulfilledJob({ interval: DAY.interval, order: 'desc', limit: 50 });
    const { conversations } = await allJobResults(jobId, 20);
    expect(conversations).toHaveLength(50);
    const starts = conversations.map((c) => Date.parse(c.conversationStart ?? ''));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('refuses a pageSize over 1000 and a cursor from another job', async () => {
    const jobId = await fulfilledJob({ interval: EARLY_HOURS });
    const tooBig = await rejection(h.analytics.getAnalyticsConversationsDetailsJobResults(jobId, { pageSize: 1001 }));
    expect(tooBig).toMatchObject({ status: 400, message: 'pageSize must be between 1 and 1000, got 1001' });
    const other = await fulfilledJob({ interval: DAY.interval });
    const { cursor = '' } = await h.analytics.getAnalyticsConversationsDetailsJobResults(other, { pageSize: 10 });
    const foreign = await rejection(h.analytics.getAnalyticsConversationsDetailsJobResults(jobId, { cursor }));
    expect(foreign).toMatchObject({ status: 400, code: 'bad.request' });
  });
});

describe('data availability', () => {
  it('lags now on an hour boundary, and jobs return only conversations that ended before it', async () => {
    const availability: Models.DataAvailabilityResponse =
      await h.analytics.getAnalyticsConversationsDetailsJobsAvailability();
    expect(sdkModelProblems(availability, 'DataAvailabilityResponse')).toEqual([]);
    const available = Date.parse(availability.dataAvailabilityDate ?? '');
    expect(available % HOUR_MS).toBe(0);
    expect(available).toBeLessThan(NOW);
    expect(available).toBeGreaterThan(NOW - DAY_MS);

    const today = utcDay('2026-11-20');
    const interval = `${today.interval.split('/')[0] ?? ''}/${iso(NOW)}`;
    const { conversations, pages } = await allJobResults(
      await fulfilledJob({ interval, startOfDayIntervalMatching: true }),
      1000,
    );
    // Submitted at NOW, completed a second later: the lake had not moved on to another hour.
    expect(pages[0]?.dataAvailabilityDate).toBe(availability.dataAvailabilityDate);
    expect(conversations.every((c) => Date.parse(c.conversationEnd ?? '') <= available)).toBe(true);
    const sync = await allDetailPages(h.analytics, { interval });
    const endedInLake = sync.conversations.filter((c) => Date.parse(c.conversationEnd ?? '') <= available);
    expect(endedInLake.length).toBeLessThan(sync.conversations.length);
    expect(new Set(idsOf(conversations))).toEqual(new Set(idsOf(endedInLake)));
  });
});
