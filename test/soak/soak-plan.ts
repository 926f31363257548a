/**
 * What the fault soak runs: profiles (short in `npm test`, long under `npm run soak`) and, for a simulated "now",
 * the report runs of every connection. Shared by the harness (which checks the caches against the simulator) and
 * the app-side child process (which runs them), so both agree on every range.
 */
import type { ReportParams } from '../../preload/contract/report-params';
import type { RetryPolicy } from '../../main/genesys/index';
import type { FaultRates } from '../../main/simulator/server/index';
import { addDays, dayOf, type CalendarDay } from '../../main/reports/zoned-calendar';

export interface SoakProfile {
  name: 'short' | 'long';
  /** Data folders, each with its own cache file (the app keeps one per user profile). */
  caches: number;
  /** Connections (orgs, each with its own token and rate budget) sharing each cache file. */
  connectionsPerCache: number;
  /** Rounds of every report on fresh caches; heap is compared between the end of the first and the last. */
  rounds: number;
  /** Simulated conversations per day. */
  perDay: number;
  faults: Partial<FaultRates>;
  slowMs: number;
  /** A token revocation or expiry (alternating) every this many ms while reports are running. */
  tokenFlipEveryMs: number;
  /** Per-token limit the simulator enforces (and the client is told), requests per minute. */
  requestsPerMinute: number;
  /** Changes to the app's retry policy (the long soak keeps the app's own: waits of 1, 3, 9, 27 s). */
  retry: Partial<RetryPolicy>;
  /** Heap growth allowed between the end of the first round and the end of the last, after a forced GC. */
  heapToleranceMb: number;
}

/** Fault rates close to a bad day: one request in six or seven goes wrong, plus slow answers. */
const BAD_DAY: Partial<FaultRates> = { '429': 0.05, '5xx': 0.04, reset: 0.03, truncate: 0.03, slow: 0.03 };

export const PROFILES: Record<SoakProfile['name'], SoakProfile> = {
  short: {
    name: 'short',
    caches: 4,
    connectionsPerCache: 2,
    rounds: 2,
    perDay: 150,
    faults: BAD_DAY,
    slowMs: 1000,
    tokenFlipEveryMs: 8000,
    requestsPerMinute: 3000,
    // Shorter waits between retries keep the CI run under a minute; the number of attempts is the app's.
    retry: { baseDelayMs: 250 },
    heapToleranceMb: 16,
  },
  long: {
    name: 'long',
    caches: 4,
    connectionsPerCache: 2,
    rounds: 6,
    perDay: 600,
    faults: { ...BAD_DAY, '429': 0.06, '5xx': 0.05 },
    slowMs: 3000,
    tokenFlipEveryMs: 15_000,
    requestsPerMinute: 3000,
    retry: {},
    heapToleranceMb: 16,
  },
};

export interface SoakRun {
  /** Unique within a round: `<connection>/<n>`. */
  id: string;
  params: ReportParams;
}

export interface SoakCache {
  name: string;
  connections: string[];
  runs: SoakRun[];
}

const dayText = (day: CalendarDay): string =>
  `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;

/**
 * Every connection's reports, with ranges varied by connection. All ranges end before the local "today" (so
 * which conversations exist is settled); the interactions ranges reach into yesterday, past the job cut-off
 * (availability − 24 h), so they use both the async-job and the sync-query paths; aggregate ranges end two days
 * back, where every metric and dimension (a wrap-up arrives at the end of after-call work) is final.
 */
export function soakPlan(profile: SoakProfile, now: number): SoakCache[] {
  return Array.from({ length: profile.caches }, (_, c) => {
    const connections = Array.from({ length: profile.connectionsPerCache }, (_, k) => `org-${c + 1}-${k + 1}`);
    const runs = connections.flatMap((connectionId, k) => {
      const n = c * profile.connectionsPerCache + k;
      const timeZone = n % 2 === 0 ? 'America/Chicago' : 'Europe/London';
      const today = dayOf(now, timeZone);
      const day = (offset: number) => dayText(addDays(today, offset));
      const base = { connectionId, timeZone, filters: {} };
      const params: ReportParams[] = [
        { ...base, report: 'interactions', from: day(-6 - (n % 3)), to: day(-1), granularity: 'P1D' },
        { ...base, report: 'interactions', from: day(-1), to: day(-1), granularity: 'P1D' },
        { ...base, report: 'queue-performance', from: day(-4), to: day(-2), granularity: 'PT30M' },
        { ...base, report: 'queue-performance', from: day(-12 - n), to: day(-2), granularity: 'P1D' },
        { ...base, report: 'agent-performance', from: day(-9), to: day(-2), granularity: 'P1D' },
        { ...base, report: 'wrapup-performance', from: day(-24), to: day(-3), granularity: 'P7D' },
      ];
      return params.map((p, i) => ({ id: `${connectionId}/${i + 1}`, params: p }));
    });
    return { name: `cache-${c + 1}`, connections, runs };
  });
}
