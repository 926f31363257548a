import { describe, expect, it } from 'vitest';
import { addLocal, isoInZone, startOfLocalDay } from '../../../main/sync/zoned-time';

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
});
