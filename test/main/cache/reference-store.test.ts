import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../../main/cache/index';
import { CacheFixture, NOW } from './support/cache-fixture';

describe('reference data (names for ids)', () => {
  let fixture: CacheFixture;
  let cache: Cache;
  beforeEach(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
  });
  afterEach(() => fixture.dispose());

  it('names queues, users (including deleted ones), wrap-up codes and divisions per connection', () => {
    cache.putReference('demo', 'queue', [
      { id: 'q1', name: 'Sales' },
      { id: 'q2', name: 'Billing' },
    ]);
    cache.putReference('demo', 'user', [
      { id: 'u1', name: 'Ann Active', state: 'active' },
      { id: 'u2', name: 'Dan Departed', state: 'deleted' },
    ]);
    cache.putReference('org-1', 'queue', [{ id: 'q1', name: 'Other org’s queue' }]);
    expect(cache.namesFor('demo', 'queue', ['q1', 'q2', 'q-unknown'])).toEqual(
      new Map([
        ['q1', 'Sales'],
        ['q2', 'Billing'],
      ]),
    );
    expect(cache.namesFor('demo', 'user', ['u2'])).toEqual(new Map([['u2', 'Dan Departed']]));
    expect(cache.referenceItems('demo', 'user')).toEqual([
      { id: 'u1', name: 'Ann Active', state: 'active', fetchedAt: NOW },
      { id: 'u2', name: 'Dan Departed', state: 'deleted', fetchedAt: NOW },
    ]);
    expect(cache.namesFor('org-1', 'queue', ['q1'])).toEqual(new Map([['q1', 'Other org’s queue']]));
    expect(cache.namesFor('demo', 'wrapupCode', ['q1'])).toEqual(new Map());
  });

  it('keeps names of things that disappeared from a later listing, and takes renames', () => {
    cache.putReference('demo', 'queue', [
      { id: 'q1', name: 'Sales' },
      { id: 'q-old', name: 'Closed queue' },
    ]);
    cache.putReference('demo', 'queue', [{ id: 'q1', name: 'Sales EMEA' }]);
    expect(cache.namesFor('demo', 'queue', ['q1', 'q-old'])).toEqual(
      new Map([
        ['q1', 'Sales EMEA'],
        ['q-old', 'Closed queue'],
      ]),
    );
  });

  it('skips entities without an id and shows the id when the name is missing', () => {
    expect(cache.putReference('demo', 'division', [{ name: 'no id' }, { id: 'd1' }, { id: 'd2', name: '' }])).toBe(2);
    expect(cache.namesFor('demo', 'division', ['d1', 'd2'])).toEqual(
      new Map([
        ['d1', 'd1'],
        ['d2', 'd2'],
      ]),
    );
  });

  it('looks up thousands of ids in one call', () => {
    const users = Array.from({ length: 5000 }, (_, i) => ({ id: `u${i}`, name: `User ${i}` }));
    cache.putReference('demo', 'user', users);
    const names = cache.namesFor(
      'demo',
      'user',
      users.map((user) => user.id),
    );
    expect(names.size).toBe(5000);
    expect(names.get('u4999')).toBe('User 4999');
  });
});
