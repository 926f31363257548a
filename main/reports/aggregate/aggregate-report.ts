import type { Models } from 'purecloud-platform-client-v2';
import { aggregateQueryKey, aggregatesDataset, type CacheReader, type ReferenceKind } from '../../cache';
import { canonicalJson } from '../../cache/canonical-json';
import type { GridView, ReportParams } from '../../../preload/contract/report-params';
import type { ReportFiltersLike } from '../../../preload/contract/report-filter-keys';
import { GRANULARITIES, type ReferenceList, type ReportId, type ReportRow } from '../../../preload/contract/reports';
import type { ReportPage } from '../../../preload/contract/workspace-types';
import { applyView, pageOf, viewSignature, type MemoryRow } from '../memory-view';
import { NameBook } from '../names';
import type { CachedReportDefinition, DefinedColumn, PlanContext } from '../types';
import { dayRange } from '../zoned-calendar';
import { metricsOf, type KpiColumn } from './kpis';
import { MetricIndex, MetricSums, ratio } from './metric-sums';
import { BASE_GRANULARITY, RowIntervals, type Span } from './row-intervals';
import { RowsMemo } from './rows-memo';

type AggregateQuery = Omit<Models.ConversationAggregationQuery, 'interval'>;

/** What a performance report is about: one row per interval and per queue, agent or wrap-up code. */
export interface Subject {
  /** The aggregate groupBy dimension that names the row's subject. */
  dimension: 'queueId' | 'userId' | 'wrapUpCode';
  kind: ReferenceKind & ReferenceList;
  name: { id: string; header: string; description: string };
  id: { id: string; header: string };
}

export interface AggregateReportSpec {
  id: ReportId;
  name: string;
  description: string;
  subject: Subject;
  kpis: readonly KpiColumn[];
  /** A column giving each row's share of a count KPI within its interval (e.g. wrap-up share of handled). */
  share?: { id: string; header: string; description: string; of: KpiColumn };
  filters: readonly ReportFiltersLike[];
  reference: ReferenceKind[];
}

/** Which group dimension each form filter is checked against (filters not listed have no dimension here). */
const FILTER_DIMENSIONS: Partial<Record<ReportFiltersLike, string>> = {
  queueIds: 'queueId',
  userIds: 'userId',
  wrapupCodeIds: 'wrapUpCode',
  mediaTypes: 'mediaType',
};

interface Bucket {
  span: Span;
  subjectId: string;
  sums: MetricSums;
}

interface RowData {
  sums: MetricSums;
  /** The row's interval start and the share KPI's count over the whole interval (before column filters). */
  intervalStart: number;
  shareWhole: number;
}

const intervalColumns: DefinedColumn[] = [
  {
    id: 'intervalStart',
    header: 'Interval',
    description: 'Start of the interval, in the report’s time zone.',
    format: 'datetime',
    defaultVisible: true,
    sortable: true,
    filter: 'date',
    total: 'none',
  },
  {
    id: 'intervalEnd',
    header: 'Interval end',
    description: 'End of the interval (exclusive).',
    format: 'datetime',
    defaultVisible: false,
    sortable: true,
    total: 'none',
  },
];

/**
 * A performance report over cached aggregates. The fetch asks Genesys for the KPIs' metrics grouped by the
 * subject and media type — and, when a queue filter can apply, also by queue — with no filter, at a base
 * granularity (row-intervals.ts). Rows are computed here from the cached buckets: small (subjects × buckets),
 * filtered, rolled up, sorted and paged in main.
 */
