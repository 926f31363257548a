import { describe, expect, it } from 'vitest';
import { CancellableRequests } from '../../../main/core/cancellable-requests';

describe('cancellable requests', () => {
  it('cancels a request by its id, refuses a second one with the same id meanwhile, and forgets it when done', async () => {
    const requests = new CancellableRequests();
    let seen: AbortSignal | undefined;
    const first = requests.run('r1', 'Already running.', async (signal) => {
      seen = signal;
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      return 'stopped';
    });
    expect(requests.busy()).toBe(true);
    await expect(requests.run('r1', 'Already running.', () => Promise.resolve('twice'))).rejects.toThrow(
      'Already running.',
    );
    expect(requests.cancel('other')).toBe(false);
    expect(requests.cancel('r1')).toBe(true);
    expect(await first).toBe('stopped');
    expect(seen?.aborted).toBe(true);
    expect(requests.busy()).toBe(false);
    expect(await requests.run('r1', 'Already running.', () => Promise.resolve('again'))).toBe('again');
  });

  it('forgets a request whose work failed, and cancels every running one at once', async () => {
    const requests = new CancellableRequests();
    await expect(requests.run('bad', 'x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(requests.busy()).toBe(false);
    const waits = ['a', 'b'].map((id) =>
      requests.run(
        id,
        'x',
        (signal) => new Promise<boolean>((resolve) => signal.addEventListener('abort', () => resolve(true))),
      ),
    );
    requests.cancelAll();
    expect(await Promise.all(waits)).toEqual([true, true]);
  });
});
