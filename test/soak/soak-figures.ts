/**
 * The fault soak's figures (docs/reliability/soak-<profile>.json): what was injected, per the simulator's own
 * request log; what survived, per the app's run records and the ground-truth check of every cache file; and what
 * escaped or leaked, per the process-level counters and the heap and handle readings.
 */
import type { RunningSimulator } from '../../main/simulator/server/index';
import { machineDescription } from '../bench/report';
import type { CacheVerdict } from './ground-truth';
import type { SoakCache, SoakProfile } from './soak-plan';
import type { AppMessage, HeapFigures, RunRecord } from './soak-protocol';

export interface SoakFigures {
  kind: 'fault-soak';
  profile: SoakProfile['name'];
  date: string;
  machine: string;
  seconds: number;
  setup: {
    connections: number;
    caches: number;
    reportsPerConnection: number;
    rounds: number;
    conversationsPerDay: number;
    faultRates: SoakProfile['faults'];
    slowMs: number;
  };
  runs: {
    total: number;
    /** Done at the first attempt, and the cache then held exactly the ground truth. */
    survived: number;
    /** Did not finish at the first attempt (its plain message is in `failures`); the user would run it again. */
    failedFirstAttempt: number;
    /** Never finished, even after two re-runs. */
    neverDone: number;
    /** Run once more at once: answered from the cache, with no request. */
    againFromCache: number;
    /** Interactions runs whose grid shows the simulator's conversation count. */
    shownRowsRight: number;
    shownRowsChecked: number;
  };
  rows: { conversations: number; aggregateBuckets: number; referenceItems: number; mismatches: string[] };
  integrity: { files: number; ok: number };
  requests: { api: number; syncQueryPages: number; jobsSubmitted: number; aggregateQueries: number };
  faults: {
    '429': number;
    '5xx': number;
    reset: number;
    truncate: number;
    slow: number;
    tokenRevocations: number;
    tokenExpiries: number;
    /** Requests answered 401 after those revocations and expiries (each makes the client sign in again). */
    unauthorized: number;
  };
  /** First-attempt failures as the user saw them: `<run> (<state>): <message>`. */
  failures: string[];
  /** What must never happen: failures the engine logged as unexpected, rejections and exceptions that escaped. */
  unexpected: string[];
  unhandledRejections: { app: number; harness: number };
  uncaughtExceptions: { app: number; harness: number };
  heap: HeapFigures & { growthMb: number; toleranceMb: number; ok: boolean };
  openHandles: { after: string[]; settledMs: number; ok: boolean };
  /** Everything above that must hold for the soak to pass. */
  passed: boolean;
}

export interface SoakEvidence {
  profile: SoakProfile;
  plan: SoakCache[];
  sim: RunningSimulator;
  seconds: number;
  records: RunRecord[];
  /** Per round, every cache file's verdict. */
  verdicts: { round: number; verdict: CacheVerdict }[];
  /** The expected conversation count of an Interactions run. */
  expectedRows: (record: RunRecord) => number | null;
  flips: { revoke: number; expire: number };
  engineLogged: string[];
  done: Extract<AppMessage, { type: 'done' }>;
  harness: { rejections: string[]; exceptions: string[] };
}

