/**
 * Runs in the browser before the renderer: provides `window.reportdesk` with
 * the same shape as the Electron preload, but forwards calls to the browser
 * host over HTTP and receives events over server-sent events.
 */
import { buildBridge } from '../../preload/contract/api';
import { isEventName, type EventName } from '../../preload/contract/names';
import type { Envelope } from '../../preload/contract/types';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const events = new EventSource('/__reportdesk/events');
events.onmessage = (message: MessageEvent<string>) => {
  const { name, payload } = JSON.parse(message.data) as { name: EventName; payload: unknown };
  listeners.get(name)?.forEach((listener) => listener(payload));
};

const UNREACHABLE: Envelope<never> = {
  ok: false,
  error: {
    code: 'unavailable',
    message: 'ReportDesk could not reach its engine. Close the window and start ReportDesk again.',
  },
};

const bridge = buildBridge(
  async (name, input) => {
    try {
      const response = await fetch('/__reportdesk/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, input }),
      });
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return UNREACHABLE;
    }
  },
  (event, listener) => {
    if (!isEventName(event)) throw new TypeError(`ReportDesk has no event called "${String(event)}".`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
);

Object.defineProperty(window, 'reportdesk', { value: bridge, writable: false, configurable: false });
