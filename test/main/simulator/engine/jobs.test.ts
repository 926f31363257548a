import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../main/simulator/model';
import { DEFAULT_NOW, LONG_ATTRIBUTE, MAY1_IDS } from './fixture-dataset';
import { errorOf, expectBadRequest, fixtureEngine, ids } from './helpers';

const MAY1 = '2024-05-01T00:00:00.000Z/2024-05-02T00:00:00.000Z';
const { jobQueuedMs, jobPendingMs, jobExpiryMs } = DEFAULT_LIMITS;

function submitted(interval = MAY1, extra: Record<string, unknown> = {}) {
  const setup = fixtureEngine();
  const { jobId = '' } = setup.engine.submitJob({ interval, ...extra });
  return { ...setup, jobId };
}

function fulfil(clock: { ms: number }): void {
  clock.ms += jobQueuedMs + jobPendingMs;
}

describe('jobs: state machine', () => {
  it('goes QUEUED → PENDING → FULFILLED → EXPIRED with simulated time', () => {
    const { engine, clock, jobId } = submitted();
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(engine.jobStatus(jobId)).toEqual({ state: 'QUEUED', submissionDate: '2024-05-02T12:00:00.000Z' });
    clock.ms += jobQueuedMs;
    expect(engine.jobStatus(jobId).state).toBe('PENDING');
    clock.ms += jobPendingMs - 1;
    expect(engine.jobStatus(jobId).state).toBe('PENDING');
    clock.ms += 1;
    const completed = new Date(DEFAULT_NOW + jobQueuedMs + jobPendingMs);
    expect(engine.jobStatus(jobId)).toEqual({
      state: 'FULFILLED',
      submissionDate: '2024-05-02T12:00:00.000Z',
      completionDate: completed.toISOString(),
      expirationDate: new Date(completed.getTime() + jobExpiryMs).toISOString(),
    });
    clock.ms = completed.getTime() + jobExpiryMs;
    expect(engine.jobStatus(jobId).state).toBe('EXPIRED');
    expectBadRequest(() => engine.jobResults(jobId, undefined, undefined), 'the job is EXPIRED');
  });

  it('refuses results before the job is fulfilled', () => {
    const { engine, clock, jobId } = submitted();
    expectBadRequest(() => engine.jobResults(jobId, undefined, undefined), 'the job is QUEUED');
    clock.ms += jobQueuedMs;
    expectBadRequest(() => engine.jobResults(jobId, undefined, undefined), 'the job is PENDING');
  });

  it('deletes a job; unknown jobs are 404', () => {
    const { engine, jobId } = submitted();
    engine.deleteJob(jobId);
    for (const call of [
      () => engine.jobStatus(jobId),
      () => engine.deleteJob(jobId),
      () => engine.jobResults(jobId, undefined, 10),
    ]) {
      const error = errorOf(call);
      expect(error.status).toBe(404);
      expect(error.code).toBe('not.found');
    }
  });

  it('can be made to fail, reporting the error message', () => {
    const { engine, clock, jobId } = submitted();
    engine.failJob(jobId, 'Query exceeded the maximum number of results');
    clock.ms += 10;
    expect(engine.jobStatus(jobId)).toMatchObject({
      state: 'FAILED',
      errorMessage: 'Query exceeded the maximum number of results',
    });
    fulfil(clock);
    expectBadRequest(() => engine.jobResults(jobId, undefined, undefined), 'the job is FAILED');
  });
});

