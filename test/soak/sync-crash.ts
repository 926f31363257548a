/**
 * Kills a syncing process with SIGKILL at seeded random moments and checks what the next start finds. The child
 * is the sync tests' own runner (test/main/sync/support/run-in-child.ts: a real sync against the simulator into a
 * real cache file, printing "rows N" as it commits). After each kill the file is opened as the app opens it at
 * start-up, checked with `PRAGMA integrity_check`, and the run continued — alternately by the engine's resumeAll
 * followed by the report again, and by the report again alone (what the app does when the user presses Run) —
 * and every stored row must equal an uninterrupted run's.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Cache } from '../../main/cache/index';
import { seededRandom } from '../../main/simulator/server/faults';
import { aggregateKeyOf } from '../../main/sync/aggregates-plan';
import { DEFAULT_TUNABLES, type FetchSpec, type SyncTunables } from '../../main/sync/index';
import { machineDescription } from '../bench/report';
import {
  CONNECTION,
  DAY,
  FAST_TUNABLES,
  HOUR,
  QUEUE_QUERY,
  SyncFixture,
  bucketMap,
  cachedIds,
  detailsSpec,
  truthBuckets,
} from '../main/sync/support/sync-fixture';
import type { SyncCrashFigures, SyncCrashPoint } from './figures';
import { startSyncChild } from '../main/sync/support/sync-child';

/** Small pages: many commits, so most kill points fall between two of them. */
const TUNABLES: Partial<SyncTunables> = {
  ...FAST_TUNABLES,
  jobPageSize: 40,
  detailsPageSize: 40,
  progressIntervalMs: 0,
};

export interface SyncCrashOptions {
  profile: 'short' | 'long';
  points: number;
  seed: string;
  /** The simulator's per-token limit: the syncing process paces itself by it, which spreads the run out. */
  requestsPerMinute: number;
  /** Simulated conversations per day, and how many days the synced range spans. */
  perDay: number;
  days: number;
}

/** Short in `npm test` (each point costs a process start, a partial sync and a resume), 20 points under `npm run soak`. */
export const SYNC_CRASH_PROFILES: Record<SyncCrashOptions['profile'], Omit<SyncCrashOptions, 'seed'>> = {
  short: { profile: 'short', points: 6, requestsPerMinute: 1200, perDay: 250, days: 2 },
  long: { profile: 'long', points: 20, requestsPerMinute: 600, perDay: 400, days: 2 },
};

/** Every row a run stores that a user could see, in a stable order: two caches with equal snapshots hold the same. */
function snapshot(cache: Cache, spec: FetchSpec) {
  return {
    conversations: cache.db
      .prepare(
        `SELECT c.conversation_id, c.start_ms, c.end_ms, c.duration_ms, c.direction, c.media_type, c.first_queue_id,
                c.queue_ids, c.user_ids, c.wrapup_code_id, c.ani, c.dnis, c.t_talk, c.t_held, c.t_acw, c.t_handle,
                c.abandoned, c.answered, c.transferred, d.detail_json
           FROM conversations c JOIN conversation_details d ON d.id = c.id ORDER BY c.conversation_id`,
      )
      .all(),
    members: cache.db.prepare('SELECT count(*) FROM conversation_members').pluck().get(),
    aggregates: spec.aggregates.map((query) =>
      bucketMap(cache.aggregates(CONNECTION, aggregateKeyOf(query), spec.start, spec.end)),
    ),
    reference: spec.reference.map((kind) =>
      cache.referenceItems(CONNECTION, kind).map((item) => [item.id, item.name, item.state]),
    ),
  };
}

interface ChildRun {
  /** ms from spawn to the first "rows" line and to the outcome line (null when killed first). */
  firstLineMs: number | null;
  outcomeMs: number | null;
  rows: number;
}

/** When to send SIGKILL: so long after the process was started, or after it reported its first commit. */
type KillAt = { afterSpawnMs: number } | { afterFirstCommitMs: number };

/** Runs the sync in a child process, killing it with SIGKILL at `kill` if given; returns what it reported. */
async function syncInChild(fx: SyncFixture, file: string, spec: FetchSpec, kill?: KillAt): Promise<ChildRun> {
  const started = performance.now();
  const child = startSyncChild(fx, file, spec, TUNABLES);
  const killNow = () => child.process.kill('SIGKILL');
  let timer = kill && 'afterSpawnMs' in kill ? setTimeout(killNow, kill.afterSpawnMs) : undefined;
  const run: ChildRun = { firstLineMs: null, outcomeMs: null, rows: 0 };
  for await (const line of child.lines) {
    const elapsed = performance.now() - started;
    const rows = /^rows (\d+)$/.exec(line);
    if (rows) {
      if (run.firstLineMs === null && kill && 'afterFirstCommitMs' in kill) {
        timer = setTimeout(killNow, kill.afterFirstCommitMs);
      }
      run.firstLineMs ??= elapsed;
      run.rows = Number(rows[1]);
    } else if (line.startsWith('outcome')) {
      run.outcomeMs = elapsed;
      if (!line.includes('"state":"done"')) throw new Error(`the syncing process did not finish its run: ${line}`);
    }
  }
  clearTimeout(timer);
  await child.exited;
  return run;
}

