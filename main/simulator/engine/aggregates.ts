/**
 * POST /api/v2/analytics/conversations/aggregates/query (fact sheet §6).
 *
 * Aggregates are computed from the very session metrics the details query
 * returns, so the two always agree. Rules taken from the fact sheet:
 * - every metric counts in the bucket holding its own `emitDate` (tAnswered
 *   when answered, tHandle when ACW ends, nOffered on entering the queue),
 *   not in the bucket of the conversation start; the interval filters metric
 *   timestamps, so conversations that started before it still contribute;
 * - buckets and groups without data are omitted; a metric without data in a
 *   bucket is absent from it;
 * - a metric whose session has no value for a groupBy dimension is dropped
 *   (nOffered, on the queue session, when grouping by userId);
 * - a multi-valued dimension puts the metric in each value's group, or in one
 *   "a,b" group with `flattenMultivaluedDimensions`.
 * Group order (sorted by group values) and bucket order (chronological) are
 * the simulator's choice: Genesys documents neither.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { Conversation, OrgDataset } from '../model';
import { type AggregatePlan, type ViewPlan, parseAggregateQuery } from './aggregate-request';
import { type Buckets, bucketIndex, bucketInterval, buildBuckets } from './buckets';
import { type DimensionReader, type SessionContext, contextDimension } from './dimensions';
import { type MetricFact, type Session, factsOf } from './facts';
import { ValueStats, rankValue, summarize } from './metric-stats';
import { MAX_CONVERSATION_SPAN_MS } from './selection';
import { SERVICE_LEVEL_INPUTS, ServiceLevelStats, serviceLevelTargets } from './service-level';

/**
 * Where each session's metrics go, per query shape (groupBy + filter), kept
 * across queries: dashboards repeat the same shape over and over, and placing
 * a session (reading its dimensions, running the filter) is most of the cost.
 * Weakly keyed, so sessions of days the generator drops are released. A live
 * conversation's sessions are new objects at each now(), so they never go stale.
 */
const placements = new WeakMap<Session, Map<string, Placement>>();

class BucketData {
  readonly values = new Map<string, ValueStats>();
  readonly serviceLevel = new ServiceLevelStats();
  readonly views = new Map<string, number>();

  stats(metric: string): ValueStats {
    let stats = this.values.get(metric);
    if (!stats) {
      stats = new ValueStats();
      this.values.set(metric, stats);
    }
    return stats;
  }
}

interface GroupData {
  readonly group: Record<string, string>;
  readonly buckets: Map<number, BucketData>;
}

/** A group a session's metrics count in: its groupBy values and their joined key. */
interface Slot {
  readonly key: string;
  readonly values: readonly string[];
}

/** The groups a session's metrics count in; empty when filtered out or a groupBy dimension has no value. */
type Placement = readonly Slot[];

const SEPARATOR = '\u0001';
const NO_GROUPS: Placement = [];
const WHOLE: Placement = [{ key: '', values: [] }];

/**
 * Cartesian product of the session's values for each groupBy dimension. Runs
 * once per session, so the common case (every dimension single-valued)
 * allocates one small array and no group objects.
 */
function placementOf(ctx: SessionContext, readers: DimensionReader<SessionContext>[], flatten: boolean): Placement {
  if (readers.length === 0) return WHOLE;
  let tuples: string[][] = [[]];
  for (const read of readers) {
    let values = read(ctx);
    if (values.length === 0) return NO_GROUPS;
    if (flatten && values.length > 1) values = [[...values].sort().join(',')];
    if (values.length === 1) {
      const value = values[0] ?? '';
      for (const tuple of tuples) tuple.push(value);
    } else {
      tuples = tuples.flatMap((tuple) => values.map((value) => [...tuple, value]));
    }
  }
  return tuples.map((tuple) => ({ key: tuple.join(SEPARATOR), values: tuple }));
}

interface MetricUse {
  asValue: boolean;
  asServiceLevel: boolean;
  views: ViewPlan[];
}

/** The session metric names the query reads, and what each feeds (a value, the service level, views). */
function metricUses(plan: AggregatePlan): Map<string, MetricUse> {
  const uses = new Map<string, MetricUse>();
  const use = (name: string): MetricUse => {
    let found = uses.get(name);
    if (!found) uses.set(name, (found = { asValue: false, asServiceLevel: false, views: [] }));
    return found;
  };
  for (const metric of plan.metrics) {
    if (metric === 'oServiceLevel' || metric === 'oServiceTarget') {
      for (const input of SERVICE_LEVEL_INPUTS) use(input).asServiceLevel = true;
    } else {
      use(metric).asValue = true;
    }
  }
  for (const view of plan.views) use(view.target).views.push(view);
  return uses;
}

function groupData(groups: Map<string, GroupData>, slot: Slot, dims: readonly string[]): GroupData {
  let group = groups.get(slot.key);
  if (!group) {
    const labels: Record<string, string> = {};
    dims.forEach((dim, i) => (labels[dim] = slot.values[i] ?? ''));
    group = { group: labels, buckets: new Map() };
    groups.set(slot.key, group);
  }
  return group;
}

function inView(view: ViewPlan, value: number): boolean {
  return (view.gte === undefined || value >= view.gte) && (view.lt === undefined || value < view.lt);
}

export class Aggregator {
  private readonly targetOf: (fact: MetricFact) => number | undefined;

  constructor(private readonly dataset: OrgDataset) {
    this.targetOf = serviceLevelTargets(dataset.queues);
  }

