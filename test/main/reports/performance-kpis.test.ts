import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDefinition, type CachedReportDefinition } from '../../../main/reports/index';
import {
  gridViewSchema,
  reportParamsSchema,
  type GridViewInput,
  type ReportParams,
  type ReportParamsInput,
} from '../../../preload/contract/report-params';
import type { ReportId, ReportRow } from '../../../preload/contract/reports';
import type { ReportPage } from '../../../preload/contract/workspace-types';
import {
  factsBetween,
  groupFacts,
  kpisOf,
  localDate,
  nextDate,
  searchDayStart,
  type Fact,
} from './support/ground-truth';
import { CONNECTION, SimCache } from './support/sim-cache';

const ZONE = 'America/Chicago';
const NOW = Date.UTC(2024, 2, 20, 12);
/** 9–11 March 2024 in Chicago: the 10th is 23 hours long. */
const FROM = '2024-03-09';
const TO = '2024-03-11';

const cached = (id: ReportId) => reportDefinition(id) as CachedReportDefinition;
const paramsFor = (report: ReportId, extra: Partial<ReportParamsInput> = {}): ReportParams =>
  reportParamsSchema.parse({ report, connectionId: CONNECTION, from: FROM, to: TO, timeZone: ZONE, ...extra });
const view = (extra: Partial<GridViewInput> = {}) => gridViewSchema.parse({ page: { size: 1000 }, ...extra });

/** The KPIs the comparison covers, and how close a ratio has to be (they are floating point). */
const COMPARED = [
  'offered',
  'answered',
  'abandoned',
  'abandonRate',
  'serviceLevel',
  'asa',
  'handled',
  'aht',
  'avgTalk',
  'avgHold',
  'avgAcw',
  'transferred',
  'totalHandle',
  'notResponding',
  'answerRate',
];

function expectKpis(row: ReportRow, truth: Record<string, number | null>, context: string): void {
  for (const kpi of COMPARED) {
    if (!(kpi in row)) continue;
    const [actual, expected] = [row[kpi], truth[kpi]];
    if (expected === null || expected === undefined) expect(actual, `${context} ${kpi}`).toBeNull();
    else expect(actual as number, `${context} ${kpi}`).toBeCloseTo(expected, 9);
  }
}

/** Metrics whose sessions the aggregate can place: they need a media type (every report groups by media). */
const withMedia = (facts: Fact[]) => facts.filter((fact) => fact.mediaType !== undefined);