export async function runSyncCrashes(
  options: SyncCrashOptions,
  log: (line: string) => void = console.log,
): Promise<SyncCrashFigures> {
  const started = performance.now();
  const fx = await SyncFixture.start({
    settings: { perDay: options.perDay },
    limits: { requestsPerMinute: options.requestsPerMinute },
  });
  try {
    // Jobs for the older part, the sync query for the last hours; every conversation of the range has ended, so
    // an uninterrupted run and a resumed one must store exactly the same.
    const end = fx.availability() - DEFAULT_TUNABLES.jobTailMs + 3 * HOUR;
    const spec = detailsSpec(end - options.days * DAY, end, {
      aggregates: [QUEUE_QUERY],
      reference: ['queue', 'user', 'wrapupCode', 'division'],
    });
    // The first run also warms the simulator up (it builds each day's conversations on first use); the second,
    // timed like every killed one, is the one compared with.
    await syncInChild(fx, fx.file('warm-up.sqlite'), spec);
    const referenceRun = await syncInChild(fx, fx.file('uninterrupted.sqlite'), spec);
    const uninterrupted = fx.openCache('uninterrupted.sqlite');
    const expected = snapshot(uninterrupted, spec);
    // The uninterrupted run itself must hold the simulator's ground truth, or comparing with it proves little.
    if (!isDeepStrictEqual(cachedIds(uninterrupted, spec.start, spec.end), fx.truthIds(spec.start, spec.end))) {
      throw new Error('the uninterrupted run does not hold the simulator’s conversations');
    }
    if (!isDeepStrictEqual(expected.aggregates[0], truthBuckets(fx.sim, QUEUE_QUERY, spec.start, spec.end))) {
      throw new Error('the uninterrupted run does not hold the simulator’s aggregate buckets');
    }
    const runMs = referenceRun.outcomeMs ?? 0;
    const firstMs = referenceRun.firstLineMs ?? 0;
    const random = seededRandom(options.seed);
    log(
      `sync crash: seed ${options.seed}, ${options.points} points; an uninterrupted run takes ${Math.round(runMs)} ms`,
    );

    const points: SyncCrashPoint[] = [];
    for (let n = 1; n <= options.points; n++) {
      // Starting a process takes about as long as the sync itself and varies a lot, so most kills are timed from
      // its first commit (anywhere in the run); every fifth from its start (loading, creating the cache, the first
      // requests).
      const kill: KillAt =
        n % 5 === 0
          ? { afterSpawnMs: Math.round(random() * firstMs) }
          : { afterFirstCommitMs: Math.round(random() * (runMs - firstMs)) };
      const [from, killAtMs] =
        'afterSpawnMs' in kill
          ? (['start', kill.afterSpawnMs] as const)
          : (['first commit', kill.afterFirstCommitMs] as const);
      const name = `killed-${n}.sqlite`;
      const killed = await syncInChild(fx, fx.file(name), spec, kill);
      const phase = killed.outcomeMs !== null ? 'finished' : killed.rows === 0 ? 'starting' : 'mid-run';
      const restart = n % 2 === 1 ? 'resume' : 'run again';
      const cache = fx.openCache(name);
      const setAside = cache.recovered !== null;
      const integrity = String(cache.db.pragma('integrity_check', { simple: true }));
      const { engine } = await fx.engine(cache, { tunables: TUNABLES });
      const resumed = restart === 'resume' ? await engine.resumeAll() : [];
      const again = await engine.run(spec);
      const after = String(cache.db.pragma('integrity_check', { simple: true }));
      const equal = isDeepStrictEqual(snapshot(cache, spec), expected);
      const passed =
        !setAside &&
        integrity === 'ok' &&
        after === 'ok' &&
        equal &&
        again.state === 'done' &&
        resumed.every((outcome) => outcome.state === 'done');
      points.push({ n, killAtMs, from, phase, rowsAtKill: killed.rows, restart, setAside, integrity, equal, passed });
      log(
        `  point ${n}: SIGKILL ${killAtMs} ms after its ${from} (${phase}, ${killed.rows} rows committed), ${restart}: ` +
          `integrity ${integrity}, rows ${equal ? 'equal' : 'DIFFERENT'}${passed ? '' : ' — FAILED'}`,
      );
    }
    return {
      kind: 'sync-crash',
      profile: options.profile,
      date: new Date().toISOString(),
      machine: machineDescription(),
      seed: options.seed,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      setup: {
        conversations: expected.conversations.length,
        aggregateBuckets: expected.aggregates.reduce((total, buckets) => total + buckets.size, 0),
        referenceItems: expected.reference.reduce((total, items) => total + items.length, 0),
        pages: uninterrupted.db.prepare('SELECT coalesce(sum(last_page), 0) FROM run_chunks').pluck().get() as number,
        runMs: Math.round(runMs),
      },
      points,
      tested: points.length,
      passed: points.filter((point) => point.passed).length,
    };
  } finally {
    await fx.dispose();
  }
}
