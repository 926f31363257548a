/**
 * The fault soak: one simulator with faults on (429, 5xx, connection resets, slow and truncated answers) and
 * tokens revoked or expired while reports run; the app side in a child process (soak-app.ts) running every
 * report of every connection at once, round after round. Afterwards every cache must hold exactly the
 * simulator's ground truth. Returns the figures that docs/reliability.md shows.
 */
import { join } from 'node:path';
import { machineDescription } from '../bench/report';
import { dayRange } from '../../main/reports/index';
import { startSimulator, type RunningSimulator } from '../../main/simulator/server/index';
import { makeTempDir } from '../support/temp-dir';
import { GroundTruth, verifyCache } from './ground-truth';
import { soakPlan, type SoakCache, type SoakProfile } from './soak-plan';
import type { AppMessage, HeapFigures, RunRecord, SoakAppConfig } from './soak-protocol';
import { startTsChild } from './ts-child';

/** "Now" for the simulated org when the soak starts (a Thursday afternoon, UTC); it then moves in real time. */
const BASE_NOW = Date.UTC(2025, 2, 20, 15);

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
    /** Done on the first attempt, and the cache then held exactly the ground truth. */
    survived: number;
    /** Ended failed (with the plain message below) and needed the user to run it again. */
    failedFirstAttempt: number;
    /** Never ended done, even after two re-runs. */
    neverDone: number;
    /** Run once more at once: answered from the cache, with no request. */
    againFromCache: number;
    /** Interactions runs whose grid row count equals the simulator's conversation count. */
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
    /** 401s answered after those revocations and expiries (each makes the client sign in again). */
    unauthorized: number;
  };
  failures: string[];
  unhandledRejections: { app: number; harness: number };
  uncaughtExceptions: { app: number; harness: number };
  heap: HeapFigures & { growthMb: number; toleranceMb: number; ok: boolean };
  openHandles: { after: string[]; settledMs: number; ok: boolean };
  /** Everything above that must hold for the soak to pass. */
  passed: boolean;
}

