import { describe, expect, it } from 'vitest';
import { reportDefinition, REPORTS } from '../../../main/reports/index';
import { reportParamsSchema, type ReportParams } from '../../../preload/contract/report-params';
import type { ReportId } from '../../../preload/contract/reports';
import { nextDate, searchDayStart } from './support/ground-truth';

const params = (overrides: Partial<ReportParams> & { report: ReportId }): ReportParams =>
  reportParamsSchema.parse({
    connectionId: 'demo',
    from: '2024-03-09',
    to: '2024-03-11',
    timeZone: 'America/Chicago',
    ...overrides,
  });

/**
 * Days whose length is not 24 hours, or whose midnight is skipped or repeated. Each boundary is checked
 * against a bisection over Intl's calendar, not against hand-written offsets.
 */
const DAYS: [zone: string, day: string, hours: number][] = [
  ['America/Chicago', '2024-03-10', 23],
  ['America/Chicago', '2024-11-03', 25],
  ['Europe/London', '2024-03-31', 23],
  ['Europe/London', '2024-10-27', 25],
  ['Australia/Lord_Howe', '2024-04-07', 24.5],
  ['America/Santiago', '2024-09-08', 23], // clocks jump at 00:00: the day starts at 01:00
  ['Asia/Beirut', '2024-03-31', 23],
  ['America/Havana', '2024-11-03', 25], // 01:00 back to 00:00: midnight happens twice, the first one counts
  ['Asia/Kathmandu', '2024-06-01', 24],
  ['UTC', '2024-02-29', 24],
];

describe('plan(): the range as local days, DST-correct', () => {
  it.each(DAYS)('%s %s lasts %s hours', (zone, day, hours) => {
    for (const report of REPORTS) {
      const spec = report.plan(params({ report: report.id, from: day, to: day, timeZone: zone }));
      expect(spec.start).toBe(searchDayStart(day, zone));
      expect(spec.end).toBe(searchDayStart(nextDate(day), zone));
      expect((spec.end - spec.start) / 3_600_000).toBe(hours);
    }
  });

  it('covers from the first day’s start to the end of the last day, both inclusive', () => {
    const spec = reportDefinition('interactions').plan(
      params({ report: 'interactions', from: '2024-10-26', to: '2024-10-28', timeZone: 'Europe/London' }),
    );
    expect(spec.start).toBe(searchDayStart('2024-10-26', 'Europe/London'));
    expect(spec.end).toBe(searchDayStart('2024-10-29', 'Europe/London'));
    expect((spec.end - spec.start) / 3_600_000).toBe(73);
  });
});

describe('plan(): unfiltered fetches that serve any later selection offline', () => {
  const selections: Partial<ReportParams>[] = [
    {},
    { filters: { queueIds: ['q1', 'q2'], mediaTypes: ['voice'], userIds: ['u1'], wrapupCodeIds: ['w1'] } },
    { filters: { directions: ['inbound'], divisionIds: ['d1'] } },
    { conditions: { match: 'any', rules: [{ field: 'talk', op: 'gt', value: 600_000 }] } },
  ];

  it.each(REPORTS.map((report) => report.id))('%s: the same fetch whatever the filters', (id) => {
    const specs = selections.map((selection) => {
      const { params: _params, ...spec } = reportDefinition(id).plan(params({ report: id, ...selection }));
      return spec;
    });
    for (const spec of specs) expect(spec).toEqual(specs[0]);
    for (const query of specs[0]!.aggregates) expect(query.filter).toBeUndefined();
  });

  it('interactions fetch every conversation of the range and every name list', () => {
    const spec = reportDefinition('interactions').plan(params({ report: 'interactions' }), { refresh: true });
    expect(spec).toMatchObject({ details: true, aggregates: [], refresh: true, connectionId: 'demo' });
    expect([...spec.reference].sort()).toEqual(['division', 'queue', 'user', 'wrapupCode']);
  });

  it.each([
    ['queue-performance', 'queueId', ['nOffered', 'tAnswered', 'tAbandon', 'oServiceLevel', 'tHandle', 'nTransferred']],
    ['agent-performance', 'userId', ['tAnswered', 'tHandle', 'tTalk', 'tHeld', 'tAcw', 'nTransferred']],
    ['wrapup-performance', 'wrapUpCode', ['tHandle', 'tTalk', 'tAcw']],
  ] as const)('%s groups by %s and media, with the metrics its KPIs need', (id, dimension, metrics) => {
    const spec = reportDefinition(id).plan(params({ report: id, granularity: 'P7D', timeZone: 'Europe/Berlin' }));
    expect(spec.details).toBe(false);
    expect(spec.aggregates.length).toBeGreaterThan(0);
    for (const query of spec.aggregates) {
      expect(query.groupBy?.[0]).toBe(dimension);
      expect(query.groupBy).toContain('mediaType');
      expect(query.timeZone).toBe('Europe/Berlin');
      expect(query.metrics).toEqual(expect.arrayContaining([...metrics]));
    }
    // Agents and wrap-ups are also fetched per queue, so a queue filter can apply offline.
    if (dimension !== 'queueId') expect(spec.aggregates.some((query) => query.groupBy?.includes('queueId'))).toBe(true);
  });

  it('fetches half hours for hourly intervals and days for everything coarser', () => {
    const granularityOf = (granularity: ReportParams['granularity']) =>
      reportDefinition('queue-performance').plan(params({ report: 'queue-performance', granularity })).aggregates[0]
        ?.granularity;
    expect(['PT30M', 'PT1H'].map((g) => granularityOf(g as ReportParams['granularity']))).toEqual(['PT30M', 'PT30M']);
    expect(['P1D', 'P7D', 'P1M', 'total'].map((g) => granularityOf(g as ReportParams['granularity']))).toEqual([
      'P1D',
      'P1D',
      'P1D',
      'P1D',
    ]);
  });

  it('live queues only need the queue list cached', () => {
    const spec = reportDefinition('live-queues').plan(params({ report: 'live-queues' }));
    expect(spec).toMatchObject({ details: false, aggregates: [], reference: ['queue'] });
  });
});
