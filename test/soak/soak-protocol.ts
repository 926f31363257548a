/** Messages between the soak harness and its app-side child process (plain data, over Node's IPC channel). */
import type { RetryPolicy } from '../../main/genesys/index';
import type { SoakCache } from './soak-plan';

export interface SoakAppConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Where each round's data folders go: `<dir>/round-<r>/<cache name>`. */
  dir: string;
  /** The simulated clock: baseNow when Date.now() read epoch, then real time (the simulator's clock too). */
  baseNow: number;
  epoch: number;
  rounds: number;
  requestsPerMinute: number;
  retry?: Partial<RetryPolicy>;
  plan: SoakCache[];
}

/** One report run as the app saw it. */
export interface RunRecord {
  round: number;
  cache: string;
  id: string;
  /** State of the first attempt, and its message when it did not finish. */
  first: string;
  firstMessage: string | null;
  /** Runs the "user" started again after a failure (at most 2). */
  reruns: number;
  final: string;
  finalMessage: string | null;
  /** Running it once more straight after: answered from the cache with no request? */
  againFromCache: boolean;
  againRequests: number;
  /** Interactions only: the row count the grid shows for the report (null for the others). */
  shownRows: number | null;
  seconds: number;
}

export interface HeapFigures {
  /** heapUsed after a forced GC, in MB. */
  startMb: number;
  afterFirstRoundMb: number;
  endMb: number;
}

export type AppMessage =
  | { type: 'round-start'; round: number }
  /** `logged`: what the sync engine logged as unexpected (never a typed, plain-worded failure). */
  | { type: 'round-done'; round: number; dir: string; runs: RunRecord[]; logged: string[] }
  | {
      type: 'done';
      heap: HeapFigures;
      /** Handles still open after every cache and client was closed, beyond those the process started with. */
      openHandles: string[];
      /** How long it took the keep-alive sockets to go away. */
      handlesSettledMs: number;
      unhandledRejections: string[];
      uncaughtExceptions: string[];
    };