describe('performance reports: KPIs equal the ground truth of the generated conversations', () => {
  let sim: SimCache;
  let range: { start: number; end: number };
  let facts: Fact[];
  const page = (id: ReportId, extra: Partial<ReportParamsInput> = {}, v = view()): ReportPage =>
    cached(id).page(sim.cache, paramsFor(id, extra), v);

  beforeAll(() => {
    sim = new SimCache({ now: NOW, timeZone: ZONE });
    for (const id of ['queue-performance', 'agent-performance', 'wrapup-performance'] as const) {
      sim.fill(cached(id).plan(paramsFor(id)));
    }
    range = { start: searchDayStart(FROM, ZONE), end: searchDayStart(nextDate(TO), ZONE) };
    facts = withMedia(factsBetween(sim.dataset, range.start, range.end));
  }, 60_000);
  afterAll(() => sim.dispose());

  it('queue performance by day: every queue and day, across a DST change', () => {
    const result = page('queue-performance');
    const truth = groupFacts(facts, (f) => f.queueIds.map((q) => `${localDate(f.emitMs, ZONE)}|${q}`));
    const offeredOrHandled = [...truth].filter(([, list]) =>
      list.some((f) => f.name === 'nOffered' || f.name === 'tHandle'),
    );
    expect(result.rows.length).toBeGreaterThanOrEqual(offeredOrHandled.length);
    expect(result.total).toBe(result.rows.length);
    const days = new Set<string>();
    for (const row of result.rows) {
      const day = localDate(row.intervalStart as number, ZONE);
      days.add(day);
      expect(row.intervalStart).toBe(searchDayStart(day, ZONE));
      expect(row.intervalEnd).toBe(searchDayStart(nextDate(day), ZONE));
      expectKpis(row, kpisOf(truth.get(`${day}|${String(row.queueId)}`) ?? []), `${day} ${String(row.queue)}`);
      expect(row.queue).toBe(sim.dataset.queues.find((q) => q.id === row.queueId)?.name);
    }
    expect([...days].sort()).toEqual(['2024-03-09', '2024-03-10', '2024-03-11']);
    expect(
      result.rows.some((row) => (row.intervalEnd as number) - (row.intervalStart as number) === 23 * 3_600_000),
    ).toBe(true);
  });

  it('totals: counts summed, ratios recomputed from the parts (not averaged)', () => {
    const result = page('queue-performance');
    const queued = facts.filter((f) => f.queueIds.length > 0);
    expectKpis(result.totals!, kpisOf(queued), 'totals');
    expect(result.totals!.queue).toBe('Total');
    // An average of the rows' ASAs would differ from the recomputed ratio.
    const asas = result.rows.map((row) => row.asa).filter((v): v is number => typeof v === 'number');
    expect(Math.abs(asas.reduce((a, b) => a + b, 0) / asas.length - (result.totals!.asa as number))).toBeGreaterThan(1);
  });

  it('a queue and media filter keeps only those, with their own KPIs and totals', () => {
    const queues = sim.dataset.queues.slice(0, 3).map((q) => q.id!);
    const chosen = queues.slice(0, 2);
    const result = page('queue-performance', {
      filters: { queueIds: chosen, mediaTypes: ['voice'] },
      granularity: 'total',
    });
    const voice = facts.filter((f) => f.mediaType === 'voice');
    const truth = groupFacts(voice, (f) => f.queueIds.filter((q) => chosen.includes(q)));
    expect(result.rows.map((row) => row.queueId).sort()).toEqual([...truth.keys()].sort());
    for (const row of result.rows) {
      expect(row.intervalStart).toBe(range.start);
      expect(row.intervalEnd).toBe(range.end);
      expectKpis(row, kpisOf(truth.get(row.queueId as string)!), String(row.queue));
    }
    expectKpis(result.totals!, kpisOf(voice.filter((f) => f.queueIds.some((q) => chosen.includes(q)))), 'totals');
  });

  it('agent performance by day, and for the queues chosen only the work on them', () => {
    const result = page('agent-performance');
    const truth = groupFacts(facts, (f) =>
      f.userId === undefined ? [] : [`${localDate(f.emitMs, ZONE)}|${f.userId}`],
    );
    expect(result.rows.length).toBeGreaterThan(20);
    for (const row of result.rows) {
      const key = `${localDate(row.intervalStart as number, ZONE)}|${String(row.userId)}`;
      expectKpis(row, kpisOf(truth.get(key)!), key);
    }
    expectKpis(result.totals!, kpisOf(facts.filter((f) => f.userId !== undefined)), 'totals');

    const queue = sim.dataset.queues[0]!.id!;
    const onQueue = page('agent-performance', { filters: { queueIds: [queue] }, granularity: 'total' });
    const truthOnQueue = groupFacts(
      facts.filter((f) => f.queueIds.includes(queue)),
      (f) => (f.userId === undefined ? [] : [f.userId]),
    );
    expect(onQueue.rows.map((row) => row.userId).sort()).toEqual([...truthOnQueue.keys()].sort());
    for (const row of onQueue.rows) expectKpis(row, kpisOf(truthOnQueue.get(row.userId as string)!), String(row.agent));
  });

  it('wrap-up performance: counts, times and each code’s share of its day', () => {
    const result = page('wrapup-performance');
    const truth = groupFacts(facts, (f) => f.wrapUpCodes.map((code) => `${localDate(f.emitMs, ZONE)}|${code}`));
    const handledPerDay = new Map<string, number>();
    for (const [key, list] of truth) {
      const day = key.split('|')[0]!;
      handledPerDay.set(day, (handledPerDay.get(day) ?? 0) + (kpisOf(list).handled ?? 0));
    }
    for (const row of result.rows) {
      const day = localDate(row.intervalStart as number, ZONE);
      const expected = kpisOf(truth.get(`${day}|${String(row.wrapUpCodeId)}`)!);
      expectKpis(row, expected, `${day} ${String(row.wrapUp)}`);
      expect(row.share as number).toBeCloseTo((expected.handled ?? 0) / handledPerDay.get(day)!, 12);
      expect(row.wrapUp).toBe(sim.dataset.wrapupCodes.find((w) => w.id === row.wrapUpCodeId)?.name);
    }
    expect(result.totals!.share).toBeCloseTo(1, 12);
  });

  it('ids the reference lists never had are named as unknown, not shown as GUIDs', () => {
    sim.cache.db.prepare("DELETE FROM reference_items WHERE kind = 'queue' AND id = ?").run(sim.dataset.queues[0]!.id);
    try {
      const queues = page('queue-performance', { granularity: 'total' });
      const lost = queues.rows.find((row) => row.queueId === sim.dataset.queues[0]!.id)!;
      expect(lost.queue).toBe(`Unknown queue (${sim.dataset.queues[0]!.id!.slice(0, 8)}…)`);
    } finally {
      sim.cache.putReference(CONNECTION, 'queue', [sim.dataset.queues[0]!]);
    }
  });
});

