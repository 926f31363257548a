/**
 * Validation of `ConversationAggregationQuery` (fact sheet §6.1) into a plan
 * the aggregator can run without re-checking anything.
 */
import type { SessionContext } from './dimensions';
import { contextDimension } from './dimensions';
import { type Interval, parseInterval } from './interval';
import { type Period, parsePeriod } from './period';
import { type Matcher, type PredicateFamily, compileFilter } from './predicates';
import {
  badRequest,
  canonicalJson,
  checkEnum,
  optionalArray,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalNumber,
  optionalString,
  rejectUnknownFields,
  requireBody,
  requireRecord,
  requireString,
} from './validation';
import {
  AGGREGATE_FILTER_DIMENSIONS,
  AGGREGATE_GROUP_BY,
  AGGREGATE_METRICS,
  ALTERNATE_TIME_DIMENSIONS,
  QUERY_TYPES,
  SORT_FUNCTIONS,
  VIEW_FUNCTIONS,
} from './vocabulary';
import { isKnownTimeZone } from './zoned-time';

const FIELDS = [
  'interval',
  'granularity',
  'timeZone',
  'groupBy',
  'filter',
  'metrics',
  'flattenMultivaluedDimensions',
  'views',
  'alternateTimeDimension',
  'queryType',
  'sortMetric',
  'limit',
];

export interface ViewPlan {
  readonly name: string;
  readonly target: string;
  readonly gte: number | undefined;
  readonly lt: number | undefined;
}

export interface AggregatePlan {
  readonly interval: Interval;
  readonly granularity: Period | undefined;
  readonly timeZone: string;
  readonly groupBy: readonly string[];
  readonly filter: Matcher<SessionContext> | undefined;
  readonly metrics: readonly string[];
  readonly flatten: boolean;
  readonly views: readonly ViewPlan[];
  readonly queryType: string;
  readonly sort: { readonly metric: string; readonly fn: string } | undefined;
  readonly limit: number | undefined;
  /** Identifies how sessions are placed in groups (groupBy, flatten, filter): placements are reused across queries by it. */
  readonly placementKey: string;
}

const FILTER_FAMILY: PredicateFamily<SessionContext> = {
  dimensions: AGGREGATE_FILTER_DIMENSIONS,
  readDimension: contextDimension,
};

function stringList(list: unknown[], path: string, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  list.forEach((item, i) => {
    if (typeof item !== 'string') throw badRequest(`${path}[${i}] must be a string`);
    checkEnum(item, allowed, `${path}[${i}]`);
    if (out.includes(item)) throw badRequest(`${path} lists '${item}' twice`);
    out.push(item);
  });
  return out;
}

function parseViews(list: unknown[], metrics: readonly string[]): ViewPlan[] {
  const views: ViewPlan[] = [];
  list.forEach((raw, i) => {
    const path = `views[${i}]`;
    const view = requireRecord(raw, path);
    rejectUnknownFields(view, ['target', 'name', 'function', 'range'], path);
    const target = checkEnum(requireString(view, 'target', `${path}.target`), AGGREGATE_METRICS, `${path}.target`);
    const name = requireString(view, 'name', `${path}.name`);
    checkEnum(requireString(view, 'function', `${path}.function`), VIEW_FUNCTIONS, `${path}.function`);
    // The name labels the result next to metrics, so it must not collide with one (SDK model docs).
    if (AGGREGATE_METRICS.has(name) || metrics.includes(name) || views.some((v) => v.name === name)) {
      throw badRequest(`${path}.name '${name}' must be unique and not a metric name`);
    }
    const range = view.range === undefined ? {} : requireRecord(view.range, `${path}.range`);
    rejectUnknownFields(range, ['gte', 'lt'], `${path}.range`);
    views.push({
      name,
      target,
      gte: optionalNumber(range, 'gte', `${path}.range.gte`),
      lt: optionalNumber(range, 'lt', `${path}.range.lt`),
    });
  });
  return views;
}

export function parseAggregateQuery(query: unknown): AggregatePlan {
  const body = requireBody(query, FIELDS);
  const interval = parseInterval(body.interval);

  const granularityText = optionalString(body, 'granularity', 'granularity');
  const granularity = granularityText === undefined ? undefined : parsePeriod(granularityText);
  if (granularityText !== undefined && !granularity) {
    throw badRequest(
      `Invalid granularity '${granularityText}': expected a positive ISO-8601 period such as PT15M, PT30M, PT1H, P1D, P7D or P1M`,
    );
  }

  const timeZone = optionalString(body, 'timeZone', 'timeZone') ?? 'UTC';
  if (!isKnownTimeZone(timeZone)) throw badRequest(`Invalid timeZone '${timeZone}': not an IANA time zone id`);

  const groupBy = stringList(optionalArray(body, 'groupBy', 'groupBy') ?? [], 'groupBy', AGGREGATE_GROUP_BY);
  const filter =
    body.filter === undefined || body.filter === null ? undefined : compileFilter(body.filter, 'filter', FILTER_FAMILY);

  const metricList = optionalArray(body, 'metrics', 'metrics');
  if (!metricList || metricList.length === 0) throw badRequest('metrics is required and must list at least one metric');
  const metrics = stringList(metricList, 'metrics', AGGREGATE_METRICS);

  const flatten = optionalBoolean(body, 'flattenMultivaluedDimensions', 'flattenMultivaluedDimensions') ?? false;
  const views = parseViews(optionalArray(body, 'views', 'views') ?? [], metrics);
  // The simulator attributes every metric to its emitDate, which is already the event time.
  optionalEnum(body, 'alternateTimeDimension', ALTERNATE_TIME_DIMENSIONS, 'alternateTimeDimension');

  const queryType = optionalEnum(body, 'queryType', QUERY_TYPES, 'queryType') ?? 'groupBy';
  const limit = optionalInteger(body, 'limit', 'limit');
  if (limit !== undefined && limit < 1) throw badRequest(`limit must be 1 or more, got ${limit}`);
  let sort: AggregatePlan['sort'];
  if (body.sortMetric !== undefined && body.sortMetric !== null) {
    const sortMetric = requireRecord(body.sortMetric, 'sortMetric');
    rejectUnknownFields(sortMetric, ['name', 'function'], 'sortMetric');
    const metric = requireString(sortMetric, 'name', 'sortMetric.name');
    if (!metrics.includes(metric)) throw badRequest(`sortMetric.name '${metric}' must be one of the queried metrics`);
    const fn = checkEnum(
      requireString(sortMetric, 'function', 'sortMetric.function'),
      SORT_FUNCTIONS,
      'sortMetric.function',
    );
    sort = { metric, fn };
  }
  if (queryType !== 'groupBy') {
    if (groupBy.length === 0) throw badRequest(`queryType '${queryType}' needs at least one groupBy dimension`);
    if (limit === undefined) throw badRequest(`queryType '${queryType}' needs a limit`);
    if (!sort) {
      if (metrics.length > 1) throw badRequest(`queryType '${queryType}' with several metrics needs a sortMetric`);
      sort = { metric: metrics[0] ?? '', fn: 'count' };
    }
  }

  const placementKey = canonicalJson({ groupBy, flatten, filter: body.filter });
  return {
    interval,
    granularity,
    timeZone,
    groupBy,
    filter,
    metrics,
    flatten,
    views,
    queryType,
    sort,
    limit,
    placementKey,
  };
}
