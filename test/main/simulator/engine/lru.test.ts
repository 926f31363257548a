import { describe, expect, it } from 'vitest';
import { Lru } from '../../../../main/simulator/engine/lru';

describe('query cache (Lru)', () => {
  it('drops the least recently used entry beyond its capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });

  it('also drops old entries once together they hold more than the weight budget, keeping the newest', () => {
    const lru = new Lru<string, string[]>(64, (rows) => rows.length, 5);
    lru.set('monday', ['r1', 'r2', 'r3']);
    lru.set('tuesday', ['r4', 'r5']);
    expect(lru.size).toBe(2);
    lru.set('wednesday', ['r6']);
    expect(lru.get('monday')).toBeUndefined();
    expect(lru.get('tuesday')).toEqual(['r4', 'r5']);
    // One entry over the whole budget is still cached: a client is paging through it.
    lru.set('week', ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(lru.size).toBe(1);
    expect(lru.get('week')).toHaveLength(7);
  });

  it('replacing an entry does not count its old weight twice', () => {
    const lru = new Lru<string, string[]>(64, (rows) => rows.length, 4);
    lru.set('a', ['1', '2']);
    lru.set('b', ['1']);
    lru.set('b', ['1', '2']);
    expect([lru.get('a'), lru.get('b')]).toEqual([
      ['1', '2'],
      ['1', '2'],
    ]);
  });
});