  run(query: unknown): Models.ConversationAggregateQueryResponse {
    const plan = parseAggregateQuery(query);
    const buckets = buildBuckets(plan.interval, plan.granularity, plan.timeZone);
    const groups = this.accumulate(plan, buckets);
    let ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
    if (plan.queryType !== 'groupBy') ordered = this.rank(ordered, plan);
    const results = ordered.map((g) => this.container(g, plan, buckets)).filter((c) => (c.data?.length ?? 0) > 0);
    return results.length === 0 ? {} : { results };
  }

  private accumulate(plan: AggregatePlan, buckets: Buckets): Map<string, GroupData> {
    const now = this.dataset.settings.now();
    const uses = [...metricUses(plan)];
    const readers = plan.groupBy.map(contextDimension);
    const groups = new Map<string, GroupData>();
    const placementFor = (conversation: Conversation, fact: MetricFact): Placement => {
      let bySignature = placements.get(fact.session);
      if (!bySignature) {
        bySignature = new Map();
        placements.set(fact.session, bySignature);
      }
      let placement = bySignature.get(plan.placementKey);
      if (!placement) {
        const ctx: SessionContext = { conversation, participant: fact.participant, session: fact.session };
        placement = plan.filter && !plan.filter(ctx) ? NO_GROUPS : placementOf(ctx, readers, plan.flatten);
        bySignature.set(plan.placementKey, placement);
      }
      return placement;
    };

    const from = plan.interval.startMs - MAX_CONVERSATION_SPAN_MS;
    const to = Math.min(plan.interval.endMs, now + 1);
    if (to <= from) return groups;
    for (const conversation of this.dataset.conversationsBetween(from, to)) {
      const facts = factsOf(conversation);
      // Metrics are emitted while a conversation lasts: one that ended before the interval has none in it.
      if (facts.endMs !== undefined && facts.endMs < plan.interval.startMs) continue;
      for (const [name, use] of uses) {
        for (const fact of facts.metricsNamed(name)) {
          if (fact.emitMs > now) continue;
          const index = bucketIndex(buckets, fact.emitMs);
          if (index < 0) continue;
          for (const slot of placementFor(conversation, fact)) {
            this.add(groupData(groups, slot, plan.groupBy), index, fact, use);
          }
        }
      }
    }
    return groups;
  }

  private add(group: GroupData, index: number, fact: MetricFact, use: MetricUse): void {
    let bucket = group.buckets.get(index);
    if (!bucket) {
      bucket = new BucketData();
      group.buckets.set(index, bucket);
    }
    if (use.asValue) bucket.stats(fact.name).add(fact.value);
    if (use.asServiceLevel) bucket.serviceLevel.add(fact, this.targetOf(fact));
    for (const view of use.views) {
      if (inView(view, fact.value)) bucket.views.set(view.name, (bucket.views.get(view.name) ?? 0) + 1);
    }
  }

  private container(g: GroupData, plan: AggregatePlan, buckets: Buckets): Models.ConversationAggregateDataContainer {
    const data: Models.StatisticalResponse[] = [];
    for (const index of [...g.buckets.keys()].sort((a, b) => a - b)) {
      const bucket = g.buckets.get(index);
      if (!bucket) continue;
      const metrics: Models.AggregateMetricData[] = [];
      for (const metric of plan.metrics) {
        let stats: Models.StatisticalSummary | undefined;
        if (metric === 'oServiceLevel') stats = bucket.serviceLevel.serviceLevel();
        else if (metric === 'oServiceTarget') stats = bucket.serviceLevel.serviceTarget();
        else {
          const values = bucket.values.get(metric);
          stats = values ? summarize(metric, values) : undefined;
        }
        if (stats) metrics.push({ metric, stats });
      }
      const views = plan.views
        .filter((v) => bucket.views.has(v.name))
        .map((v) => ({ name: v.name, stats: { count: bucket.views.get(v.name) ?? 0 } }));
      if (metrics.length === 0 && views.length === 0) continue;
      data.push({ interval: bucketInterval(buckets, index), metrics, ...(views.length > 0 ? { views } : {}) });
    }
    return { group: g.group, data };
  }

  /** topN / bottomN: rank groups by the sort metric over the whole interval and keep `limit` of them. */
  private rank(groups: GroupData[], plan: AggregatePlan): GroupData[] {
    const sort = plan.sort;
    if (!sort) return groups;
    const scored = groups.map((g) => {
      let score: number | undefined;
      if (sort.metric === 'oServiceLevel' || sort.metric === 'oServiceTarget') {
        const total = new ServiceLevelStats();
        for (const b of g.buckets.values()) {
          const sl = b.serviceLevel;
          total.answered += sl.answered;
          total.overSla += sl.overSla;
          total.abandoned += sl.abandoned;
          total.shortAbandoned += sl.shortAbandoned;
          sl.targets.forEach((t) => total.targets.add(t));
        }
        const summary = sort.metric === 'oServiceLevel' ? total.serviceLevel() : total.serviceTarget();
        score = sort.metric === 'oServiceLevel' ? summary?.ratio : summary?.target;
      } else {
        const total = new ValueStats();
        for (const b of g.buckets.values()) {
          const stats = b.values.get(sort.metric);
          if (stats) total.merge(stats);
        }
        score = total.count === 0 ? undefined : rankValue(sort.metric, total, sort.fn);
      }
      return { g, score };
    });
    const descending = plan.queryType === 'topN';
    scored.sort((a, b) => {
      if (a.score === b.score) return 0;
      if (a.score === undefined) return 1;
      if (b.score === undefined) return -1;
      return descending ? b.score - a.score : a.score - b.score;
    });
    return scored.slice(0, plan.limit).map((s) => s.g);
  }
}
