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
  it.each(['talk', 'handle', 'queueWait'] as const)(
    'a duration sort (%s) over a large range reads that column’s index in order and stops after a page',
    (column) => {
      for (const direction of ['desc', 'asc'] as const) {
        for (const filters of [[], [{ kind: 'set', column: 'direction', values: ['inbound'] }]] as GridFilter[][]) {
          const index = new RegExp(
            `SEARCH c USING INDEX conversations_by_${column === 'queueWait' ? 'queue_wait' : column}`,
          );
          readsInOrder(plan(filters, { column, direction }).page, index);
          readsInOrder(plan(filters, { column, direction }, true).page, index);
        }
      }
    },
  );

  it.each([
    ['queueWait', 'queue_wait'],
    ['handle', 'handle'],
    ['talk', 'talk'],
  ] as const)(
    'one first queue sorted by %s: that queue’s own entries of its sort index, in order, first and later pages',
    (column, suffix) => {
      const filters: GridFilter[] = [{ kind: 'set', column: 'firstQueue', values: [QUEUES[2]!] }];
      const index = new RegExp(
        `SEARCH c USING INDEX conversations_by_first_queue_${suffix} \\(conn=\\? AND first_queue_id=\\?`,
      );
      for (const direction of ['desc', 'asc'] as const) {
        readsInOrder(plan(filters, { column, direction }).page, index);
        readsInOrder(plan(filters, { column, direction }, true).page, index);
      }
      // A short range is sorted whole instead (the queue's entries outside it would be walked past).
      const day: GridQuery = {
        start: START,
        end: START + DAY,
        filters,
        sort: { column, direction: 'desc' },
        page: { size: 100 },
      };
      expect(cache.explainConversations('demo', day).page.join('\n')).not.toMatch(/conversations_by_first_queue_/);
    },
  );

  it('a duration sort over a small source reads it whole, then sorts: one agent, one day, one media type', () => {
    const sort: GridSort = { column: 'talk', direction: 'desc' };
    const agent = plan([{ kind: 'set', column: 'agent', values: [USERS[2]!] }], sort, true);
    expect(agent.page.join('\n')).toMatch(
      /SEARCH m USING PRIMARY KEY \(conn=\? AND kind=\? AND member_id=\? AND start_ms>\? AND start_ms<\?\)/,
    );
    expect(agent.page.join('\n')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(agent.page.join('\n')).not.toMatch(/\bSCAN c\b|conversations_by_talk/);
    const media = plan([{ kind: 'set', column: 'mediaType', values: ['chat'] }], sort, true);
    expect(media.page.join('\n')).toMatch(/SEARCH c USING INDEX conversations_by_media/);
    const day: GridQuery = { start: START, end: START + DAY, sort, page: { size: 100 } };
    expect(cache.explainConversations('demo', day).page.join('\n')).toMatch(
      /SEARCH c USING INDEX conversations_by_start \(conn=\? AND start_ms>\? AND start_ms<\?\)/,
    );
  });

  it('abandoned only: partial indexes for its count, its start-time pages and its wait-time pages', () => {
    const filters: GridFilter[] = [{ kind: 'flag', column: 'abandoned', value: true }];
    for (const direction of ['desc', 'asc'] as const) {
      readsInOrder(
        plan(filters, { column: 'queueWait', direction }, true).page,
        /SEARCH c USING INDEX conversations_abandoned_by_queue_wait/,
      );
      readsInOrder(
        plan(filters, { column: 'abandonWait', direction }, true).page,
        /SEARCH c USING INDEX conversations_abandoned_by_abandon_wait/,
      );
      readsInOrder(
        plan(filters, { column: 'startTime', direction }, true).page,
        /SEARCH c USING INDEX conversations_abandoned \(conn=\? AND start_ms>\? AND start_ms<\?\)/,
      );
    }
    expect(plan(filters, { column: 'startTime', direction: 'desc' }).count.join('\n')).toMatch(
      /SEARCH c USING COVERING INDEX conversations_abandoned \(conn=\? AND start_ms>\? AND start_ms<\?\)/,
    );
  });

  it.each(directions)(
    'start time $direction, one direction: its index for the page and, index-only, the count',
    (sort) => {
      const filters: GridFilter[] = [{ kind: 'set', column: 'direction', values: ['outbound'] }];
      readsInOrder(
        plan(filters, sort, true).page,
        /SEARCH c USING INDEX conversations_by_direction \(conn=\? AND direction=\? AND start_ms>\? AND start_ms<\?\)/,
      );
      expect(plan(filters, sort).count.join('\n')).toMatch(/SEARCH c USING COVERING INDEX conversations_by_direction/);
    },
  );

  it('ANI contains (3+ characters) starts from the trigram index, for the page and the count', () => {
    const ani = cache.queryConversations('demo', { start: START, end: END, page: { size: 1 } }).rows[0]!.ani!;
    for (const sort of [directions[0]!, { column: 'handle', direction: 'desc' }] as GridSort[]) {
      const { page, count } = plan([{ kind: 'text', column: 'ani', op: 'contains', value: ani.slice(-8) }], sort);
      for (const lines of [page, count]) {
        expect(lines.join('\n')).toMatch(/SCAN f VIRTUAL TABLE/);
        expect(lines.join('\n')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
        expect(lines.join('\n')).not.toMatch(/\bSCAN c\b|conversations_by_start/);
      }
    }
    // Two characters are too few for trigrams; a value matching most rows is read in start order instead.
    for (const value of ['55', 'tel:+1555']) {
      const { page } = plan([{ kind: 'text', column: 'ani', op: 'contains', value }], directions[0]!);
      readsInOrder(page, /SEARCH c USING INDEX conversations_by_start/);
    }
  });
});