export function aggregateReport(spec: AggregateReportSpec): CachedReportDefinition {
  const { subject } = spec;
  const metrics = new MetricIndex(metricsOf(spec.kpis));
  const memo = new RowsMemo<MemoryRow<RowData>[]>();
  const splitsByQueue = subject.dimension !== 'queueId' && spec.filters.includes('queueIds');
  const groupings: string[][] = [[subject.dimension, 'mediaType']];
  if (splitsByQueue) groupings.push([subject.dimension, 'queueId', 'mediaType']);

  const queryFor = (params: ReportParams, grouping: string[]): AggregateQuery => ({
    granularity: BASE_GRANULARITY[params.granularity],
    timeZone: params.timeZone,
    groupBy: grouping,
    metrics: [...metrics.metrics],
  });
  const keyOf = (query: AggregateQuery): string => aggregateQueryKey({ ...query, interval: '' });
  const applicable = (params: ReportParams): [ReportFiltersLike, readonly string[]][] =>
    spec.filters
      .map((key): [ReportFiltersLike, readonly string[] | undefined] => [key, params.filters[key]])
      .filter((entry): entry is [ReportFiltersLike, readonly string[]] => (entry[1]?.length ?? 0) > 0);
  /** The cached query that answers these parameters: by queue only when a queue filter asks for it. */
  const sourceQuery = (params: ReportParams): AggregateQuery => {
    const byQueue = splitsByQueue && (params.filters.queueIds?.length ?? 0) > 0;
    return queryFor(params, groupings[byQueue ? 1 : 0] ?? []);
  };

  const columns: DefinedColumn[] = [
    ...intervalColumns,
    {
      ...subject.name,
      format: 'text',
      defaultVisible: true,
      sortable: true,
      filter: 'set',
      options: { kind: 'reference', list: subject.kind },
      setKey: subject.id.id,
      total: 'label',
    },
    { ...subject.id, format: 'id', defaultVisible: false, sortable: true, filter: 'text', total: 'none' },
    ...spec.kpis,
    ...(spec.share === undefined
      ? []
      : [
          {
            id: spec.share.id,
            header: spec.share.header,
            description: spec.share.description,
            format: 'percent' as const,
            defaultVisible: true,
            sortable: true,
            filter: 'number' as const,
            total: 'ratio' as const,
          },
        ]),
  ];

  function buckets(reader: CacheReader, params: ReportParams): Map<string, Bucket> {
    const range = dayRange(params.from, params.to, params.timeZone);
    const checks = applicable(params)
      .map(([key, values]) => [FILTER_DIMENSIONS[key], new Set(values)] as const)
      .filter((check): check is readonly [string, Set<string>] => check[0] !== undefined);
    const intervals = new RowIntervals(params.granularity, params.timeZone, range);
    const out = new Map<string, Bucket>();
    const stored = reader.aggregates(params.connectionId, keyOf(sourceQuery(params)), range.start, range.end);
    for (const bucket of stored) {
      const subjectId = bucket.group[subject.dimension];
      if (subjectId === undefined || subjectId === '') continue;
      if (!checks.every(([dimension, allowed]) => allowed.has(bucket.group[dimension] ?? ''))) continue;
      const span = intervals.of({ start: bucket.bucketStart, end: bucket.bucketEnd });
      const key = `${span.start}\u0001${subjectId}`;
      let row = out.get(key);
      if (row === undefined) out.set(key, (row = { span, subjectId, sums: new MetricSums(metrics) }));
      row.sums.add(bucket.metrics);
    }
    return out;
  }

  /** Every row for the parameters, in the report's natural order (interval, then name). */
  function computeRows(reader: CacheReader, params: ReportParams): MemoryRow<RowData>[] {
    const grouped = [...buckets(reader, params).values()];
    const names = new NameBook(reader, params.connectionId).load(
      subject.kind,
      grouped.map((bucket) => bucket.subjectId),
    );
    const wholes = new Map<number, number>();
    if (spec.share !== undefined) {
      const metric = spec.share.of;
      for (const bucket of grouped) {
        wholes.set(bucket.span.start, (wholes.get(bucket.span.start) ?? 0) + (metric.value(bucket.sums) ?? 0));
      }
    }
    const rows = grouped.map((bucket): MemoryRow<RowData> => {
      const values: ReportRow = {
        intervalStart: bucket.span.start,
        intervalEnd: bucket.span.end,
        [subject.name.id]: names.name(subject.kind, bucket.subjectId),
        [subject.id.id]: bucket.subjectId,
      };
      for (const kpi of spec.kpis) values[kpi.id] = kpi.value(bucket.sums);
      const shareWhole = wholes.get(bucket.span.start) ?? 0;
      if (spec.share !== undefined) values[spec.share.id] = ratio(spec.share.of.value(bucket.sums) ?? 0, shareWhole);
      return { values, data: { sums: bucket.sums, intervalStart: bucket.span.start, shareWhole } };
    });
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    return rows.sort(
      (a, b) =>
        a.data.intervalStart - b.data.intervalStart ||
        collator.compare(String(a.values[subject.name.id]), String(b.values[subject.name.id])) ||
        String(a.values[subject.id.id]).localeCompare(String(b.values[subject.id.id])),
    );
  }

  /** Counts summed, ratios recomputed from the summed parts of exactly the rows the view shows. */
  function totalsOf(rows: readonly MemoryRow<RowData>[]): ReportRow {
    const all = new MetricSums(metrics);
    const wholes = new Map<number, number>();
    for (const row of rows) {
      all.merge(row.data.sums);
      wholes.set(row.data.intervalStart, row.data.shareWhole);
    }
    const totals: ReportRow = {
      intervalStart: null,
      intervalEnd: null,
      [subject.name.id]: 'Total',
      [subject.id.id]: null,
    };
    for (const kpi of spec.kpis) totals[kpi.id] = kpi.value(all);
    if (spec.share !== undefined) {
      const whole = [...wholes.values()].reduce((sum, value) => sum + value, 0);
      totals[spec.share.id] = ratio(spec.share.of.value(all) ?? 0, whole);
    }
    return totals;
  }

  /**
   * The cache state the rows depend on: the coverage of their data and of the names, plus the latest runs'
   * progress — coverage alone can stay the same after a refresh (pieces fetched minutes apart merge and keep
   * the earlier fetch time), while every committed page moves a run's counters.
   */
  function fingerprint(reader: CacheReader, params: ReportParams): string {
    const { start, end } = dayRange(params.from, params.to, params.timeZone);
    const dataset = aggregatesDataset(keyOf(sourceQuery(params)));
    const runs = reader
      .recentRuns(params.connectionId, 3)
      .map((run) => [run.id, run.state, run.pages, run.chunksDone, run.updatedAt]);
    return canonicalJson([
      reader.coverage(params.connectionId, dataset, start, end),
      reader.coverage(params.connectionId, `reference:${subject.kind}`, 0, Number.MAX_SAFE_INTEGER),
      runs,
    ]);
  }

  function viewed(reader: CacheReader, params: ReportParams, view: GridView): MemoryRow<RowData>[] {
    const key = canonicalJson({ params, state: fingerprint(reader, params) });
    return applyView(
      memo.get(reader, key, () => computeRows(reader, params)),
      columns,
      view,
    );
  }

  return {
    kind: 'cached',
    id: spec.id,
    name: spec.name,
    description: spec.description,
    columns,
    granularities: GRANULARITIES,
    defaultGranularity: 'P1D',
    filters: spec.filters,
    conditionFields: [],
    defaultSort: { column: 'intervalStart', direction: 'asc' },
    hasTotals: true,

    plan(params: ReportParams, context: PlanContext = {}) {
      const { start, end } = dayRange(params.from, params.to, params.timeZone);
      return {
        connectionId: params.connectionId,
        report: spec.id,
        params,
        start,
        end,
        details: false,
        aggregates: groupings.map((grouping) => queryFor(params, grouping)),
        reference: spec.reference,
        refresh: context.refresh ?? false,
        timeZone: params.timeZone,
      };
    },

    datasets: (params) => [aggregatesDataset(keyOf(sourceQuery(params)))],

    page(reader, params, view): ReportPage {
      const rows = viewed(reader, params, view);
      const page = pageOf(rows, view.page, viewSignature(params, view));
      return {
        rows: page.rows.map((row) => row.values),
        total: rows.length,
        totals: totalsOf(rows),
        nextCursor: page.nextCursor,
      };
    },

    *rows(reader, params, view) {
      for (const row of viewed(reader, params, view)) yield row.values;
    },
  };
}
