import { setTimeout as delay } from 'node:timers/promises';
import { CancelledError } from './errors';

/** Time as the HTTP layer sees it; tests swap in a fake one to run minutes of pacing in milliseconds. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with CancelledError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  async sleep(ms, signal) {
    throwIfAborted(signal);
    if (ms <= 0) return;
    try {
      await delay(ms, undefined, { signal });
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      throw error;
    }
  },
};

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
