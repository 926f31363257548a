import { describe, expect, it } from 'vitest';
import { addLocal, isoInZone, startOfLocalDay, zonedInstant } from '../../../main/sync/zoned-time';

describe('zoned time', () => {
  it('writes instants with the zone’s offset on both sides of a DST change', () => {
    expect(isoInZone('Europe/Berlin', Date.UTC(2024, 2, 30, 23))).toBe('2024-03-31T00:00:00.000+01:00');
    expect(isoInZone('Europe/Berlin', Date.UTC(2024, 2, 31, 22))).toBe('2024-04-01T00:00:00.000+02:00');
    expect(isoInZone('America/St_Johns', Date.UTC(2024, 0, 1, 3, 30))).toBe('2024-01-01T00:00:00.000-03:30');
    expect(Date.parse(isoInZone('Asia/Kolkata', 1_700_000_000_123))).toBe(1_700_000_000_123);
  });

  it('adds local days across DST (23- and 25-hour days) and months with the day clamped', () => {
    const spring = startOfLocalDay('Europe/Berlin', Date.UTC(2024, 2, 31, 12));
    expect(addLocal('Europe/Berlin', spring, 0, 1) - spring).toBe(23 * 3600_000);
    const autumn = startOfLocalDay('Europe/Berlin', Date.UTC(2024, 9, 27, 12));
    expect(addLocal('Europe/Berlin', autumn, 0, 1) - autumn).toBe(25 * 3600_000);
    const january31 = startOfLocalDay('UTC', Date.UTC(2024, 0, 31, 12));
    expect(new Date(addLocal('UTC', january31, 1, 0)).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('starts a day whose midnight is skipped when the clocks jump, not an hour inside the day before', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024: that day starts at 01:00 (04:00 UTC).
    const day = startOfLocalDay('America/Santiago', Date.UTC(2024, 8, 8, 15));
    expect(new Date(day).toISOString()).toBe('2024-09-08T04:00:00.000Z');
    expect(isoInZone('America/Santiago', day)).toBe('2024-09-08T01:00:00.000-03:00');
    // A skipped wall time moves forward by the gap; a repeated one takes its first occurrence.
    const local = { year: 2024, month: 3, day: 10, hour: 2, minute: 30, second: 0, millisecond: 0 };
    expect(isoInZone('America/Chicago', zonedInstant('America/Chicago', local))).toBe('2024-03-10T03:30:00.000-05:00');
    const repeated = { ...local, month: 11, day: 3, hour: 1 };
    expect(isoInZone('America/Chicago', zonedInstant('America/Chicago', repeated))).toBe(
      '2024-11-03T01:30:00.000-05:00',
    );
  });
});
