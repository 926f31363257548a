import { Worker } from 'node:worker_threads';
import { isEventName, type EventName } from '../../preload/contract/names';
import type { Envelope, ErrorInfo } from '../../preload/contract/types';
import { UserFacingError } from '../core/errors';
import { CLOSING_MESSAGE, NOT_SENDABLE_MESSAGE, describeError } from './messages';
import { isWorkerMessage, type CallResult, type HostMessage, type ParentCall, type WorkerInit } from './protocol';
import type { WorkerEntry } from './worker-entry';

export interface SessionHandlers {
  event(name: EventName, payload: unknown): void;
  log(message: string): void;
  /** Runs a main-thread function for the worker (keychain, browser, save dialog). */
  serve(request: ParentCall): Promise<unknown>;
  /** The worker died after it had started; returns the answer for the calls that were waiting on it. */
  died(reason: string): ErrorInfo;
}

type State = 'starting' | 'ready' | 'closing' | 'ended';

/**
 * One worker thread, from start to exit: matches dispatch results to their calls, serves the worker's requests
 * for main-thread functions, and turns every way a thread can end into clean envelopes for whoever was waiting.
 */
export class WorkerSession {
  /** Resolves when the core is serving; rejects when it could not be created. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private nextId = 1;
  private state: State = 'starting';
  private readySettle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private onEnded: (() => void) | undefined;
  private readonly ended = new Promise<void>((resolve) => (this.onEnded = resolve));

  constructor(
    entry: WorkerEntry,
    init: WorkerInit,
    private readonly handlers: SessionHandlers,
  ) {
    this.ready = new Promise((resolve, reject) => (this.readySettle = { resolve, reject }));
    this.worker = new Worker(entry.script, { ...entry.options, workerData: init });
    this.worker.on('message', (message: unknown) => this.receive(message));
    // Listening to 'error' is what keeps an exception inside the worker from being rethrown on this thread.
    this.worker.on('error', (error) => this.end(`it failed: ${describeError(error)}`));
    this.worker.on('exit', (code) => this.end(`it exited with code ${code}`));
    this.worker.on('messageerror', (error) => handlers.log(`[core-host] unreadable message: ${describeError(error)}`));
  }

  get serving(): boolean {
    return this.state === 'ready';
  }

  dispatch(name: unknown, input: unknown): Promise<Envelope<unknown>> {
    if (this.state !== 'ready') return Promise.resolve(unavailable(CLOSING_MESSAGE));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (!this.post({ type: 'dispatch', id, name, input })) {
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'bad-input', message: NOT_SENDABLE_MESSAGE } });
      }
    });
  }

  setOnline(online: boolean): void {
    if (this.state === 'ready') this.post({ type: 'set-online', online });
  }

  /**
   * Asks the core to finish its writes and close, then stops the thread; a core that does not answer within
   * `timeoutMs` (or a thread still starting) is stopped at once. SQLite's WAL keeps committed data either way.
   */
  async close(timeoutMs: number): Promise<void> {
    if (this.state === 'ready') {
      this.state = 'closing';
      this.settleAll(unavailable(CLOSING_MESSAGE));
      this.post({ type: 'close' });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    } else if (this.state === 'starting') {
      this.state = 'closing';
    }
    await this.worker.terminate();
    await this.ended;
  }

  private receive(message: unknown): void {
    if (!isWorkerMessage(message)) {
      this.handlers.log('[core-host] ignored a message of unknown shape from the core worker');
      return;
    }
    switch (message.type) {
      case 'ready':
        if (this.state !== 'starting') return;
        this.state = 'ready';
        this.readySettle?.resolve();
        return;
      case 'start-failed':
        this.handlers.log(`[core-host] the core could not start: ${message.message}`);
        this.end('the core could not start');
        return;
      case 'result': {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.envelope);
        return;
      }
      case 'event':
        if (isEventName(message.name)) this.handlers.event(message.name, message.payload);
        return;
      case 'request':
        void this.answer(message.id, message.request);
        return;
      case 'log':
        this.handlers.log(message.message);
        return;
      case 'closed':
        // The core has closed its files; stopping the thread now loses nothing.
        void this.worker.terminate();
    }
  }

  private async answer(id: number, request: ParentCall): Promise<void> {
    let result: CallResult;
    try {
      result = { ok: true, value: await this.handlers.serve(request) };
    } catch (error) {
      result =
        error instanceof UserFacingError
          ? { ok: false, error: error.toInfo(), userFacing: true }
          : { ok: false, error: { code: 'internal', message: describeError(error) }, userFacing: false };
    }
    if (this.state === 'ready' || this.state === 'closing') this.post({ type: 'reply', id, result });
  }

  private end(reason: string): void {
    if (this.state === 'ended') return;
    const previous = this.state;
    this.state = 'ended';
    void this.worker.terminate();
    // No-op once the core was serving; otherwise whoever waits for the start hears why it never came.
    this.readySettle?.reject(new Error(`The core worker did not start: ${reason}`));
    if (previous === 'ready') this.settleAll({ ok: false, error: this.handlers.died(reason) });
    this.settleAll(unavailable(CLOSING_MESSAGE));
    this.onEnded?.();
  }

  private settleAll(envelope: Envelope<never>): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(envelope);
  }

  /** False when the message cannot be cloned (or the thread is gone). */
  private post(message: HostMessage): boolean {
    try {
      this.worker.postMessage(message);
      return true;
    } catch {
      return false;
    }
  }
}

function unavailable(message: string): Envelope<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}
