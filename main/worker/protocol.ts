/**
 * The messages between the Electron main thread (the host) and the core's worker thread. Everything here is
 * plain data, so it survives the structured clone of `postMessage`; functions stay on their side and are
 * reached by request/reply messages instead.
 */
import type { EventName } from '../../preload/contract/names';
import type { Envelope, ErrorInfo } from '../../preload/contract/types';
import type { AppIdentity } from '../core/app-info';

/** What the worker needs to create the core: the clone-safe part of CoreOptions. */
export interface WorkerInit {
  dataDir: string;
  identity: AppIdentity;
  /** better-sqlite3's native module for Electron's ABI (packaged app only). */
  nativeBinding?: string;
  demo?: { perDay?: number; requestsPerMinute?: number };
  online: boolean;
  /** Which main-thread callbacks exist; the core treats a missing one as "this host cannot do that". */
  callbacks: { openExternal: boolean; chooseExportFile: boolean };
}

/** Calls the worker makes to functions that must run on the main thread. */
export type ParentCall =
  | { call: 'secrets/get'; key: string }
  | { call: 'secrets/set'; key: string; value: string }
  | { call: 'secrets/delete'; key: string }
  | { call: 'open-external'; url: string }
  | { call: 'choose-export-file'; defaultName: string; format: 'csv' | 'xlsx' };

/**
 * The answer to a ParentCall. A failure keeps its code and message when the main-thread side wrote it for the
 * user (e.g. "no keychain on this computer"), so the worker can pass it through the dispatcher unchanged.
 */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ErrorInfo; userFacing: boolean };

export type HostMessage =
  | { type: 'dispatch'; id: number; name: unknown; input: unknown }
  | { type: 'reply'; id: number; result: CallResult }
  | { type: 'set-online'; online: boolean }
  | { type: 'close' };

export type WorkerMessage =
  | { type: 'ready' }
  /** The core could not be created; `message` is for the log. */
  | { type: 'start-failed'; message: string }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; name: EventName; payload: unknown }
  | { type: 'request'; id: number; request: ParentCall }
  | { type: 'log'; message: string }
  | { type: 'closed' };

function hasType<T extends string>(value: unknown, types: readonly T[]): value is { type: T } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (types as readonly string[]).includes((value as { type: string }).type)
  );
}

const HOST_TYPES = ['dispatch', 'reply', 'set-online', 'close'] as const;
const WORKER_TYPES = ['ready', 'start-failed', 'result', 'event', 'request', 'log', 'closed'] as const;

/** Only the host posts to the worker, but a wrong shape must be ignored rather than crash the core. */
export const isHostMessage = (value: unknown): value is HostMessage => hasType(value, HOST_TYPES);
export const isWorkerMessage = (value: unknown): value is WorkerMessage => hasType(value, WORKER_TYPES);

/** Checks the init data the worker was started with (it arrives untyped, as workerData). */
export function isWorkerInit(value: unknown): value is WorkerInit {
  if (typeof value !== 'object' || value === null) return false;
  const init = value as Partial<WorkerInit>;
  return (
    typeof init.dataDir === 'string' &&
    typeof init.identity?.name === 'string' &&
    typeof init.identity.version === 'string' &&
    typeof init.identity.runtime === 'string' &&
    (init.nativeBinding === undefined || typeof init.nativeBinding === 'string') &&
    typeof init.online === 'boolean' &&
    typeof init.callbacks?.openExternal === 'boolean' &&
    typeof init.callbacks.chooseExportFile === 'boolean'
  );
}
