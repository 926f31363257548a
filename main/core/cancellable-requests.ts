import { UserFacingError } from './errors';

/**
 * Requests that run until they finish or are cancelled by their id (report runs, exports): one AbortController
 * each, forgotten when the work settles.
 */
export class CancellableRequests {
  private readonly controllers = new Map<string, AbortController>();

  busy(): boolean {
    return this.controllers.size > 0;
  }

  cancel(requestId: string): boolean {
    const controller = this.controllers.get(requestId);
    controller?.abort();
    return controller !== undefined;
  }

  cancelAll(): void {
    for (const controller of this.controllers.values()) controller.abort();
  }

  /** Runs `work` under `requestId`; a second request with an id still running is refused with `alreadyRunning`. */
  async run<T>(requestId: string, alreadyRunning: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.controllers.has(requestId)) throw new UserFacingError('bad-input', alreadyRunning);
    const controller = new AbortController();
    this.controllers.set(requestId, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.controllers.delete(requestId);
    }
  }
}
