import { join } from 'node:path';
import { openCache, type Cache, type OpenCacheOptions } from '../../../../main/cache/index';
import { makeTempDir } from '../../../support/temp-dir';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
/** A fixed "now" for tests: Wednesday 2024-05-15 12:00 UTC. */
export const NOW = Date.UTC(2024, 4, 15, 12);

/** A mutable clock tests move forward. */
export class TestClock {
  constructor(public ms = NOW) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A real cache file in a fresh temp folder, with a controllable clock. */
export class CacheFixture {
  readonly dir = makeTempDir('cache');
  readonly file = join(this.dir.path, 'cache.sqlite');
  readonly clock = new TestClock();
  private opened: Cache[] = [];

  open(options: Partial<OpenCacheOptions> = {}): Cache {
    const cache = openCache({ file: this.file, now: this.clock.now, ...options });
    this.opened.push(cache);
    return cache;
  }

  dispose(): void {
    for (const cache of this.opened) cache.close();
    this.opened = [];
    this.dir.remove();
  }
}
