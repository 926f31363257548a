import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WALK_FIRST, type BuildInput } from '../../../main/cache/grid-plan';
import { buildGridQuery } from '../../../main/cache/grid-sql';
import type { Cache, GridFilter, GridSort } from '../../../main/cache/index';
import { CacheFixture, DAY } from './support/cache-fixture';
import { generateConversations } from './support/conversations';

const START = Date.UTC(2024, 3, 1);
const END = START + 30 * DAY;
const COUNT = 24_000;

/**
 * Bounded walks down a sort index (grid-sql.ts `walk`). Every conversation passes through one of two queues of
 * 12,000 conversations each (too many to sort whole at once): X, and Y, whose talk times all sit in a band just
 * past what a first walk reads from the top. For Y, longest talk first, a first walk ends short of a page, so the
 * page is asked again (a longer sweep past Y's collected ids; then Y's rows sorted whole). Whichever attempt
 * answers a page, paging by cursor must give exactly the rows of a plain sort.
 */
describe('grid pages over a sort index anti-correlated with the filter', () => {
  let fixture: CacheFixture;
  let cache: Cache;
  let x: string;
  let y: string;

  beforeAll(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
    const pool = generateConversations({ start: START, spanMs: 30 * DAY, count: 1000, seed: 5 });
    for (let offset = 0; offset < COUNT; offset += pool.length) {
      cache.upsertConversations(
        'demo',
        pool.map((conversation, index) => ({
          ...conversation,
          conversationId: `${offset + index}-${conversation.conversationId!}`,
          conversationStart: new Date(START + Math.floor(((offset + index) * 30 * DAY) / COUNT)).toISOString(),
        })),
      );
    }
    [x, y] = ['queue-x', 'queue-y'];
    // The store's update trigger rebuilds the member entries from queue_ids.
    cache.db.prepare(`UPDATE conversations SET queue_ids = json_array(iif(id % 2 = 0, ?, ?))`).run(x, y);
    const band = cache.db
      .prepare('SELECT t_talk FROM conversations WHERE id % 2 = 0 ORDER BY t_talk DESC, id DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(WALK_FIRST + 1000) as number;
    cache.db.prepare('UPDATE conversations SET t_talk = ? + id % 40 WHERE id % 2 = 1').run(band);
  }, 60_000);
  afterAll(() => fixture.dispose());

  const column = { talk: 't_talk', queueWait: 't_acd', handle: 't_handle' } as const;
  const reference = (queue: string, any: boolean, sort: GridSort): string[] => {
    const sql = column[sort.column as keyof typeof column];
    const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
    const where = any
      ? 'id IN (SELECT id FROM conversation_members WHERE conn = 1 AND kind = 1 AND member_id = ?)'
      : 'first_queue_id = ?';
    return cache.db
      .prepare(
        `SELECT conversation_id FROM conversations NOT INDEXED WHERE conn = 1 AND ${where}
                ORDER BY ${sql} ${dir}, id ${dir}`,
      )
      .pluck()
      .all(queue) as string[];
  };
  const filterOf = (queue: string, any: boolean): GridFilter[] => [
    { kind: 'set', column: any ? 'queue' : 'firstQueue', values: [queue] },
  ];

  it.each([
    ['talk', 'desc'],
    ['talk', 'asc'],
    ['queueWait', 'desc'],
    ['handle', 'asc'],
  ] as const)('pages by cursor give exactly the plain sort: %s %s', (sortColumn, direction) => {
    const sort: GridSort = { column: sortColumn, direction };
    for (const queue of [x, y]) {
      for (const any of [true, false]) {
        const expected = reference(queue, any, sort);
        for (const size of [100, 37]) {
          const seen: string[] = [];
          let after: string | null = null;
          for (let page = 0; page < 1000; page++) {
            const result = cache.queryConversations('demo', {
              start: START,
              end: END,
              filters: filterOf(queue, any),
              sort,
              page: { size, after },
              count: page === 0,
            });
            if (page === 0) expect(result.totalRows).toBe(expected.length);
            seen.push(...result.rows.map((row) => row.conversationId));
            after = result.nextCursor;
            if (after === null) break;
          }
          expect(seen).toEqual(expected);
        }
        // A jump by page number (OFFSET) lands on the same rows.
        const third = cache.queryConversations('demo', {
          start: START,
          end: END,
          filters: filterOf(queue, any),
          sort,
          page: { size: 50, number: 3 },
          count: false,
        });
        expect(third.rows.map((row) => row.conversationId)).toEqual(expected.slice(100, 150));
      }
    }
  });

  it('a short first walk is asked again: a longer sweep past the queue’s ids, then the queue sorted whole', () => {
    const estimate = (sql: string, params: Record<string, unknown>): number =>
      (cache.db.prepare(sql).get(params) as { n: number }).n;
    const probe = (sql: string, params: Record<string, unknown>) =>
      cache.db.prepare(sql).get(params) as Record<string, unknown> | undefined;
    const attempt = (queue: string, walk: BuildInput['walk']) => {
      const built = buildGridQuery({
        conn: 1,
        start: START,
        end: END,
        filters: filterOf(queue, true),
        sort: { column: 'talk', direction: 'desc' },
        size: 100,
        after: null,
        offset: 0,
        estimate,
        probe,
        walk,
      });
      const rows = cache.db.prepare(built.pageSql).all(built.params) as { conversation_id: string }[];
      return { built, ids: rows.map((row) => row.conversation_id) };
    };
    const sort: GridSort = { column: 'talk', direction: 'desc' };
    // Y (a band past the first walk): the first walk finds nothing, the sweep fills the page.
    const firstY = attempt(y, 'first');
    expect(firstY.built.bounded).toBe(true);
    expect(firstY.ids).toEqual([]);
    const sweepY = attempt(y, 'sized');
    expect(sweepY.built.pageSql).toMatch(/conversations_by_talk/);
    expect(sweepY.built.pageSql).toMatch(/c\.id IN \(SELECT x\.id FROM conversation_members x/);
    expect(sweepY.ids).toEqual(reference(y, true, sort).slice(0, 101));
    // The last attempt reads the queue's own entries and sorts them.
    const whole = attempt(y, 'none');
    expect(whole.built.bounded).toBe(false);
    expect(whole.built.pageSql).toMatch(/FROM conversation_members m CROSS JOIN conversations c/);
    expect(whole.ids).toEqual(reference(y, true, sort).slice(0, 101));
    // X fills its page on the first walk.
    expect(attempt(x, 'first').ids).toEqual(reference(x, true, sort).slice(0, 101));
  });
});
