import { UserFacingError } from '../core/errors';
import type { SecretStore } from '../genesys/secret-store';
import type { CallResult, ParentCall, WorkerMessage } from './protocol';

/**
 * The worker's side of the calls that must run on the main thread (the OS keychain, the system browser, the
 * save dialog): each call posts a request and waits for the reply with the same id.
 */
export class ParentCalls {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly post: (message: WorkerMessage) => void) {}

  call(request: ParentCall): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.post({ type: 'request', id, request });
    });
  }

  settle(id: number, result: CallResult): void {
    const waiter = this.waiting.get(id);
    if (!waiter) return;
    this.waiting.delete(id);
    if (result.ok) waiter.resolve(result.value);
    // A message written for the user stays one; anything else is hidden by the dispatcher as "internal".
    else if (result.userFacing) waiter.reject(new UserFacingError(result.error.code, result.error.message));
    else waiter.reject(new Error(result.error.message));
  }

  secrets(): SecretStore {
    return {
      get: async (key) => {
        const value = await this.call({ call: 'secrets/get', key });
        return typeof value === 'string' ? value : undefined;
      },
      set: async (key, value) => {
        await this.call({ call: 'secrets/set', key, value });
      },
      delete: async (key) => {
        await this.call({ call: 'secrets/delete', key });
      },
    };
  }

  openExternal(): (url: string) => Promise<void> {
    return async (url) => {
      await this.call({ call: 'open-external', url });
    };
  }

  chooseExportFile(): (defaultName: string, format: 'csv' | 'xlsx') => Promise<string | null> {
    return async (defaultName, format) => {
      const path = await this.call({ call: 'choose-export-file', defaultName, format });
      return typeof path === 'string' ? path : null;
    };
  }
}
