import type { Envelope, ErrorInfo } from '../../preload/contract/types';
import type { AppIdentity } from '../core/app-info';
import type { Dispatch } from '../core/dispatcher';
import { EventBus } from '../core/events';
import { MemorySecretStore, type SecretStore } from '../genesys/secret-store';
import { CLOSING_MESSAGE, RESTARTED_MESSAGE, STOPPED_MESSAGE } from './messages';
import type { ParentCall, WorkerInit } from './protocol';
import type { WorkerEntry } from './worker-entry';
import { WorkerSession } from './worker-session';

export interface CoreWorkerOptions {
  /** Which script runs the core: builtWorkerEntry(outDir) in the app, sourceWorkerEntry() from source. */
  entry: WorkerEntry;
  dataDir: string;
  identity: AppIdentity;
  nativeBinding?: string;
  demo?: { perDay?: number; requestsPerMinute?: number };
  /** Stays on this thread (the OS keychain); the worker reaches it by messages. Memory when absent. */
  secrets?: SecretStore;
  openExternal?: (url: string) => Promise<void>;
  chooseExportFile?: (defaultName: string, format: 'csv' | 'xlsx') => Promise<string | null>;
  /** Where the worker's log lines and crash reports go; defaults to stderr. */
  log?: (message: string) => void;
  online?: boolean;
  /** How many times a worker that died is replaced by a fresh one (default 1). */
  restarts?: number;
  /** How long close() lets the core finish its writes before stopping the thread (default 5 s). */
  closeTimeoutMs?: number;
}

/** The core as the glue and the browser host see it, whichever thread it runs on. */
export interface CoreHost {
  dispatch: Dispatch;
  events: EventBus;
  setOnline(online: boolean): void;
  /** Resolves when the first worker serves; rejects (with the reason, for the log) when it could not start. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs the core in a worker thread and returns at once: calls made before the worker is ready wait for it.
 * A worker that dies is reported to the log and replaced (once, by default); the calls it was answering get a
 * clean 'unavailable' envelope, and so does every later call if it cannot be replaced.
 */
export function createCoreHost(options: CoreWorkerOptions): CoreHost {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const secrets = options.secrets ?? new MemorySecretStore();
  const events = new EventBus();
  let online = options.online ?? true;
  let restartsLeft = options.restarts ?? 1;
  let closed = false;
  let session: WorkerSession;
  /** True while a worker serves (or is starting and will); false once there is none for good. */
  let serving: Promise<boolean>;

  const serve = (request: ParentCall): Promise<unknown> => {
    switch (request.call) {
      case 'secrets/get':
        return secrets.get(request.key);
      case 'secrets/set':
        return secrets.set(request.key, request.value);
      case 'secrets/delete':
        return secrets.delete(request.key);
      case 'open-external':
        if (!options.openExternal) return Promise.reject(new Error('no openExternal on this host'));
        return options.openExternal(request.url);
      case 'choose-export-file':
        if (!options.chooseExportFile) return Promise.reject(new Error('no save dialog on this host'));
        return options.chooseExportFile(request.defaultName, request.format);
    }
  };

  const died = (reason: string): ErrorInfo => {
    log(`[core-host] the core worker stopped unexpectedly: ${reason}`);
    if (closed) return { code: 'unavailable', message: CLOSING_MESSAGE };
    if (restartsLeft > 0) {
      restartsLeft -= 1;
      log('[core-host] starting a new core worker');
      void launch();
      return { code: 'unavailable', message: RESTARTED_MESSAGE };
    }
    serving = Promise.resolve(false);
    return { code: 'unavailable', message: STOPPED_MESSAGE };
  };

  function launch(): Promise<void> {
    const init: WorkerInit = {
      dataDir: options.dataDir,
      identity: options.identity,
      online,
      callbacks: { openExternal: Boolean(options.openExternal), chooseExportFile: Boolean(options.chooseExportFile) },
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.demo ? { demo: options.demo } : {}),
    };
    const current = new WorkerSession(options.entry, init, {
      event: (name, payload) => {
        // A listener that throws (a window going away mid-send) must not take the message loop with it.
        try {
          events.emit(name, payload as never);
        } catch (error) {
          log(`[core-host] an event listener failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      log,
      serve,
      died,
    });
    session = current;
    serving = current.ready.then(
      () => {
        // The switch may have moved while the worker started.
        current.setOnline(online);
        return true;
      },
      (error: unknown) => {
        if (!closed) log(`[core-host] ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
    );
    return current.ready;
  }

  const ready = launch();

  // Nobody has to listen for a failed start: the log has it, and calls get envelopes.
  ready.catch(() => undefined);

  const dispatch: Dispatch = async (name, input): Promise<Envelope<unknown>> => {
    for (;;) {
      if (closed) return unavailable(CLOSING_MESSAGE);
      const awaited = serving;
      if (!(await awaited)) return unavailable(closed ? CLOSING_MESSAGE : STOPPED_MESSAGE);
      if (session.serving) return session.dispatch(name, input);
      // The worker died while this call waited: wait for its replacement, if there is one.
      if (awaited === serving) return unavailable(STOPPED_MESSAGE);
    }
  };

  return {
    dispatch,
    events,
    ready,
    setOnline: (value) => {
      online = value;
      session.setOnline(value);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await session.close(options.closeTimeoutMs ?? 5000);
    },
  };
}

/** Starts the core's worker and waits until it serves; throws (after cleaning up) when it cannot start. */
export async function startCoreWorker(options: CoreWorkerOptions): Promise<CoreHost> {
  const host = createCoreHost(options);
  try {
    await host.ready;
  } catch (error) {
    await host.close();
    throw error;
  }
  return host;
}

function unavailable(message: string): Envelope<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}
