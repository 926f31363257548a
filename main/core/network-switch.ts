/**
 * Whether the core may use the network. The app follows the OS's view (the glue reports it); the browser test
 * host flips it to prove that offline really means no request leaves: when off, the core's fetch fails the way
 * a pulled cable does, so every layer above sees a real network failure.
 */
export class NetworkSwitch {
  private online = true;
  private readonly listeners = new Set<(online: boolean) => void>();

  isOnline(): boolean {
    return this.online;
  }

  set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const listener of this.listeners) listener(online);
  }

  onChange(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A fetch that refuses while offline with the same TypeError Node's fetch throws when the network is down. */
  wrap(inner: typeof fetch): typeof fetch {
    return (input, init) => {
      if (!this.online) {
        const cause = Object.assign(new Error('network is unreachable'), { code: 'ENETUNREACH' });
        return Promise.reject(new TypeError('fetch failed', { cause }));
      }
      return inner(input, init);
    };
  }
}
