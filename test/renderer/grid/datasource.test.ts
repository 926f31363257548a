import type { GridApi, IGetRowsParams } from 'ag-grid-community';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportParams } from '../../../preload/contract/report-params';
import type { ReportRow } from '../../../preload/contract/reports';
import type { ReportPage } from '../../../preload/contract/workspace-types';
import { client } from '../../../renderer/src/api/client';
import { createDatasource } from '../../../renderer/src/grid/datasource';
import { toAgFilterModel, toColumnFilters } from '../../../renderer/src/grid/filter-model';
import { startOfDay } from '../../../renderer/src/dates/zoned-time';
import { FakeFailure, installFakeBridge } from '../fake-bridge';
import { settle } from '../support/render';
import { INTERACTIONS, QUEUE_PERFORMANCE } from '../support/reports';

const params: ReportParams = {
  report: 'interactions',
  connectionId: 'demo',
  from: '2026-03-23',
  to: '2026-03-29',
  timeZone: 'Europe/London',
  granularity: 'P1D',
  filters: {},
};

/** 250 rows in main, paged like main pages them: by cursor or page number, counted on request. */
function pagingCore() {
  const rows: ReportRow[] = Array.from({ length: 250 }, (_, index) => ({ conversationId: `c${index}` }));
  return installFakeBridge({
    'reports/page': (input) => {
      const { view } = input as { view: { page: { size: number; after?: string; number?: number }; count?: boolean } };
      const start = view.page.after ? Number(view.page.after) : ((view.page.number ?? 1) - 1) * view.page.size;
      const end = Math.min(start + view.page.size, rows.length);
      const page: ReportPage = {
        rows: rows.slice(start, end),
        total: view.count === false ? null : rows.length,
        totals: { conversationId: 'Total' },
        nextCursor: end < rows.length ? String(end) : null,
      };
      return page;
    },
  });
}

function request(
  startRow: number,
  endRow: number,
  model: Partial<Pick<IGetRowsParams, 'sortModel' | 'filterModel'>> = {},
) {
  const answer: { rows?: ReportRow[]; lastRow?: number; failed?: boolean } = {};
  const get: IGetRowsParams = {
    startRow,
    endRow,
    sortModel: [],
    filterModel: {},
    context: undefined,
    // The datasource never touches the grid's api; a row model calls it with one.
    api: undefined as unknown as GridApi,
    successCallback: (rows, lastRow) => Object.assign(answer, { rows, lastRow }),
    failCallback: () => (answer.failed = true),
    ...model,
  };
  return { get, answer };
}

describe('the grid datasource', () => {
  let fake: ReturnType<typeof installFakeBridge> | undefined;
  afterEach(() => fake?.remove());

  function source(
    onPage: (info: unknown) => void = () => undefined,
    onError: (message: string) => void = () => undefined,
  ) {
    return createDatasource({
      params,
      columns: INTERACTIONS.columns,
      fetchPage: (input) => client.reports.page(input),
      onPage,
      onError,
    });
  }

  it('passes the sort and column filters to reports/page for main to execute, and counts once', async () => {
    fake = pagingCore();
    const seen: unknown[] = [];
    const datasource = source((info) => seen.push(info));
    const first = request(0, 100, {
      sortModel: [{ colId: 'talk', sort: 'desc' }],
      filterModel: {
        ani: { filterType: 'text', type: 'startsWith', filter: '+1312' },
        talk: { filterType: 'number', type: 'greaterThanOrEqual', filter: 600 },
        mediaType: { filterType: 'set', values: ['voice'] },
        abandoned: { filterType: 'flag', value: false },
      },
    });
    datasource.getRows(first.get);
    await settle();
    const call = fake.calls.at(-1)?.input as { params: ReportParams; view: Record<string, unknown> };
    expect(call.params).toEqual(params);
    expect(call.view).toEqual({
      sort: { column: 'talk', direction: 'desc' },
      filters: [
        { kind: 'text', column: 'ani', op: 'startsWith', value: '+1312' },
        // Typed as 600 seconds in the grid; main compares milliseconds.
        { kind: 'number', column: 'talk', min: 600_000 },
        { kind: 'set', column: 'mediaType', values: ['voice'] },
        { kind: 'flag', column: 'abandoned', value: false },
      ],
      page: { size: 100, number: 1 },
      count: true,
    });
    expect(first.answer.rows).toHaveLength(100);
    expect(first.answer.lastRow).toBe(250);
    expect(seen.at(-1)).toMatchObject({ total: 250, totals: { conversationId: 'Total' }, sort: { column: 'talk' } });

    // The next block continues from the cursor and does not count again.
    const second = request(100, 200, {
      sortModel: first.get.sortModel,
      filterModel: first.get.filterModel as Record<string, unknown>,
    });
    datasource.getRows(second.get);
    await settle();
    const next = fake.calls.at(-1)?.input as { view: { page: unknown; count: boolean } };
    expect(next.view.page).toEqual({ size: 100, after: '100' });
    expect(next.view.count).toBe(false);
    expect(second.answer.rows?.[0]).toEqual({ conversationId: 'c100' });
    expect(second.answer.lastRow).toBe(250);
  });

  it('asks for a page by number when the grid jumps ahead, and starts over when the view changes', async () => {
    fake = pagingCore();
    const datasource = source();
    datasource.getRows(request(0, 100).get);
    await settle();
    const jump = request(200, 300);
    datasource.getRows(jump.get);
    await settle();
    expect((fake.calls.at(-1)?.input as { view: { page: unknown } }).view.page).toEqual({ size: 100, number: 3 });
    expect(jump.answer.rows).toHaveLength(50);

    const sorted = request(100, 200, { sortModel: [{ colId: 'startTime', sort: 'asc' }] });
    datasource.getRows(sorted.get);
    await settle();
    const view = (fake.calls.at(-1)?.input as { view: { page: unknown; count: boolean } }).view;
    expect(view.page).toEqual({ size: 100, number: 2 });
    expect(view.count).toBe(true);
  });

  it('fails the block and reports the core’s message when a page cannot be read', async () => {
    fake = installFakeBridge({
      'reports/page': () => {
        throw new FakeFailure({ code: 'unavailable', message: 'The cache is busy; try again.' });
      },
    });
    const errors: string[] = [];
    const block = request(0, 100);
    source(undefined, (message) => errors.push(message)).getRows(block.get);
    await settle();
    expect(block.answer.failed).toBe(true);
    expect(errors).toEqual(['The cache is busy; try again.']);
  });
});