function countFaults(
  sim: RunningSimulator,
): Pick<SoakFigures, 'requests'> & { faults: Omit<SoakFigures['faults'], 'tokenRevocations' | 'tokenExpiries'> } {
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

export async function runFaultSoak(
  profile: SoakProfile,
  log: (line: string) => void = console.log,
): Promise<SoakFigures> {
  const started = performance.now();
  const harnessRejections: string[] = [];
  const harnessExceptions: string[] = [];
  const onRejection = (reason: unknown) => harnessRejections.push(String(reason));
  const onException = (error: Error) => harnessExceptions.push(error.stack ?? error.message);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);

  const epoch = Date.now();
  const now = () => BASE_NOW + (Date.now() - epoch);
  const dir = makeTempDir('soak');
  const sim = await startSimulator({
    settings: { seed: `soak-${profile.name}`, perDay: profile.perDay, daysBack: 60, timeZone: 'America/Chicago', now },
    limits: { requestsPerMinute: profile.requestsPerMinute, jobQueuedMs: 100, jobPendingMs: 200 },
    faults: { slowMs: profile.slowMs },
  });
  const plan = soakPlan(profile, now());
  const truth = new GroundTruth(sim);
  const records: RunRecord[] = [];
  const failures: string[] = [];
  const verdicts: ReturnType<typeof verifyCache>[] = [];
  const roundDirs: string[] = [];
  const flips = { revoke: 0, expire: 0 };
  let flipTimer: NodeJS.Timeout | undefined;
  let done: Extract<AppMessage, { type: 'done' }> | undefined;

  try {
    sim.setFaults(profile.faults);
    const config: SoakAppConfig = {
      baseUrl: sim.baseUrl,
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      dir: dir.path,
      baseNow: BASE_NOW,
      epoch,
      rounds: profile.rounds,
      requestsPerMinute: profile.requestsPerMinute,
      retry: profile.retry,
      plan,
    };
    const child = startTsChild(join(import.meta.dirname, 'soak-app.ts'), config, { ipc: true, exposeGc: true });
    const finished = new Promise<void>((resolve, reject) => {
      child.process.on('message', (message: AppMessage) => {
        if (message.type === 'round-start') {
          log(`round ${message.round}: ${plan.reduce((n, c) => n + c.runs.length, 0)} report runs at once`);
          const flip = () => {
            const kind = flips.revoke > flips.expire ? 'expire' : 'revoke';
            if (kind === 'revoke') sim.revokeAllTokens();
            else sim.expireAllTokens();
            flips[kind]++;
            flipTimer = setTimeout(flip, profile.tokenFlipEveryMs);
          };
          flipTimer = setTimeout(flip, profile.tokenFlipEveryMs / 2);
        } else if (message.type === 'round-done') {
          clearTimeout(flipTimer);
          records.push(...message.runs);
          failures.push(...message.logged);
          roundDirs.push(message.dir);
          const first = message.runs.filter((r) => r.first === 'done').length;
          log(`round ${message.round}: ${first}/${message.runs.length} runs done at the first attempt`);
        } else {
          done = message;
          resolve();
        }
      });
      void child.exited.then(({ code, signal }) => {
        if (!done) reject(new Error(`the soak's app process ended early (code ${code}, signal ${signal})`));
      });
    });
    await finished;
    const { code } = await child.exited;
    if (code !== 0) failures.push(`the app process exited with code ${code}`);
    // Checked once the app is done: computing the truth is heavy, and the simulator shares this thread.
    for (const roundDir of roundDirs) {
      for (const cache of plan) verdicts.push(checkRound(roundDir, cache, truth, now));
    }
    log(`checked ${verdicts.length} cache files: ${verdicts.reduce((n, v) => n + v.mismatches.length, 0)} mismatches`);
  } finally {
    clearTimeout(flipTimer);
    sim.setFaults({});
    await sim.close();
    dir.remove();
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  }
  if (!done) throw new Error('the soak ended without figures');

  const { faults, requests } = countFaults(sim);
  for (const record of records) {
    if (record.firstMessage) failures.push(`${record.id} (${record.first}): ${record.firstMessage}`);
  }
  const mismatches = verdicts.flatMap((verdict) => verdict.mismatches);
  const wrongRuns = new Set(mismatches.map((line) => line.split(' ')[0]));
  const shown = records.filter((record) => record.shownRows !== null);
  const growthMb = done.heap.endMb - done.heap.afterFirstRoundMb;
  const figures: SoakFigures = {
    kind: 'fault-soak',
    profile: profile.name,
    date: new Date().toISOString(),
    machine: machineDescription(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    setup: {
      connections: plan.reduce((n, cache) => n + cache.connections.length, 0),
      caches: plan.length,
      reportsPerConnection: (plan[0]?.runs.length ?? 0) / (plan[0]?.connections.length ?? 1),
      rounds: profile.rounds,
      conversationsPerDay: profile.perDay,
      faultRates: profile.faults,
      slowMs: profile.slowMs,
    },
    runs: {
      total: records.length,
      survived: records.filter((r) => r.first === 'done' && !wrongRuns.has(r.id)).length,
      failedFirstAttempt: records.filter((r) => r.first !== 'done').length,
      neverDone: records.filter((r) => r.final !== 'done').length,
      againFromCache: records.filter((r) => r.againFromCache && r.againRequests === 0).length,
      shownRowsRight: shown.filter((r) => r.shownRows === expectedRows(plan, r, truth)).length,
      shownRowsChecked: shown.length,
    },
    rows: {
      conversations: sum(verdicts, 'conversations'),
      aggregateBuckets: sum(verdicts, 'buckets'),
      referenceItems: sum(verdicts, 'referenceItems'),
      mismatches,
    },
    integrity: { files: verdicts.length, ok: verdicts.filter((v) => v.integrity === 'ok').length },
    requests,
    faults: { ...faults, tokenRevocations: flips.revoke, tokenExpiries: flips.expire },
    failures,
    unhandledRejections: { app: done.unhandledRejections.length, harness: harnessRejections.length },
    uncaughtExceptions: { app: done.uncaughtExceptions.length, harness: harnessExceptions.length },
    heap: {
      ...done.heap,
      growthMb: round1(growthMb),
      toleranceMb: profile.heapToleranceMb,
      ok: growthMb <= profile.heapToleranceMb,
    },
    openHandles: { after: done.openHandles, settledMs: done.handlesSettledMs, ok: done.openHandles.length === 0 },
    passed: false,
  };
  figures.heap = {
    ...figures.heap,
    startMb: round1(done.heap.startMb),
    afterFirstRoundMb: round1(done.heap.afterFirstRoundMb),
    endMb: round1(done.heap.endMb),
  };
  for (const line of [
    ...done.unhandledRejections,
    ...harnessRejections,
    ...done.uncaughtExceptions,
    ...harnessExceptions,
  ]) {
    failures.push(`escaped: ${line.split('\n')[0]}`);
  }
  figures.passed =
    figures.runs.neverDone === 0 &&
    mismatches.length === 0 &&
    figures.integrity.ok === figures.integrity.files &&
    figures.runs.againFromCache === figures.runs.total &&
    figures.runs.shownRowsRight === figures.runs.shownRowsChecked &&
    figures.unhandledRejections.app + figures.unhandledRejections.harness === 0 &&
    figures.uncaughtExceptions.app + figures.uncaughtExceptions.harness === 0 &&
    figures.heap.ok &&
    figures.openHandles.ok;
  return figures;
}

function checkRound(roundDir: string, cache: SoakCache, truth: GroundTruth, now: () => number) {
  return verifyCache(join(roundDir, cache.name, 'cache', 'cache.sqlite'), cache.runs, truth, now);
}

function expectedRows(plan: readonly SoakCache[], record: RunRecord, truth: GroundTruth): number | null {
  const run = plan.flatMap((cache) => cache.runs).find((candidate) => candidate.id === record.id);
  if (!run) return null;
  const { start, end } = dayRange(run.params.from, run.params.to, run.params.timeZone);
  return truth.conversationIds(start, end).length;
}

function sum<K extends 'conversations' | 'buckets' | 'referenceItems'>(
  verdicts: readonly Record<K, number>[],
  key: K,
): number {
  return verdicts.reduce((total, verdict) => total + verdict[key], 0);
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
