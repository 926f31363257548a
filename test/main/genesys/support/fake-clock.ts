import type { Clock } from '../../../../main/genesys/http/clock';
import { CancelledError } from '../../../../main/genesys/http/errors';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Virtual time: sleeps resolve only when the test moves the clock, so minutes of pacing run in milliseconds. */
export class FakeClock implements Clock {
  private time: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer: Timer = { at: this.time + ms, seq: this.seq++, resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((candidate) => candidate !== timer);
          reject(new CancelledError());
        },
        { once: true },
      );
    });
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting the woken code run. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (let next = this.earliest(); next && next.at <= target; next = this.earliest()) {
      this.fire(next);
      await settle();
    }
    this.time = target;
    await settle();
  }

  /** Runs until `promise` settles, jumping straight to the next timer whenever nothing else can happen. */
  async runUntilSettled<T>(promise: Promise<T>): Promise<T> {
    let done = false;
    const watched = promise.finally(() => {
      done = true;
    });
    watched.catch(() => undefined);
    await settle();
    while (!done) {
      const next = this.earliest();
      if (!next) throw new Error('FakeClock: nothing left to run, but the promise has not settled');
      this.fire(next);
      await settle();
    }
    return watched;
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers) {
      if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    }
    return best;
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((candidate) => candidate !== timer);
    this.time = Math.max(this.time, timer.at);
    timer.resolve();
  }
}

/** Lets every queued promise callback run (a macrotask turn). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
