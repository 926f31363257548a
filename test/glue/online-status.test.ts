import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { net, powerMonitor, resetFakeElectron } from '../fakes/electron';
import { ONLINE_POLL_MS, watchOnlineStatus } from '../../main/glue/online-status';

describe('the online status the core is given', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reports the OS state at start, each change within the poll interval, and again on wake', () => {
    const seen: boolean[] = [];
    const stop = watchOnlineStatus((online) => seen.push(online));
    expect(seen).toEqual([true]);
    net.online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(seen).toEqual([true, false]);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(seen).toEqual([true, false]); // no repeats while nothing changes
    net.online = true;
    powerMonitor.emit('resume');
    expect(seen).toEqual([true, false, true]);
    stop();
    net.online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS * 2);
    expect(seen).toEqual([true, false, true]);
  });
});
