import type { MessagePort } from 'node:worker_threads';
import type { Envelope } from '../../preload/contract/types';
import { createCore, type Core, type CoreOptions } from '../core/core';
import { INTERNAL_ERROR_MESSAGE } from '../core/errors';
import { NetworkSwitch } from '../core/network-switch';
import { CLOSING_MESSAGE, describeError as describe } from './messages';
import { ParentCalls } from './parent-calls';
import { isHostMessage, isWorkerInit, type HostMessage, type WorkerMessage } from './protocol';

export interface ServeOptions {
  /** Tests and benchmarks wrap the real core (e.g. to add a way to crash it); the app uses createCore. */
  createCore?: (options: CoreOptions) => Core;
}

/**
 * The worker thread's side: creates the core from the init data, answers dispatch messages with envelopes,
 * forwards core events, and reaches main-thread functions through request/reply messages.
 */
export function serveCore(port: MessagePort, init: unknown, options: ServeOptions = {}): void {
  const post = (message: WorkerMessage): void => port.postMessage(message);
  const log = (message: string): void => post({ type: 'log', message });

  if (!isWorkerInit(init)) {
    post({ type: 'start-failed', message: 'the worker was started without valid init data' });
    return;
  }
  // A forgotten promise somewhere must not take every open report down with it: log it and carry on.
  process.on('unhandledRejection', (reason) => log(`[core-worker] unhandled rejection: ${describe(reason)}`));

  const calls = new ParentCalls(post);
  const network = new NetworkSwitch();
  network.set(init.online);
  let core: Core;
  try {
    core = (options.createCore ?? createCore)({
      dataDir: init.dataDir,
      identity: init.identity,
      log,
      secrets: calls.secrets(),
      network,
      ...(init.nativeBinding ? { nativeBinding: init.nativeBinding } : {}),
      ...(init.demo ? { demo: init.demo } : {}),
      ...(init.callbacks.openExternal ? { openExternal: calls.openExternal() } : {}),
      ...(init.callbacks.chooseExportFile ? { chooseExportFile: calls.chooseExportFile() } : {}),
    });
  } catch (error) {
    post({ type: 'start-failed', message: describe(error) });
    return;
  }

  core.events.subscribe((name, payload) => {
    try {
      post({ type: 'event', name, payload });
    } catch (error) {
      log(`[core-worker] event ${name} could not be sent: ${describe(error)}`);
    }
  });

  const answer = (id: number, envelope: Envelope<unknown>): void => {
    try {
      post({ type: 'result', id, envelope });
    } catch (error) {
      // A handler returned something that cannot cross threads (a function, a class with private state…).
      log(`[core-worker] result ${id} could not be sent: ${describe(error)}`);
      post({
        type: 'result',
        id,
        envelope: { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } },
      });
    }
  };

  let closing = false;
  const handle = (message: HostMessage): void => {
    switch (message.type) {
      case 'dispatch':
        if (closing) {
          answer(message.id, { ok: false, error: { code: 'unavailable', message: CLOSING_MESSAGE } });
          return;
        }
        void core.dispatch(message.name, message.input).then(
          (envelope) => answer(message.id, envelope),
          (error: unknown) => {
            log(`[core-worker] dispatch failed: ${describe(error)}`);
            answer(message.id, { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
          },
        );
        return;
      case 'reply':
        calls.settle(message.id, message.result);
        return;
      case 'set-online':
        network.set(message.online);
        return;
      case 'close':
        if (closing) return;
        closing = true;
        void core
          .close()
          .catch((error: unknown) => log(`[core-worker] close failed: ${describe(error)}`))
          .finally(() => post({ type: 'closed' }));
    }
  };

  port.on('message', (message: unknown) => {
    if (isHostMessage(message)) handle(message);
    else log('[core-worker] ignored a message of unknown shape');
  });
  post({ type: 'ready' });
}
