import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateQueryKey } from '../../../main/cache/index';
import { UserFacingError } from '../../../main/core/errors';
import { reportDefinition, type CachedReportDefinition } from '../../../main/reports/index';
import {
  gridViewSchema,
  reportParamsSchema,
  type GridView,
  type GridViewInput,
  type ReportParams,
} from '../../../preload/contract/report-params';
import type { ReportRow } from '../../../preload/contract/reports';
import { factsBetween, groupFacts, kpisOf, localDate, nextDate, searchDayStart } from './support/ground-truth';
import { CONNECTION, SimCache } from './support/sim-cache';

const ZONE = 'Europe/London';
const NOW = Date.UTC(2024, 3, 20, 12);
const FROM = '2024-03-30';
const TO = '2024-04-01'; // the 31st is 23 hours long in London

const report = reportDefinition('queue-performance') as CachedReportDefinition;
const params: ReportParams = reportParamsSchema.parse({
  report: 'queue-performance',
  connectionId: CONNECTION,
  from: FROM,
  to: TO,
  timeZone: ZONE,
});
const viewOf = (extra: Partial<GridViewInput> = {}): GridView => gridViewSchema.parse({ page: { size: 25 }, ...extra });

/**
 * Sorting, column filters and paging of performance reports run in main on the rows computed from the cache;
 * the renderer only ever receives pages.
 */
describe('performance reports: sort, filter and page in main', () => {
  let sim: SimCache;

  beforeAll(() => {
    sim = new SimCache({ now: NOW, timeZone: ZONE, perDay: 500 });
    sim.fill(report.plan(params));
  }, 60_000);
  afterAll(() => sim.dispose());

  function allPages(view: GridView): { rows: ReportRow[]; totals: ReportRow | null | undefined; total: number | null } {
    const rows: ReportRow[] = [];
    let after: string | null = null;
    let first: ReturnType<typeof report.page> | undefined;
    for (let guard = 0; guard < 200; guard++) {
      const page = report.page(sim.cache, params, { ...view, page: { ...view.page, after } });
      first ??= page;
      rows.push(...page.rows);
      if (page.nextCursor === null) return { rows, totals: first.totals, total: first.total };
      after = page.nextCursor;
    }
    throw new Error('paging did not end');
  }

  it('pages through every row once, in the natural order (interval, then queue name)', () => {
    const everything = report.page(sim.cache, params, viewOf({ page: { size: 1000 } }));
    const paged = allPages(viewOf());
    expect(paged.rows).toEqual(everything.rows);
    expect(paged.total).toBe(everything.rows.length);
    expect(everything.rows.length).toBeGreaterThan(25 * 2);
    const keys = everything.rows.map((row) => [row.intervalStart as number, String(row.queue).toLowerCase()] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    // A jump by page number lands where walking would.
    expect(report.page(sim.cache, params, viewOf({ page: { size: 25, number: 2 } })).rows).toEqual(
      paged.rows.slice(25, 50),
    );
  });

  it('sorts by a KPI, empty cells last, and the export order equals the grid’s', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const view = viewOf({ sort: { column: 'asa', direction } });
      const { rows } = allPages(view);
      const values = rows.map((row) => row.asa as number | null);
      const filled = values.filter((value): value is number => value !== null);
      expect(values.slice(0, filled.length)).toEqual(filled); // nulls only at the end
      expect(filled).toEqual([...filled].sort((a, b) => (direction === 'asc' ? a - b : b - a)));
      expect([...report.rows(sim.cache, params, view)]).toEqual(rows);
    }
  });

  it('filters on KPIs, names and intervals; totals cover exactly the rows shown', () => {
    const queues = sim.dataset.queues.slice(0, 6).map((q) => q.id!);
    const secondDay = searchDayStart('2024-03-31', ZONE);
    const view = viewOf({
      filters: [
        { kind: 'number', column: 'offered', min: 3 },
        { kind: 'set', column: 'queue', values: queues },
        { kind: 'date', column: 'intervalStart', from: secondDay },
      ],
    });
    const { rows, totals } = allPages(view);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.offered as number).toBeGreaterThanOrEqual(3);
      expect(queues).toContain(row.queueId);
      expect(row.intervalStart as number).toBeGreaterThanOrEqual(secondDay);
    }
    // Ground truth of just those (day, queue) rows.
    const start = searchDayStart(FROM, ZONE);
    const facts = factsBetween(sim.dataset, start, searchDayStart(nextDate(TO), ZONE)).filter((f) => f.mediaType);
    const kept = new Set(rows.map((row) => `${localDate(row.intervalStart as number, ZONE)}|${String(row.queueId)}`));
    const truth = groupFacts(facts, (f) =>
      f.queueIds.map((q) => `${localDate(f.emitMs, ZONE)}|${q}`).filter((k) => kept.has(k)),
    );
    const expected = kpisOf([...truth.values()].flat());
    for (const kpi of ['offered', 'answered', 'abandoned', 'handled'] as const)
      expect(totals?.[kpi]).toBe(expected[kpi]);
    for (const kpi of ['abandonRate', 'serviceLevel', 'asa', 'aht'] as const) {
      expect(totals?.[kpi] as number).toBeCloseTo(expected[kpi]!, 9);
    }
  });

  it('refuses views it cannot apply, in plain words', () => {
    const refusal = (view: GridView): string => {
      try {
        report.page(sim.cache, params, view);
      } catch (error) {
        expect(error).toBeInstanceOf(UserFacingError);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(viewOf({ sort: { column: 'colour', direction: 'asc' } }))).toMatch(/no column "colour"/);
    expect(refusal(viewOf({ filters: [{ kind: 'text', column: 'offered', op: 'contains', value: '1' }] }))).toMatch(
      /"Offered" takes a number filter/,
    );
    const cursor = report.page(sim.cache, params, viewOf()).nextCursor;
    expect(
      refusal(viewOf({ sort: { column: 'offered', direction: 'desc' }, page: { size: 25, after: cursor } })),
    ).toMatch(/different view/);
  });

  it('a refresh shows at once, even when the coverage map looks the same', () => {
    const before = report.page(sim.cache, params, viewOf()).total!;
    expect(before).toBeGreaterThan(0);
    // Genesys now reports nothing for the range (e.g. data deleted), fetched at the very same instant.
    const spec = report.plan(params);
    const query = spec.aggregates[0]!;
    const run = sim.cache.runs.create({
      connectionId: CONNECTION,
      report: 'queue-performance',
      params,
      chunks: [{ kind: 'aggregates', dataset: report.datasets(params)[0]!, start: spec.start, end: spec.end }],
    });
    const interval = `${new Date(spec.start).toISOString()}/${new Date(spec.end).toISOString()}`;
    sim.cache.runs.commitAggregatesPage(run.id, 0, {
      pageNumber: 1,
      queryKey: aggregateQueryKey({ ...query, interval }),
      results: [],
    });
    sim.cache.runs.completeChunk(run.id, 0);
    expect(report.page(sim.cache, params, viewOf()).total).toBe(0);
  });
});
