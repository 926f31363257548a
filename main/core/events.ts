import type { EventName } from '../../preload/contract/names';
import type { EventPayloads } from '../../preload/contract/types';

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Typed fan-out of core events to whoever forwards them (IPC windows, the browser host's SSE clients). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
