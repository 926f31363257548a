import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache, GridFilter, GridQuery, GridSort } from '../../../main/cache/index';
import { CacheFixture, DAY } from './support/cache-fixture';
import { generateConversations, QUEUES, USERS } from './support/conversations';

const START = Date.UTC(2024, 3, 1);
const END = START + 30 * DAY;

/**
 * EXPLAIN QUERY PLAN for the grid's main queries: they must read an index range in order (SEARCH … USING
 * INDEX), never scan the table, and never sort (USE TEMP B-TREE FOR ORDER BY), both before SQLite has
 * statistics (a fresh cache) and after ANALYZE.
 */
describe.each(['fresh cache (no statistics)', 'after ANALYZE'])('grid query plans: %s', (stage) => {
  let fixture: CacheFixture;
  let cache: Cache;
  beforeAll(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
    const pool = generateConversations({ start: START, spanMs: 30 * DAY, count: 1000, seed: 3 });
    for (let offset = 0; offset < 20_000; offset += pool.length) {
      cache.upsertConversations(
        'demo',
        pool.map((conversation, index) => ({
          ...conversation,
          conversationId: `${offset + index}-${conversation.conversationId!}`,
          conversationStart: new Date(START + Math.floor(((offset + index) * 30 * DAY) / 20_000)).toISOString(),
        })),
      );
    }
    if (stage === 'after ANALYZE') cache.db.exec('ANALYZE');
  }, 60_000);
  afterAll(() => fixture.dispose());

  const plan = (filters: GridFilter[], sort: GridSort, after = false): { page: string[]; count: string[] } => {
    const query: GridQuery = { start: START, end: END, filters, sort, page: { size: 100 } };
    if (after) query.page.after = cache.queryConversations('demo', { ...query, count: false }).nextCursor;
    return cache.explainConversations('demo', query);
  };
  const readsInOrder = (lines: string[], index: RegExp): void => {
    expect(lines.join('\n')).toMatch(index);
    expect(lines.join('\n')).not.toMatch(/TEMP B-TREE/);
    expect(lines.join('\n')).not.toMatch(/\bSCAN c\b|\bSCAN m\b|AUTOMATIC/);
  };

  const directions: GridSort[] = [
    { column: 'startTime', direction: 'desc' },
    { column: 'startTime', direction: 'asc' },
  ];

  it.each(directions)('start time $direction, no filter, first and later pages', (sort) => {
    readsInOrder(
      plan([], sort).page,
      /SEARCH c USING INDEX conversations_by_start \(conn=\? AND start_ms>\? AND start_ms<\?\)/,
    );
    readsInOrder(plan([], sort, true).page, /SEARCH c USING INDEX conversations_by_start/);
    expect(plan([], sort).count.join('\n')).toMatch(/SEARCH c USING COVERING INDEX conversations_by_start/);
  });

  it.each(directions)('start time $direction, one media type', (sort) => {
    const filters: GridFilter[] = [{ kind: 'set', column: 'mediaType', values: ['chat'] }];
    readsInOrder(
      plan(filters, sort).page,
      /SEARCH c USING INDEX conversations_by_media \(conn=\? AND media_type=\? AND start_ms>\? AND start_ms<\?\)/,
    );
    readsInOrder(plan(filters, sort, true).page, /SEARCH c USING INDEX conversations_by_media/);
    expect(plan(filters, sort).count.join('\n')).toMatch(/SEARCH c USING COVERING INDEX conversations_by_media/);
  });

  it.each(directions)('start time $direction, one first queue', (sort) => {
    const filters: GridFilter[] = [{ kind: 'set', column: 'firstQueue', values: [QUEUES[2]!] }];
    readsInOrder(plan(filters, sort).page, /SEARCH c USING INDEX conversations_by_first_queue/);
  });

  it.each(directions)('start time $direction, one queue (any leg) or one agent: read from the member index', (sort) => {
    for (const filters of [
      [{ kind: 'set', column: 'queue', values: [QUEUES[2]!] }],
      [{ kind: 'set', column: 'agent', values: [USERS[2]!] }],
      [
        { kind: 'set', column: 'agent', values: [USERS[2]!] },
        { kind: 'set', column: 'mediaType', values: ['voice'] },
      ],
    ] as GridFilter[][]) {
      const { page, count } = plan(filters, sort, true);
      readsInOrder(
        page,
        /SEARCH m USING PRIMARY KEY \(conn=\? AND kind=\? AND member_id=\? AND start_ms>\? AND start_ms<\?\)/,
      );
      expect(page.join('\n')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
      expect(count.join('\n')).toMatch(/SEARCH m USING PRIMARY KEY \(conn=\? AND kind=\? AND member_id=\?/);
      expect(count.join('\n')).not.toMatch(/\bSCAN c\b|conversations_by_start/);
    }
  });

  it.each(directions)('start time $direction, several queues: in order, one key probe per row', (sort) => {
    const filters: GridFilter[] = [{ kind: 'set', column: 'queue', values: QUEUES.slice(0, 3) }];
    const { page, count } = plan(filters, sort, true);
    readsInOrder(page, /SEARCH c USING INDEX conversations_by_start/);
    // The count reads just those queues' index entries.
    expect(count.join('\n')).toMatch(
      /SEARCH m USING PRIMARY KEY \(conn=\? AND kind=\? AND member_id=\? AND start_ms>\? AND start_ms<\?\)/,
    );
    expect(count.join('\n')).not.toMatch(/\bSCAN c\b|conversations_by_start/);
    expect(page.join('\n')).toMatch(
      /SEARCH x EXISTS USING PRIMARY KEY \(conn=\? AND kind=\? AND member_id=\? AND start_ms=\? AND id=\?\)/,
    );
  });

  it('other sorts read only the requested range before sorting it', () => {
    for (const sort of [
      { column: 'handle', direction: 'desc' },
      { column: 'ani', direction: 'asc' },
      { column: 'endTime', direction: 'desc' },
    ] as GridSort[]) {
      const { page } = plan([{ kind: 'set', column: 'agent', values: USERS.slice(0, 3) }], sort, true);
      expect(page.join('\n')).not.toMatch(/\bSCAN c\b|AUTOMATIC/);
      expect(page.join('\n')).toMatch(/SEARCH/);
    }
  });
});
