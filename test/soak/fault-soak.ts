/**
 * The fault soak: one simulator with faults on (429, 5xx, connection resets, slow and truncated answers) and
 * tokens revoked or expired while reports run; the app side in a child process (soak-app.ts) running every
 * report of every connection at once, round after round. Afterwards every cache must hold exactly the
 * simulator's ground truth. Returns the figures that docs/reliability.md shows.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { dayRange } from '../../main/reports/index';
import { startSimulator } from '../../main/simulator/server/index';
import { makeTempDir } from '../support/temp-dir';
import { GroundTruth, verifyCache } from './ground-truth';
import { soakPlan, type SoakCache, type SoakProfile } from './soak-plan';
import { soakFigures, type SoakEvidence, type SoakFigures } from './soak-figures';
import type { AppMessage, RunRecord, SoakAppConfig } from './soak-protocol';
import { startTsChild } from '../support/ts-child';

/** Requests of a round before its first token revocation or expiry: well into its reports, far from the end. */
const FIRST_FLIP_AFTER_REQUESTS = 60;

/** "Now" for the simulated org when the soak starts (a Thursday afternoon, UTC); it then moves in real time. */
const BASE_NOW = Date.UTC(2025, 2, 20, 15);

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
  const engineLogged: string[] = [];
  const verdicts: SoakEvidence['verdicts'] = [];
  const roundDirs: { round: number; dir: string }[] = [];
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
          // The first flip of a round comes once its reports are well under way (whatever the machine's speed),
          // then one every tokenFlipEveryMs; revocations and expiries alternate across rounds.
          const requestsAtStart = sim.requests.list().length;
          let lastFlip: number | null = null;
          const flip = () => {
            const kind = flips.revoke > flips.expire ? 'expire' : 'revoke';
            if (kind === 'revoke') sim.revokeAllTokens();
            else sim.expireAllTokens();
            flips[kind]++;
            lastFlip = performance.now();
          };
          flipTimer = setInterval(() => {
            const due =
              lastFlip === null
                ? sim.requests.list().length - requestsAtStart >= FIRST_FLIP_AFTER_REQUESTS
                : performance.now() - lastFlip >= profile.tokenFlipEveryMs;
            if (due) flip();
          }, 100);
        } else if (message.type === 'round-done') {
          clearInterval(flipTimer);
          records.push(...message.runs);
          engineLogged.push(...message.logged);
          roundDirs.push({ round: message.round, dir: message.dir });
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
    // With every cache and client closed, nothing may keep the app process alive once it lets go of its channel.
    const exit = await Promise.race([child.exited, delay(15_000, null)]);
    if (exit === null) {
      engineLogged.push('the app process did not end by itself: something still kept it alive');
      child.process.kill('SIGKILL');
    } else if (exit.code !== 0) {
      engineLogged.push(`the app process ended with code ${exit.code}`);
    }
    // Checked once the app is done: computing the truth is heavy, and the simulator shares this thread.
    for (const { round, dir: roundDir } of roundDirs) {
      for (const cache of plan) {
        const file = join(roundDir, cache.name, 'cache', 'cache.sqlite');
        verdicts.push({ round, verdict: verifyCache(file, cache.runs, truth, now) });
      }
    }
    const mismatches = verdicts.reduce((n, { verdict }) => n + verdict.mismatches.length, 0);
    log(`checked ${verdicts.length} cache files against the simulator: ${mismatches} mismatches`);
  } finally {
    clearInterval(flipTimer);
    sim.setFaults({});
    await sim.close();
    dir.remove();
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  }
  if (!done) throw new Error('the soak ended without figures');
  return soakFigures({
    profile,
    plan,
    sim,
    seconds: (performance.now() - started) / 1000,
    records,
    verdicts,
    expectedRows: (record) => expectedRows(plan, record, truth),
    flips,
    engineLogged,
    done,
    harness: { rejections: harnessRejections, exceptions: harnessExceptions },
  });
}

function expectedRows(plan: readonly SoakCache[], record: RunRecord, truth: GroundTruth): number | null {
  const run = plan.flatMap((cache) => cache.runs).find((candidate) => candidate.id === record.id);
  if (!run) return null;
  const { start, end } = dayRange(run.params.from, run.params.to, run.params.timeZone);
  return truth.conversationIds(start, end).length;
}
