import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshness, missingIntervals, withRecorded, type CoveragePiece } from '../../../main/cache/coverage';
import type { Cache } from '../../../main/cache/index';
import { CacheFixture, DAY, HOUR, NOW } from './support/cache-fixture';

const piece = (start: number, end: number, fetchedAt: number): CoveragePiece => ({ start, end, fetchedAt });
const TODAY = Date.UTC(2024, 4, 15); // NOW is today 12:00
const day = (n: number): number => TODAY + n * DAY;

describe('what needs fetching (missingIntervals)', () => {
  it('fetches everything when nothing is cached, but nothing after now', () => {
    expect(missingIntervals([], day(-7), day(1), { now: NOW, refresh: false })).toEqual([
      { start: day(-7), end: NOW, reason: 'not-cached' },
    ]);
  });

  it('serves old, settled data from the cache even on refresh', () => {
    const settled = [piece(day(-30), day(-20), day(-10))];
    expect(missingIntervals(settled, day(-30), day(-20), { now: NOW, refresh: false })).toEqual([]);
    expect(missingIntervals(settled, day(-30), day(-20), { now: NOW, refresh: true })).toEqual([]);
  });

  it('fetches only the gaps between cached parts', () => {
    const pieces = [piece(day(-30), day(-25), day(-10)), piece(day(-23), day(-20), day(-10))];
    expect(missingIntervals(pieces, day(-30), day(-20), { now: NOW, refresh: false })).toEqual([
      { start: day(-25), end: day(-23), reason: 'not-cached' },
    ]);
  });

  it('serves the last 72 hours from the cache until the user refreshes', () => {
    const fetchedAnHourAgo = [piece(day(-5), NOW - HOUR, NOW - HOUR)];
    expect(missingIntervals(fetchedAnHourAgo, day(-5), NOW, { now: NOW, refresh: false })).toEqual([
      { start: NOW - HOUR, end: NOW, reason: 'not-cached' },
    ]);
    // On refresh: the part still within 72 h of when it was fetched, split by whether it is still recent now.
    expect(missingIntervals(fetchedAnHourAgo, day(-5), NOW, { now: NOW, refresh: true })).toEqual([
      { start: NOW - HOUR - 72 * HOUR, end: NOW - 72 * HOUR, reason: 'unsettled' },
      { start: NOW - 72 * HOUR, end: NOW - HOUR, reason: 'recent' },
      { start: NOW - HOUR, end: NOW, reason: 'not-cached' },
    ]);
  });

  it('re-fetches on refresh a week that was cached while it was still recent', () => {
    // Last week [day -12, day -5) was fetched on day -4: its last ~2 days were not settled then.
    const lastWeek = [piece(day(-12), day(-5), day(-4))];
    expect(missingIntervals(lastWeek, day(-12), day(-5), { now: NOW, refresh: false })).toEqual([]);
    expect(missingIntervals(lastWeek, day(-12), day(-5), { now: NOW, refresh: true })).toEqual([
      { start: day(-7), end: day(-5), reason: 'unsettled' },
    ]);
  });
});

describe('recording coverage (withRecorded)', () => {
  it('joins chunks of one run into one piece, keeping the earliest fetch time', () => {
    let pieces: CoveragePiece[] = [];
    pieces = withRecorded(pieces, piece(day(-3), day(-2), NOW));
    pieces = withRecorded(pieces, piece(day(-2), day(-1), NOW + 60_000));
    expect(pieces).toEqual([piece(day(-3), day(-1), NOW)]);
  });

  it('lets a newer fetch replace the overlap while the rest keeps its own fetch time', () => {
    const old = [piece(day(-10), day(-1), day(-1))];
    expect(withRecorded(old, piece(day(-4), day(-2), NOW))).toEqual([
      piece(day(-10), day(-4), day(-1)),
      piece(day(-4), day(-2), NOW),
      piece(day(-2), day(-1), day(-1)),
    ]);
  });

  it('joins neighbours once both are settled', () => {
    const pieces = [piece(day(-40), day(-30), day(-20))];
    expect(withRecorded(pieces, piece(day(-30), day(-25), day(-5)))).toEqual([piece(day(-40), day(-25), day(-5))]);
  });
});

describe('freshness line', () => {
  it('says how far the covered stretch reaches, from when, and whether it may still change', () => {
    const pieces = [piece(day(-2), day(-1), day(-1)), piece(day(-1), NOW - HOUR, NOW - HOUR)];
    expect(freshness(pieces, day(-2), NOW)).toEqual({
      completeUpTo: NOW - HOUR,
      fetchedAt: day(-1),
      mayHaveChanged: true,
    });
    expect(freshness([piece(day(-40), day(-30), day(-20))], day(-40), day(-30))).toEqual({
      completeUpTo: day(-30),
      fetchedAt: day(-20),
      mayHaveChanged: false,
    });
    expect(freshness(pieces, day(-3), NOW).completeUpTo).toBeNull();
  });
});

describe('coverage in the cache', () => {
  let fixture: CacheFixture;
  let cache: Cache;
  beforeEach(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
  });
  afterEach(() => fixture.dispose());

  it('never records data after the moment it was fetched', () => {
    cache.recordCoverage('demo', 'details', TODAY, day(1));
    expect(cache.coverage('demo', 'details', TODAY, day(1))).toEqual([piece(TODAY, NOW, NOW)]);
    fixture.clock.advance(3 * HOUR);
    expect(cache.missing('demo', 'details', TODAY, day(1), { refresh: false })).toEqual([
      { start: NOW, end: NOW + 3 * HOUR, reason: 'not-cached' },
    ]);
    expect(cache.completeUpTo('demo', 'details', TODAY, day(1))).toEqual({
      completeUpTo: NOW,
      fetchedAt: NOW,
      mayHaveChanged: true,
    });
  });

  it('keeps datasets and connections apart, and survives a restart', () => {
    cache.recordCoverage('demo', 'details', day(-10), day(-9), day(-1));
    cache.recordCoverage('demo', 'aggregates:abc', day(-8), day(-7), day(-1));
    cache.recordCoverage('org-1', 'details', day(-6), day(-5), day(-1));
    cache.close();
    const reopened = fixture.open();
    expect(reopened.coverage('demo', 'details', day(-30), NOW)).toEqual([piece(day(-10), day(-9), day(-1))]);
    expect(reopened.coverage('org-1', 'details', day(-30), NOW)).toEqual([piece(day(-6), day(-5), day(-1))]);
  });

  it('forgets part of a dataset on request', () => {
    cache.recordCoverage('demo', 'details', day(-10), day(-5), day(-1));
    cache.forgetCoverage('demo', 'details', day(-8), day(-7));
    expect(cache.coverage('demo', 'details', day(-30), NOW)).toEqual([
      piece(day(-10), day(-8), day(-1)),
      piece(day(-7), day(-5), day(-1)),
    ]);
  });
});