describe('grid filters in the contract’s units', () => {
  const zone = 'Europe/London';

  it('turns a day filter into [midnight, next midnight) in the report’s zone, across a clock change', () => {
    const [filter] = toColumnFilters(
      { startTime: { filterType: 'date', type: 'equals', dateFrom: '2026-03-29 00:00:00' } },
      INTERACTIONS.columns,
      zone,
    );
    expect(filter).toEqual({
      kind: 'date',
      column: 'startTime',
      from: startOfDay('2026-03-29', zone),
      to: startOfDay('2026-03-30', zone),
    });
    if (filter?.kind !== 'date' || filter.from === undefined || filter.to === undefined) throw new Error('no range');
    expect((filter.to - filter.from) / 3_600_000).toBe(23);
  });

  it('reads percents as 0–100 and keeps both bounds of a range inclusive', () => {
    expect(
      toColumnFilters(
        { serviceLevel: { filterType: 'number', type: 'inRange', filter: 90, filterTo: 80 } },
        QUEUE_PERFORMANCE.columns,
        zone,
      ),
    ).toEqual([{ kind: 'number', column: 'serviceLevel', min: 0.8, max: 0.9 }]);
  });

  it('leaves out half-typed filters and columns the report does not have', () => {
    expect(
      toColumnFilters(
        {
          ani: { filterType: 'text', type: 'contains', filter: '' },
          nosuch: { filterType: 'text', type: 'contains', filter: 'x' },
          talk: { filterType: 'number', type: 'inRange', filter: 5 },
        },
        INTERACTIONS.columns,
        zone,
      ),
    ).toEqual([]);
  });

  it('restores a saved report’s filters in the grid exactly as they were set', () => {
    const model = {
      ani: { filterType: 'text', type: 'contains', filter: '555' },
      talk: { filterType: 'number', type: 'inRange', filter: 60, filterTo: 600 },
      startTime: {
        filterType: 'date',
        type: 'inRange',
        dateFrom: '2026-03-28 00:00:00',
        dateTo: '2026-03-30 00:00:00',
      },
      mediaType: { filterType: 'set', values: ['voice', 'chat'] },
      abandoned: { filterType: 'flag', value: true },
    };
    const filters = toColumnFilters(model, INTERACTIONS.columns, zone);
    expect(filters).toHaveLength(5);
    expect(toAgFilterModel(filters, INTERACTIONS.columns, zone)).toEqual(model);
    expect(toColumnFilters(toAgFilterModel(filters, INTERACTIONS.columns, zone), INTERACTIONS.columns, zone)).toEqual(
      filters,
    );
  });
});