describe('jobs: results', () => {
  it('pages with an opaque cursor until it is absent', () => {
    const { engine, clock, jobId } = submitted();
    fulfil(clock);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = engine.jobResults(jobId, cursor, 3);
      expect(page.dataAvailabilityDate).toBe('2024-05-02T06:00:00.000Z');
      seen.push(...ids(page));
      cursor = page.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    // Jobs match any conversation active in the interval: c08 started on Apr 30 but ran past midnight.
    expect(seen).toEqual(['c08', ...MAY1_IDS]);
  });

  it('uses the sync query day rule with startOfDayIntervalMatching', () => {
    const { engine, clock, jobId } = submitted(MAY1, { startOfDayIntervalMatching: true });
    fulfil(clock);
    expect(ids(engine.jobResults(jobId, undefined, undefined))).toEqual(MAY1_IDS);
  });

  it('includes participant attributes, values cut to 1024 characters', () => {
    const { engine, clock, jobId } = submitted();
    fulfil(clock);
    const c01 = engine.jobResults(jobId, undefined, undefined).conversations?.find((c) => c.conversationId === 'c01');
    const attributes = c01?.participants?.find((p) => p.purpose === 'customer')?.attributes;
    expect(attributes?.['crm.accountId']).toBe('A-1001');
    expect(attributes?.['notes.long']).toBe(LONG_ATTRIBUTE.slice(0, 1024));
  });

  it('returns only what the data lake holds at its availability date', () => {
    // Now is 12:00 with a 6 h lag: data up to 06:00. c13 ended 05:10; c12 ended 11:45; c09-c11 are in progress.
    const { engine, clock, jobId } = submitted('2024-05-02T00:00:00Z/2024-05-02T12:00:00Z');
    fulfil(clock);
    const page = engine.jobResults(jobId, undefined, undefined);
    expect(ids(page)).toEqual(['c13']);
    expect(page.cursor).toBeUndefined();
  });

  it('honours order, orderBy and limit', () => {
    const { engine, clock, jobId } = submitted(MAY1, { order: 'desc', limit: 2 });
    fulfil(clock);
    expect(ids(engine.jobResults(jobId, undefined, undefined))).toEqual(['c14', 'c06']);
  });

  it('answers a job without matches with no conversations and no cursor', () => {
    const { engine, clock, jobId } = submitted('2024-05-01T08:10:00Z/2024-05-01T08:15:00Z');
    fulfil(clock);
    expect(engine.jobResults(jobId, undefined, undefined)).toEqual({
      dataAvailabilityDate: '2024-05-02T06:00:00.000Z',
    });
  });

  it('validates pageSize and cursors', () => {
    const { engine, clock, jobId } = submitted();
    const other = engine.submitJob({ interval: MAY1 }).jobId ?? '';
    fulfil(clock);
    expectBadRequest(() => engine.jobResults(jobId, undefined, 1001), 'pageSize must be between 1 and 1000, got 1001');
    expectBadRequest(() => engine.jobResults(jobId, undefined, 0), 'pageSize must be between 1 and 1000');
    expectBadRequest(() => engine.jobResults(jobId, 'not-a-cursor', 3), 'Invalid cursor');
    const cursor = engine.jobResults(other, undefined, 3).cursor;
    expectBadRequest(() => engine.jobResults(jobId, cursor, 3), 'Invalid cursor');
  });
});

describe('jobs: submission', () => {
  const { engine } = fixtureEngine();

  it('has no 7-day limit', () => {
    expect(engine.submitJob({ interval: '2024-04-01T00:00:00Z/2024-05-01T00:00:00Z' }).jobId).toBeTruthy();
  });

  it('validates like the details query', () => {
    expectBadRequest(() => engine.submitJob({ interval: '2024-05-02/2024-05-01' }), 'the end must be after the start');
    expectBadRequest(
      () =>
        engine.submitJob({
          interval: MAY1,
          segmentFilters: [{ type: 'and', predicates: [{ dimension: 'agent', value: 'x' }] }],
        }),
      "Invalid value 'agent' for segmentFilters[0].predicates[0].dimension",
    );
    // Jobs have no `paging` and no `unordered` order.
    expectBadRequest(
      () => engine.submitJob({ interval: MAY1, paging: { pageSize: 10, pageNumber: 1 } } as never),
      "Unrecognized field 'paging'",
    );
    expectBadRequest(
      () => engine.submitJob({ interval: MAY1, order: 'unordered' }),
      "Invalid value 'unordered' for order",
    );
    expectBadRequest(() => engine.submitJob({ interval: MAY1, limit: 0 }), 'limit must be 1 or more');
  });
});

describe('data availability', () => {
  it('is now minus the lag, rounded down to the hour', () => {
    const { engine, clock } = fixtureEngine();
    clock.ms = Date.parse('2024-05-02T12:34:56Z');
    expect(engine.dataAvailability()).toEqual({ dataAvailabilityDate: '2024-05-02T06:00:00.000Z' });
    const { engine: laggy } = fixtureEngine({ dataAvailabilityLagMs: 90 * 60_000 }, clock);
    expect(laggy.dataAvailability()).toEqual({ dataAvailabilityDate: '2024-05-02T11:00:00.000Z' });
  });
});