function fromRequestLog(sim: RunningSimulator) {
  const faults = { '429': 0, '5xx': 0, reset: 0, truncate: 0, slow: 0, unauthorized: 0 };
  const requests = { api: 0, syncQueryPages: 0, jobsSubmitted: 0, aggregateQueries: 0 };
  for (const record of sim.requests.list()) {
    if (!record.path.startsWith('/api/')) continue;
    requests.api++;
    for (const fault of record.faults) faults[fault]++;
    if (record.status === 401) faults.unauthorized++;
    if (record.method !== 'POST') continue;
    if (record.path.endsWith('/details/query')) requests.syncQueryPages++;
    if (record.path.endsWith('/details/jobs')) requests.jobsSubmitted++;
    if (record.path.endsWith('/aggregates/query')) requests.aggregateQueries++;
  }
  return { faults, requests };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

export function soakFigures(evidence: SoakEvidence): SoakFigures {
  const { profile, plan, records, verdicts, done, harness } = evidence;
  const { faults, requests } = fromRequestLog(evidence.sim);
  const mismatches = verdicts.flatMap(({ round, verdict }) =>
    verdict.mismatches.map((line) => `round ${round}: ${line}`),
  );
  // Mismatch lines start with the run's id.
  const wrong = new Set(
    verdicts.flatMap(({ round, verdict }) => verdict.mismatches.map((line) => `${round} ${line.split(' ')[0]}`)),
  );
  const shown = records.filter((record) => record.shownRows !== null);
  const total = (key: 'conversations' | 'buckets' | 'referenceItems') =>
    verdicts.reduce((sum, { verdict }) => sum + verdict[key], 0);
  const growthMb = done.heap.endMb - done.heap.afterFirstRoundMb;
  const unexpected = [
    ...evidence.engineLogged,
    ...[...done.unhandledRejections, ...harness.rejections].map((line) => `unhandled rejection: ${line}`),
    ...[...done.uncaughtExceptions, ...harness.exceptions].map((line) => `uncaught exception: ${line}`),
  ];
  const figures: SoakFigures = {
    kind: 'fault-soak',
    profile: profile.name,
    date: new Date().toISOString(),
    machine: machineDescription(),
    seconds: round1(evidence.seconds),
    setup: {
      connections: plan.reduce((sum, cache) => sum + cache.connections.length, 0),
      caches: plan.length,
      reportsPerConnection: (plan[0]?.runs.length ?? 0) / (plan[0]?.connections.length ?? 1),
      rounds: profile.rounds,
      conversationsPerDay: profile.perDay,
      faultRates: profile.faults,
      slowMs: profile.slowMs,
    },
    runs: {
      total: records.length,
      survived: records.filter((r) => r.first === 'done' && !wrong.has(`${r.round} ${r.id}`)).length,
      failedFirstAttempt: records.filter((r) => r.first !== 'done').length,
      neverDone: records.filter((r) => r.final !== 'done').length,
      againFromCache: records.filter((r) => r.againFromCache && r.againRequests === 0).length,
      shownRowsRight: shown.filter((r) => r.shownRows === evidence.expectedRows(r)).length,
      shownRowsChecked: shown.length,
    },
    rows: {
      conversations: total('conversations'),
      aggregateBuckets: total('buckets'),
      referenceItems: total('referenceItems'),
      mismatches,
    },
    integrity: {
      files: verdicts.length,
      ok: verdicts.filter(({ verdict }) => verdict.integrity === 'ok').length,
    },
    requests,
    faults: { ...faults, tokenRevocations: evidence.flips.revoke, tokenExpiries: evidence.flips.expire },
    failures: records
      .filter((record) => record.first !== 'done')
      .map((record) => `${record.id} (${record.first}): ${record.firstMessage ?? '(no message)'}`),
    unexpected,
    unhandledRejections: { app: done.unhandledRejections.length, harness: harness.rejections.length },
    uncaughtExceptions: { app: done.uncaughtExceptions.length, harness: harness.exceptions.length },
    heap: {
      startMb: round1(done.heap.startMb),
      afterFirstRoundMb: round1(done.heap.afterFirstRoundMb),
      endMb: round1(done.heap.endMb),
      growthMb: round1(growthMb),
      toleranceMb: profile.heapToleranceMb,
      ok: growthMb <= profile.heapToleranceMb,
    },
    openHandles: { after: done.openHandles, settledMs: done.handlesSettledMs, ok: done.openHandles.length === 0 },
    passed: false,
  };
  figures.passed =
    figures.runs.neverDone === 0 &&
    mismatches.length === 0 &&
    unexpected.length === 0 &&
    figures.integrity.ok === figures.integrity.files &&
    figures.runs.againFromCache === figures.runs.total &&
    figures.runs.shownRowsRight === figures.runs.shownRowsChecked &&
    figures.heap.ok &&
    figures.openHandles.ok;
  return figures;
}

/** One line for the console: faults met, runs that survived them, and what escaped or leaked. */
export function soakSummaryLine(figures: SoakFigures): string {
  const f = figures.faults;
  return (
    `${figures.runs.survived}/${figures.runs.total} report runs survived (done at the first attempt with exactly ` +
    `the simulator's rows); faults met: 429 ${f['429']}, 5xx ${f['5xx']}, resets ${f.reset}, truncated ${f.truncate}, ` +
    `slow ${f.slow}, tokens revoked/expired ${f.tokenRevocations}/${f.tokenExpiries} (${f.unauthorized} × 401) in ` +
    `${figures.requests.api} requests; rows differing ${figures.rows.mismatches.length}; unhandled rejections ` +
    `${figures.unhandledRejections.app + figures.unhandledRejections.harness}; heap growth ${figures.heap.growthMb} MB ` +
    `(≤ ${figures.heap.toleranceMb}); open handles ${figures.openHandles.after.length}`
  );
}
