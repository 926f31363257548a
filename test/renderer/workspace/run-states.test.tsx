import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunProgress } from '../../../preload/contract/types';
import type { RunResult } from '../../../preload/contract/workspace-types';
import { App } from '../../../renderer/src/App';
import { startOfDay } from '../../../renderer/src/dates/zoned-time';
import { FakeFailure } from '../fake-bridge';
import { installWorkspaceCore } from '../support/fake-core';
import { Screen } from '../support/render';
import { resetStores } from '../support/stores';

const NOW = Date.UTC(2026, 5, 17, 9);
const ZONE = 'Europe/London';

function result(change: Partial<RunResult>): RunResult {
  return {
    requestId: 'x',
    state: 'done',
    fromCache: false,
    rows: 1234,
    conversations: 1200,
    requests: 42,
    rateLimited: 0,
    retries: 0,
    seconds: 12,
    message: null,
    missing: [],
    freshness: { completeUpTo: null, fetchedAt: null, mayChangeFrom: null },
    ...change,
  };
}

/** A run the test finishes when it likes, as the core would after its progress events. */
function deferredRun() {
  let finish: (value: RunResult | FakeFailure) => void = () => undefined;
  const handler = () =>
    new Promise<RunResult>((resolve, reject) => {
      finish = (value) => (value instanceof FakeFailure ? reject(value) : resolve(value));
    });
  return { handler, finish: (value: RunResult | FakeFailure) => finish(value) };
}

describe('a run, from progress to its final state', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;
  let run: ReturnType<typeof deferredRun>;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    resetStores();
    run = deferredRun();
    fake = installWorkspaceCore({
      'reports/run': run.handler,
      'reports/cancel': () => true,
      'reports/page': () => ({
        rows: [{ queue: 'Billing – Voice', offered: 3 }],
        total: 1234,
        totals: null,
        nextCursor: null,
      }),
    });
    screen = new Screen();
    await screen.render(<App />);
    await screen.check('Queue performance');
    await screen.click('Run report');
  });
  afterEach(() => {
    screen.unmount();
    fake.remove();
    vi.useRealTimers();
  });

  const requestId = () =>
    (fake.calls.find((call) => call.name === 'reports/run')?.input as { requestId: string }).requestId;
  function progress(change: Partial<RunProgress>) {
    const event: RunProgress = {
      requestId: requestId(),
      chunksDone: 2,
      chunksTotal: 7,
      rows: 1234,
      requests: 30,
      rateLimited: 0,
      requestsPerMinute: 240,
      limitPerMinute: 300,
      etaSeconds: 130,
      ...change,
    };
    act(() => fake.emit('run/progress', event));
  }
  async function finish(value: RunResult | FakeFailure) {
    run.finish(value);
    await screen.flush(3);
  }

  it('shows chunks, rows, the request rate against the limit and the time left', () => {
    progress({});
    expect(screen.container.querySelector('[data-testid="run-progress"]')?.textContent).toBe(
      'Part 2 of 7 · 1,234 rows so far · 240 of 300 requests a minute allowed by Genesys Cloud · about 2 min left',
    );
    expect(screen.container.querySelector('progress')?.getAttribute('value')).toBe('2');
    progress({ chunksDone: 5, rateLimited: 3, etaSeconds: 20 });
    expect(screen.text).toContain('Part 5 of 7');
    expect(screen.text).toContain('asked to slow down 3 times');
    expect(screen.text).toContain('less than a minute left');
  });

  it('ignores progress that belongs to another run', () => {
    act(() =>
      fake.emit('run/progress', {
        requestId: 'someone-else',
        chunksDone: 6,
        chunksTotal: 9,
        rows: 5,
        requests: 1,
        rateLimited: 0,
        requestsPerMinute: 1,
        limitPerMinute: 300,
        etaSeconds: 1,
      }),
    );
    expect(screen.text).not.toContain('Part 6 of 9');
  });

  it('cancels the run it started and says what happens to what was fetched', async () => {
    await screen.click('Cancel run');
    expect(fake.calls.find((call) => call.name === 'reports/cancel')?.input).toEqual({ requestId: requestId() });
    await finish(result({ state: 'cancelled', rows: 0 }));
    expect(screen.text).toContain(
      'Run cancelled. What was already fetched is kept; run the report again to finish it.',
    );
    expect(screen.hasButton('Cancel run')).toBe(false);
  });

  /** The outcome's text once the table's first page (and with it the row count) has arrived. */
  async function doneText() {
    await screen.waitFor(() => screen.container.querySelector('[data-state="done"] strong') !== null);
    return screen.container.querySelector('[data-state="done"]')?.textContent;
  }

  it('says when everything came from the cache, with the table’s row count', async () => {
    await finish(result({ fromCache: true, requests: 0, rows: 99 }));
    expect(await doneText()).toBe('1,234 rows. From this computer’s cache: no requests to Genesys Cloud were needed.');
  });

  it('says what fetching cost when it went to Genesys Cloud', async () => {
    await finish(result({ rateLimited: 2, retries: 1 }));
    expect(await doneText()).toBe(
      '1,234 rows. Fetched from Genesys Cloud: 42 requests in 12 s, slowed down 2 times by the request limit, 1 request retried.',
    );
  });

  it('explains offline gaps as days, in the report’s zone, with what to do next', async () => {
    const missing = [{ start: startOfDay('2026-06-08', ZONE), end: startOfDay('2026-06-10', ZONE) }];
    await finish(
      result({
        state: 'offline-missing',
        rows: 0,
        message: 'Not in the cache: 8–9 June. Connect to the internet and run it again.',
        missing,
      }),
    );
    const outcome = screen.container.querySelector('[data-state="offline-missing"]')!;
    expect(outcome.getAttribute('role')).toBe('alert');
    expect(outcome.textContent).toContain(
      'You are offline and part of this range has never been fetched. Not in the cache: 8–9 June. Connect to the internet and run it again.',
    );
    expect([...outcome.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Mon 8 Jun – Tue 9 Jun 2026']);
  });

  it('says what to do next when the core gives no message for an offline gap', async () => {
    await finish(result({ state: 'offline-missing', rows: 0, message: null, missing: [] }));
    expect(screen.container.querySelector('[data-state="offline-missing"]')?.textContent).toContain(
      'Connect to the internet and run the report again, or choose days that were fetched before.',
    );
  });

  it('offers to try again after a failure, and runs again', async () => {
    await finish(result({ state: 'failed', message: 'Genesys Cloud did not answer for 3 minutes.' }));
    expect(screen.container.querySelector('[data-state="failed"]')?.textContent).toContain(
      'Genesys Cloud did not answer for 3 minutes.',
    );
    await screen.click('Try again');
    expect(fake.calls.filter((call) => call.name === 'reports/run')).toHaveLength(2);
  });

  it('shows the core’s message when it refuses the run outright', async () => {
    await finish(new FakeFailure({ code: 'bad-input', message: 'The end date is before the start date.' }));
    expect(screen.container.querySelector('[data-state="error"]')?.textContent).toContain(
      'The end date is before the start date.',
    );
  });
});
