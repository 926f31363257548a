import { buildBridge } from '../../preload/contract/api';
import type { EventName, OperationName } from '../../preload/contract/names';
import type { OperationResult } from '../../preload/contract/operations';
import type { ErrorInfo, EventPayloads } from '../../preload/contract/types';

export type FakeHandlers = {
  [N in OperationName]?: (input: unknown) => OperationResult<N> | Promise<OperationResult<N>>;
};

/** Thrown by a fake handler to answer with an error envelope. */
export class FakeFailure extends Error {
  constructor(readonly error: ErrorInfo) {
    super(error.message);
  }
}

/**
 * Installs `window.reportdesk` backed by in-memory handlers typed by the
 * contract, so renderer tests exercise the same bridge shape as the app.
 */
export function installFakeBridge(handlers: FakeHandlers) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { name: OperationName; input: unknown }[] = [];
  const bridge = buildBridge(
    async (name, input) => {
      calls.push({ name, input });
      const handler = handlers[name] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'unknown-operation', message: `no fake for ${name}` } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (error) {
        if (error instanceof FakeFailure) return { ok: false, error: error.error };
        throw error;
      }
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  );
  Object.defineProperty(window, 'reportdesk', { value: bridge, configurable: true });
  return {
    calls,
    emit<E extends EventName>(event: E, payload: EventPayloads[E]) {
      listeners.get(event)?.forEach((listener) => listener(payload));
    },
    remove() {
      Reflect.deleteProperty(window, 'reportdesk');
    },
  };
}
