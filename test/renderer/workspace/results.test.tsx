import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportProgress } from '../../../preload/contract/workspace-types';
import { App } from '../../../renderer/src/App';
import { useQueryStore } from '../../../renderer/src/state/query-store';
import { installWorkspaceCore } from '../support/fake-core';
import { Screen } from '../support/render';
import { resetStores } from '../support/stores';

const NOW = Date.UTC(2026, 5, 17, 9);
const START = Date.UTC(2026, 5, 8, 8, 5, 9); // 09:05:09 BST

describe('a result in the grid', () => {
  let screen: Screen;
  let fake: ReturnType<typeof installWorkspaceCore>;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    resetStores();
    screen = new Screen();
  });
  afterEach(() => {
    screen.unmount();
    fake.remove();
    vi.useRealTimers();
  });

  async function runQueuePerformance(durationFormat: 'hms' | 'seconds' = 'hms') {
    fake = installWorkspaceCore(
      {
        'reports/run': (input) => ({
          requestId: (input as { requestId: string }).requestId,
          state: 'done',
          fromCache: true,
          rows: 2,
          conversations: 0,
          requests: 0,
          rateLimited: 0,
          retries: 0,
          seconds: 0,
          message: null,
          missing: [],
          freshness: {
            completeUpTo: Date.UTC(2026, 5, 17, 8, 40),
            fetchedAt: Date.UTC(2026, 5, 17, 8, 45),
            mayChangeFrom: Date.UTC(2026, 5, 14, 9),
          },
        }),
        'reports/page': () => ({
          rows: [
            {
              intervalStart: START,
              queue: 'Billing – Voice',
              offered: 1234,
              serviceLevel: 0.8234,
              aht: 3_723_000,
              queueId: 'q-billing',
            },
            {
              intervalStart: START,
              queue: '<b>Sales</b>',
              offered: 5,
              serviceLevel: null,
              aht: null,
              queueId: 'q-sales',
            },
          ],
          total: 2,
          totals: {
            intervalStart: null,
            queue: 'Total',
            offered: 1239,
            serviceLevel: 0.8,
            aht: 600_000,
            queueId: null,
          },
          nextCursor: null,
        }),
        'export/start': () => new Promise(() => undefined),
        'export/cancel': () => true,
      },
      { durationFormat },
    );
    await screen.render(<App />);
    await screen.check('Queue performance');
    await screen.click('Run report');
    // The grid is loaded lazily (it is most of the bundle); wait for it and its first page.
    await screen.waitFor(
      () =>
        screen.container.querySelector('[data-testid="result-grid"]')?.textContent?.includes('<b>Sales</b>') ?? false,
    );
  }

  const bodyRows = () => [...screen.container.querySelectorAll('.ag-grid-scrolling-rows .ag-row')];
  const cells = (row: Element | null | undefined) =>
    [...(row?.querySelectorAll('[role="gridcell"]') ?? [])].map((cell) => cell.textContent);

  it('shows formatted cells in the report’s zone, text as text, and the pinned totals row', async () => {
    await runQueuePerformance();
    const rows = bodyRows();
    expect(cells(rows[0])).toEqual(['2026-06-08 09:05:09', 'Billing – Voice', '1,234', '82.3%', '1:02:03']);
    expect(cells(rows[1])).toEqual(['2026-06-08 09:05:09', '<b>Sales</b>', '5', '', '']);
    expect(screen.container.querySelector('.ag-row b')).toBeNull();
    const pinned = screen.container.querySelector('.ag-grid-pinned-bottom-rows .ag-row');
    expect(cells(pinned)).toEqual(['', 'Total', '1,239', '80.0%', '0:10:00']);
    // jsdom has no layout, so how many rows are "on screen" is not known here; the count is.
    expect(screen.container.querySelector('[data-testid="row-count"]')?.textContent).toMatch(/^Rows 1–\d of 2$/);
  });

  it('keeps the result’s own columns while the form moves on to another report', async () => {
    await runQueuePerformance();
    const headers = () =>
      [...screen.container.querySelectorAll('.ag-header-cell-text')].map((header) => header.textContent);
    const before = headers();
    await screen.check('Interactions');
    await screen.flush(3);
    expect(headers()).toEqual(before);
    expect(cells(bodyRows()[0])).toEqual(['2026-06-08 09:05:09', 'Billing – Voice', '1,234', '82.3%', '1:02:03']);
  });

  it('shows durations in seconds when that is the setting', async () => {
    await runQueuePerformance('seconds');
    expect(cells(bodyRows()[0]).at(-1)).toBe('3723');
  });

  it('shows how fresh the result is in the status bar', async () => {
    await runQueuePerformance();
    expect(screen.container.querySelector('[data-testid="freshness"]')?.textContent).toMatch(
      /^Complete up to .*09:40; the last 3 days may still change\. Fetched .*09:45\.$/,
    );
  });

  it('exports the visible columns in grid order with the grid’s view, with progress and cancel', async () => {
    await runQueuePerformance();
    act(() =>
      useQueryStore.getState().setColumnOrder('queue-performance', ['queue', 'intervalStart', 'aht', 'offered']),
    );
    await screen.click('Export Excel');
    const call = fake.calls.find((entry) => entry.name === 'export/start')?.input as Record<string, unknown>;
    expect(call).toMatchObject({
      params: { report: 'queue-performance', timeZone: 'Europe/London' },
      columns: ['queue', 'intervalStart', 'aht', 'offered'],
      format: 'xlsx',
      view: { filters: [], count: false },
    });
    const progress: ExportProgress = { requestId: call['requestId'] as string, rows: 500, total: 2000 };
    act(() => fake.emit('export/progress', progress));
    expect(screen.text).toContain('Exporting to Excel… 500 of 2,000 rows');
    await screen.click('Cancel export');
    expect(fake.calls.find((entry) => entry.name === 'export/cancel')?.input).toEqual({ requestId: call['requestId'] });
    expect(screen.text).toContain('Excel export cancelled.');
  });
});