describe('performance reports: intervals rolled up from the cached base buckets', () => {
  let sim: SimCache;
  afterAll(() => sim.dispose());
  beforeAll(() => {
    sim = new SimCache({ now: NOW, timeZone: ZONE, perDay: 400 });
  });

  it('agents who have left since keep their names', () => {
    const params = paramsFor('agent-performance', { from: '2024-02-12', to: '2024-02-14', granularity: 'total' });
    sim.fill(cached('agent-performance').plan(params));
    const result = cached('agent-performance').page(sim.cache, params, view());
    const deleted = sim.dataset.users.filter((user) => user.state === 'deleted');
    const shown = result.rows.filter((row) => deleted.some((user) => user.id === row.userId));
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(row.agent).toBe(deleted.find((user) => user.id === row.userId)?.name);
  });

  it('hours from half hours', () => {
    const params = paramsFor('queue-performance', { from: '2024-03-12', to: '2024-03-12', granularity: 'PT1H' });
    sim.fill(cached('queue-performance').plan(params));
    const result = cached('queue-performance').page(sim.cache, params, view());
    const start = searchDayStart('2024-03-12', ZONE);
    const facts = withMedia(factsBetween(sim.dataset, start, start + 86_400_000));
    // Chicago is a whole number of hours from UTC, so local hours are UTC hours.
    const truth = groupFacts(facts, (f) =>
      f.queueIds.map((q) => `${Math.floor(f.emitMs / 3_600_000) * 3_600_000}|${q}`),
    );
    expect(new Set(result.rows.map((row) => row.intervalStart)).size).toBeGreaterThan(12);
    for (const row of result.rows) {
      expect((row.intervalEnd as number) - (row.intervalStart as number)).toBe(3_600_000);
      expectKpis(
        row,
        kpisOf(truth.get(`${String(row.intervalStart)}|${String(row.queueId)}`)!),
        String(row.intervalStart),
      );
    }
  });

  it('calendar weeks (Monday first) and months, cut to the range', () => {
    const from = '2024-02-21'; // a Wednesday
    const to = '2024-03-12';
    for (const granularity of ['P7D', 'P1M'] as const) {
      const params = paramsFor('queue-performance', { from, to, granularity });
      sim.fill(cached('queue-performance').plan(params));
      const result = cached('queue-performance').page(sim.cache, params, view());
      const start = searchDayStart(from, ZONE);
      const facts = withMedia(factsBetween(sim.dataset, start, searchDayStart(nextDate(to), ZONE)));
      const periodOf = (day: string): string => {
        if (granularity === 'P1M') return day.slice(0, 7) === from.slice(0, 7) ? from : `${day.slice(0, 7)}-01`;
        const date = new Date(`${day}T00:00:00Z`);
        const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
        return monday < from ? from : monday;
      };
      const truth = groupFacts(facts, (f) => f.queueIds.map((q) => `${periodOf(localDate(f.emitMs, ZONE))}|${q}`));
      const periods = new Set<string>();
      for (const row of result.rows) {
        const period = localDate(row.intervalStart as number, ZONE);
        periods.add(period);
        expect(row.intervalStart).toBe(searchDayStart(period, ZONE));
        expectKpis(row, kpisOf(truth.get(`${period}|${String(row.queueId)}`)!), `${granularity} ${period}`);
      }
      expect([...periods].sort()).toEqual(
        granularity === 'P1M' ? ['2024-02-21', '2024-03-01'] : ['2024-02-21', '2024-02-26', '2024-03-04', '2024-03-11'],
      );
    }
  });
});
