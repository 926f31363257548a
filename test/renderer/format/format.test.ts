import { describe, expect, it } from 'vitest';
import { formatCell } from '../../../renderer/src/format/cell';
import { describeSpan, formatCellDateTime, formatMoment } from '../../../renderer/src/format/datetime';
import { freshnessText } from '../../../renderer/src/format/freshness';
import { formatDuration, formatEta, parseDurationSeconds } from '../../../renderer/src/format/duration';
import { formatCount, formatPercent } from '../../../renderer/src/format/numbers';

const options = { durationFormat: 'hms' as const, timeZone: 'Europe/London', locale: 'en-GB' };

describe('durations', () => {
  it('reads as h:mm:ss, rounding to the nearest second and not wrapping at 24 hours', () => {
    expect(formatDuration(3_723_000, 'hms')).toBe('1:02:03');
    expect(formatDuration(59_600, 'hms')).toBe('0:01:00');
    expect(formatDuration(26 * 3_600_000, 'hms')).toBe('26:00:00');
    expect(formatDuration(0, 'hms')).toBe('0:00:00');
  });

  it('reads as whole seconds when the supervisor prefers seconds', () => {
    expect(formatDuration(3_723_400, 'seconds')).toBe('3723');
  });

  it('leaves missing values blank rather than showing 0', () => {
    expect(formatDuration(null, 'hms')).toBe('');
    expect(formatCell(null, 'duration', options)).toBe('');
  });

  it('understands what people type in a duration filter', () => {
    expect(parseDurationSeconds('90')).toBe(90);
    expect(parseDurationSeconds('1:30')).toBe(90);
    expect(parseDurationSeconds('1:02:03')).toBe(3723);
    expect(parseDurationSeconds('ten')).toBeNull();
    // What the grid shows and what the filter reads agree.
    expect(parseDurationSeconds(formatDuration(3_723_000, 'hms'))).toBe(3723);
  });

  it('rounds time left so the estimate does not jitter', () => {
    expect(formatEta(null)).toBe('estimating time left');
    expect(formatEta(30)).toBe('less than a minute left');
    expect(formatEta(150)).toBe('about 3 min left');
    expect(formatEta(3900)).toBe('about 1 h 5 min left');
  });
});

describe('numbers and percents', () => {
  it('shows ratios as percentages with one decimal', () => {
    expect(formatPercent(0.8234, 'en-GB')).toBe('82.3%');
    expect(formatCell(1, 'percent', options)).toBe('100.0%');
  });

  it('groups counts in the locale and keeps identifiers and phone numbers exactly as stored', () => {
    expect(formatCount(1234567, 'en-GB')).toBe('1,234,567');
    expect(formatCount(1234567, 'de-DE')).toBe('1.234.567');
    expect(formatCell('+13125550142', 'phone', options)).toBe('+13125550142');
    expect(formatCell(13125550142, 'id', options)).toBe('13125550142');
  });

  it('shows yes/no for true/false columns', () => {
    expect(formatCell(true, 'flag', options)).toBe('Yes');
    expect(formatCell(false, 'flag', options)).toBe('No');
  });
});

describe('dates and times in the report’s zone', () => {
  const beforeChange = Date.UTC(2026, 2, 29, 0, 30); // 00:30 GMT
  const afterChange = Date.UTC(2026, 2, 29, 1, 30); // 02:30 BST: the clocks went forward at 01:00 UTC

  it('shows the wall clock of the report’s zone, following the clock change', () => {
    expect(formatCellDateTime(beforeChange, 'Europe/London')).toBe('2026-03-29 00:30:00');
    expect(formatCellDateTime(afterChange, 'Europe/London')).toBe('2026-03-29 02:30:00');
    expect(formatCell(afterChange, 'datetime', { ...options, timeZone: 'America/New_York' })).toBe(
      '2026-03-28 21:30:00',
    );
  });

  it('describes whole days as days and anything else as two moments', () => {
    // 2 March 00:00 to 4 March 00:00 London time (GMT, so the same as UTC): two whole days.
    expect(describeSpan(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 4), 'Europe/London', 'en-GB')).toBe(
      'Mon 2 Mar – Tue 3 Mar 2026',
    );
    const partial = describeSpan(Date.UTC(2026, 2, 2, 9), Date.UTC(2026, 2, 2, 17), 'Europe/London', 'en-GB');
    expect(partial).toContain('09:00');
    expect(partial).toContain('17:00');
  });
});

describe('the freshness line', () => {
  const zone = 'Europe/London';
  const now = Date.UTC(2026, 5, 17, 9);

  it('says how far the result is complete and how many recent days may still change', () => {
    const text = freshnessText(
      {
        completeUpTo: Date.UTC(2026, 5, 17, 8, 40),
        fetchedAt: Date.UTC(2026, 5, 17, 8, 45),
        mayChangeFrom: now - 3 * 86_400_000,
      },
      zone,
      now,
    );
    expect(text).toBe(
      `Complete up to ${formatMoment(Date.UTC(2026, 5, 17, 8, 40), zone)}; the last 3 days may still change. Fetched ${formatMoment(Date.UTC(2026, 5, 17, 8, 45), zone)}.`,
    );
  });

  it('leaves out the warning for settled history, and says so when nothing is cached', () => {
    expect(freshnessText({ completeUpTo: Date.UTC(2026, 0, 1), fetchedAt: null, mayChangeFrom: null }, zone, now)).toBe(
      `Complete up to ${formatMoment(Date.UTC(2026, 0, 1), zone)}.`,
    );
    expect(freshnessText({ completeUpTo: null, fetchedAt: null, mayChangeFrom: null }, zone, now)).toBe(
      'Nothing of this result is cached yet.',
    );
  });
});
