/**
 * Checks a cache file against the simulator's own answers: for every report run, the conversation ids of its
 * range, every aggregate bucket of its queries and every reference list. Expected values come from the
 * simulator's dataset and engine (never from the app), memoised because many connections ask the same ranges.
 */
import { isDeepStrictEqual } from 'node:util';
import { openCache, type Cache, type ReferenceKind } from '../../main/cache/index';
import { reportDefinition } from '../../main/reports/index';
import type { RunningSimulator } from '../../main/simulator/server/index';
import { aggregateKeyOf } from '../../main/sync/aggregates-plan';
import { bucketMap, truthBuckets, type AggregateQuery } from '../main/sync/support/sync-fixture';
import type { SoakRun } from './soak-plan';

export interface CacheVerdict {
  conversations: number;
  buckets: number;
  referenceItems: number;
  /** One line per report run whose cached data differ from the simulator's, saying what differs. */
  mismatches: string[];
  /** `PRAGMA integrity_check` of the file. */
  integrity: string;
}

export class GroundTruth {
  private readonly ids = new Map<string, string[]>();
  private readonly buckets = new Map<string, Map<string, unknown>>();

  constructor(private readonly sim: RunningSimulator) {}

  conversationIds(start: number, end: number): string[] {
    const key = `${start}/${end}`;
    let ids = this.ids.get(key);
    if (!ids) {
      ids = [...this.sim.dataset.conversationsBetween(start, end)].map((c) => c.conversationId ?? '').sort();
      this.ids.set(key, ids);
    }
    return ids;
  }

  bucketsOf(query: AggregateQuery, start: number, end: number): Map<string, unknown> {
    const key = `${aggregateKeyOf(query)}/${start}/${end}`;
    let buckets = this.buckets.get(key);
    if (!buckets) {
      buckets = truthBuckets(this.sim, query, start, end);
      this.buckets.set(key, buckets);
    }
    return buckets;
  }

  referenceIds(kind: ReferenceKind): string[] {
    const { dataset } = this.sim;
    const lists = {
      queue: dataset.queues,
      user: dataset.users,
      wrapupCode: dataset.wrapupCodes,
      division: dataset.divisions,
    };
    return lists[kind].map((item) => item.id ?? '').sort();
  }
}

/** Cached conversation ids of one connection with a start in [start, end). */
export function cachedConversationIds(cache: Cache, connectionId: string, start: number, end: number): string[] {
  const rows = cache.db
    .prepare(
      `SELECT c.conversation_id AS id FROM conversations c JOIN connections k ON k.conn = c.conn
        WHERE k.connection_id = ? AND c.start_ms >= ? AND c.start_ms < ? ORDER BY c.conversation_id`,
    )
    .all(connectionId, start, end) as { id: string }[];
  return rows.map((row) => row.id);
}

function difference(label: string, cached: readonly string[], truth: readonly string[]): string {
  const have = new Set(cached);
  const want = new Set(truth);
  const missing = truth.filter((id) => !have.has(id)).length;
  const extra = cached.filter((id) => !want.has(id)).length;
  return `${label}: ${missing} missing, ${extra} extra (of ${truth.length})`;
}

/** Compares every run's data in one cache file with the truth. Opens the file as the app would, then closes it. */
export function verifyCache(
  file: string,
  runs: readonly SoakRun[],
  truth: GroundTruth,
  now: () => number,
): CacheVerdict {
  const cache = openCache({ file, now });
  const verdict: CacheVerdict = { conversations: 0, buckets: 0, referenceItems: 0, mismatches: [], integrity: '' };
  try {
    verdict.integrity = String(cache.db.pragma('integrity_check', { simple: true }));
    for (const run of runs) {
      const definition = reportDefinition(run.params.report);
      if (definition.kind === 'live') continue;
      const spec = definition.plan(run.params);
      const connection = run.params.connectionId;
      if (spec.details) {
        const cached = cachedConversationIds(cache, connection, spec.start, spec.end);
        const expected = truth.conversationIds(spec.start, spec.end);
        verdict.conversations += expected.length;
        if (!isDeepStrictEqual(cached, expected))
          verdict.mismatches.push(difference(`${run.id} conversations`, cached, expected));
      }
      for (const query of spec.aggregates) {
        const cached = bucketMap(cache.aggregates(connection, aggregateKeyOf(query), spec.start, spec.end));
        const expected = truth.bucketsOf(query, spec.start, spec.end);
        verdict.buckets += expected.size;
        if (!isDeepStrictEqual(cached, expected)) {
          const wrong = [...expected].filter(([key, value]) => !isDeepStrictEqual(cached.get(key), value)).length;
          verdict.mismatches.push(
            `${run.id} buckets ${JSON.stringify(query.groupBy)}: ${wrong} wrong or missing, ${cached.size} cached, ${expected.size} expected`,
          );
        }
      }
      for (const kind of spec.reference) {
        const cached = cache
          .referenceItems(connection, kind)
          .map((item) => item.id)
          .sort();
        const expected = truth.referenceIds(kind);
        verdict.referenceItems += expected.length;
        if (!isDeepStrictEqual(cached, expected))
          verdict.mismatches.push(difference(`${run.id} ${kind} list`, cached, expected));
      }
    }
  } finally {
    cache.close();
  }
  return verdict;
}
