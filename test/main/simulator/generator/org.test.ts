import { describe, expect, it } from 'vitest';
import { createOrgDataset } from '../../../../main/simulator/generator/index';
import { dataset, settings } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MEDIA_KEYS = ['call', 'chat', 'email', 'message', 'callback'] as const;

describe('org reference data', () => {
  it('sizes the org to its traffic: small for a tiny perDay, large for a busy centre', () => {
    const tiny = dataset({ perDay: 50 });
    const busy = dataset({ perDay: 20_000 });
    for (const ds of [tiny, busy]) {
      expect(ds.queues.length).toBeGreaterThanOrEqual(10);
      expect(ds.queues.length).toBeLessThanOrEqual(60);
      expect(ds.users.length).toBeGreaterThanOrEqual(30);
      expect(ds.users.length).toBeLessThanOrEqual(600);
    }
    expect(tiny.queues.length).toBeLessThan(20);
    expect(tiny.users.length).toBeLessThan(40);
    expect(busy.queues.length).toBeGreaterThan(25);
    expect(busy.users.length).toBeGreaterThan(250);
  });

  it('has one Home division and a few more', () => {
    const ds = dataset();
    expect(ds.divisions.filter((d) => d.homeDivision)).toHaveLength(1);
    expect(ds.divisions.find((d) => d.homeDivision)?.name).toBe('Home');
    expect(ds.divisions.length).toBeGreaterThanOrEqual(3);
    for (const d of ds.divisions) expect(d.id).toMatch(UUID);
  });

  it('gives every queue a division, a media-style name and a service level per media', () => {
    const ds = dataset();
    const divisions = new Set(ds.divisions.map((d) => d.id));
    expect(new Set(ds.queues.map((q) => q.name)).size).toBe(ds.queues.length);
    for (const q of ds.queues) {
      expect(q.id).toMatch(UUID);
      expect(q.name).toMatch(/ – (Voice|Chat|Email|Messaging|Callback)$/);
      expect(divisions.has(q.division?.id)).toBe(true);
      expect(q.memberCount).toBeGreaterThanOrEqual(2);
      for (const key of MEDIA_KEYS) {
        const setting = q.mediaSettings?.[key];
        expect(setting?.alertingTimeoutSeconds).toBeGreaterThan(0);
        expect(setting?.serviceLevel?.percentage).toBeGreaterThan(0);
        expect(setting?.serviceLevel?.percentage).toBeLessThanOrEqual(1);
        expect(Number.isInteger(setting?.serviceLevel?.durationMs)).toBe(true);
        expect(setting?.serviceLevel?.durationMs).toBeGreaterThan(0);
      }
    }
    for (const media of ['Voice', 'Chat', 'Email', 'Messaging', 'Callback']) {
      expect(ds.queues.some((q) => q.name?.endsWith(`– ${media}`))).toBe(true);
    }
  });

  it('has users with accents and apostrophes, some deleted, all with unique names', () => {
    const ds = dataset();
    const names = ds.users.map((u) => u.name ?? '');
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((n) => n.includes("'"))).toBe(true);
    expect(names.some((n) => /[À-ɏ]/.test(n))).toBe(true);
    expect(ds.users.some((u) => u.state === 'deleted')).toBe(true);
    expect(ds.users.every((u) => u.state === 'active' || u.state === 'deleted')).toBe(true);
    for (const u of ds.users) {
      expect(u.id).toMatch(UUID);
      expect(u.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+$/);
    }
  });

  it('has wrap-up codes, including names that stress exports', () => {
    const ds = dataset();
    const names = ds.wrapupCodes.map((w) => w.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((n) => n.startsWith('='))).toBe(true);
    expect(names.some((n) => n.startsWith('+'))).toBe(true);
  });

  it('describes the organization', () => {
    const ds = dataset({ timeZone: 'America/Chicago' });
    expect(ds.organization.id).toMatch(UUID);
    expect(ds.organization.name).toBeTruthy();
    expect(ds.organization.defaultCountryCode).toBe('US');
    expect(dataset({ timeZone: 'Europe/London' }).organization.defaultCountryCode).toBe('GB');
  });

  it('refuses settings it cannot honour', () => {
    expect(() => createOrgDataset(settings({ perDay: Number.NaN }))).toThrow(RangeError);
    expect(() => createOrgDataset(settings({ daysBack: -1 }))).toThrow(RangeError);
    expect(() => createOrgDataset(settings({ timeZone: 'Nowhere/Special' }))).toThrow(RangeError);
  });

  it('still works for an org with no traffic', () => {
    const quiet = dataset({ perDay: 0 });
    expect(quiet.queues.length).toBeGreaterThanOrEqual(10);
    expect([...quiet.conversationsBetween(0, Date.now())]).toEqual([]);
  });
});
