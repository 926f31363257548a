import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORT_COLUMNS } from '../../../main/cache/grid-columns';
import {
  CacheError,
  type Cache,
  type GridFilter,
  type GridQuery,
  type GridSort,
  type SortColumn,
} from '../../../main/cache/index';
import { CacheFixture, DAY } from './support/cache-fixture';
import { generateConversations, QUEUES, USERS, WRAPUPS } from './support/conversations';
import { expectedRows, storedModel, type ModelRow } from './support/grid-model';

const START = Date.UTC(2024, 4, 1);
const END = START + 3 * DAY;
const COUNT = 3000;

describe('grid queries over cached conversations', () => {
  let fixture: CacheFixture;
  let cache: Cache;
  let model: ModelRow[];

  beforeAll(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
    // Groups of four conversations share a start time to the millisecond: plenty of ties for every sort.
    const conversations = generateConversations({
      start: START,
      spanMs: 3 * DAY,
      count: COUNT,
      seed: 11,
      inProgressShare: 0.1,
    }).map((conversation, index) => ({
      ...conversation,
      conversationStart: new Date(START + Math.floor(index / 4) * 60_000 * 3.5).toISOString(),
      ...(index % 97 === 0 ? { externalTag: `Ticket_100%_${index}` } : {}),
    }));
    cache.upsertConversations('demo', conversations);
    cache.upsertConversations('org-other', conversations.slice(0, 100)); // must never show up in demo's grid
    model = storedModel(cache, conversations);
  });
  afterAll(() => fixture.dispose());

  /** Every row, walking pages by keyset cursor. */
  function allByCursor(filters: GridFilter[], sort: GridSort, size = 97, start = START, end = END): string[] {
    const out: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const page = cache.queryConversations('demo', {
        start,
        end,
        filters,
        sort,
        page: { size, after },
        count: guard === 0,
      });
      out.push(...page.rows.map((row) => row.conversationId));
      if (page.nextCursor === null) return out;
      after = page.nextCursor;
    }
    throw new Error('paging did not end');
  }

  /** Every row, walking pages by number (OFFSET). */
  function allByNumber(filters: GridFilter[], sort: GridSort, size = 97): string[] {
    const out: string[] = [];
    for (let number = 1; ; number++) {
      const page = cache.queryConversations('demo', {
        start: START,
        end: END,
        filters,
        sort,
        page: { size, number },
        count: false,
      });
      out.push(...page.rows.map((row) => row.conversationId));
      if (page.rows.length < size) return out;
    }
  }

  const sorts = Object.keys(SORT_COLUMNS) as SortColumn[];

  it.each(
    sorts.flatMap((column) => [
      { column, direction: 'asc' as const },
      { column, direction: 'desc' as const },
    ]),
  )('keyset pages equal OFFSET pages and the expected order, sorted by $column $direction', (sort) => {
    const expected = expectedRows(model, START, END, [], sort);
    expect(expected).toHaveLength(COUNT);
    expect(allByCursor([], sort)).toEqual(expected);
    expect(allByNumber([], sort)).toEqual(expected);
  });

  const filterCases: [string, GridFilter[]][] = [
    ['one media type', [{ kind: 'set', column: 'mediaType', values: ['chat'] }]],
    ['several media types', [{ kind: 'set', column: 'mediaType', values: ['chat', 'email'] }]],
    ['direction', [{ kind: 'set', column: 'direction', values: ['outbound'] }]],
    ['first queue', [{ kind: 'set', column: 'firstQueue', values: [QUEUES[3]!] }]],
    ['one queue touched', [{ kind: 'set', column: 'queue', values: [QUEUES[3]!] }]],
    ['several queues touched', [{ kind: 'set', column: 'queue', values: [QUEUES[3]!, QUEUES[4]!, QUEUES[5]!] }]],
    ['one agent', [{ kind: 'set', column: 'agent', values: [USERS[7]!] }]],
    [
      'one agent, some queues, voice',
      [
        { kind: 'set', column: 'agent', values: [USERS[7]!] },
        { kind: 'set', column: 'queue', values: QUEUES.slice(0, 20) },
        { kind: 'set', column: 'mediaType', values: ['voice'] },
      ],
    ],
    ['several agents', [{ kind: 'set', column: 'agent', values: [USERS[7]!, USERS[8]!, 'user-gone'] }]],
    ['no agent (blanks)', [{ kind: 'set', column: 'agent', values: [], includeBlank: true }]],
    ['agent or blank', [{ kind: 'set', column: 'agent', values: [USERS[1]!], includeBlank: true }]],
    ['wrap-up or none', [{ kind: 'set', column: 'wrapUpCode', values: [WRAPUPS[2]!], includeBlank: true }]],
    ['an empty selection matches nothing', [{ kind: 'set', column: 'mediaType', values: [] }]],
    ['ANI contains', [{ kind: 'text', column: 'ani', op: 'contains', value: '55512' }]],
    ['DNIS starts with', [{ kind: 'text', column: 'dnis', op: 'startsWith', value: 'TEL:+18005550' }]],
    [
      'external tag equals (any case)',
      [{ kind: 'text', column: 'externalTag', op: 'equals', value: 'ticket_100%_97' }],
    ],
    ['talk between 1 and 5 minutes', [{ kind: 'number', column: 'talk', min: 60_000, max: 300_000 }]],
    ['ended in a window', [{ kind: 'date', column: 'endTime', from: START + DAY, to: START + 2 * DAY }]],
    [
      'started in a window',
      [{ kind: 'date', column: 'startTime', from: START + 6 * 3600_000, to: START + 30 * 3600_000 }],
    ],
    ['abandoned', [{ kind: 'flag', column: 'abandoned', value: true }]],
    [
      'queue, agent and media together',
      [
        { kind: 'set', column: 'queue', values: QUEUES.slice(0, 10) },
        { kind: 'set', column: 'agent', values: USERS.slice(0, 60) },
        { kind: 'set', column: 'mediaType', values: ['voice'] },
      ],
    ],
  ];

  it.each(filterCases)('filters: %s (rows and total match the model, any sort)', (name, filters) => {
    for (const sort of [
      { column: 'startTime', direction: 'desc' },
      { column: 'startTime', direction: 'asc' },
      { column: 'handle', direction: 'desc' },
      { column: 'wrapUpCode', direction: 'asc' },
    ] as GridSort[]) {
      const expected = expectedRows(model, START, END, filters, sort);
      if (!name.includes('nothing')) expect(expected.length).toBeGreaterThan(0);
      const first = cache.queryConversations('demo', { start: START, end: END, filters, sort, page: { size: 50 } });
      expect(first.totalRows).toBe(expected.length);
      if (first.nextCursor !== null) {
        // Later pages report the same total (the cursor narrows the page, never the count).
        const second = cache.queryConversations('demo', {
          start: START,
          end: END,
          filters,
          sort,
          page: { size: 50, after: first.nextCursor },
        });
        expect(second.totalRows).toBe(expected.length);
      }
      expect(allByCursor(filters, sort, 50)).toEqual(expected);
    }
  });

  it('maps a row to readable fields', () => {
    const [row] = cache.queryConversations('demo', {
      start: START,
      end: END,
      sort: { column: 'startTime', direction: 'asc' },
      page: { size: 1 },
    }).rows;
    const flat = model.find((entry) => entry.flat.conversation_id === row!.conversationId)!.flat;
    expect(row).toEqual({
      conversationId: flat.conversation_id,
      start: flat.start_ms,
      end: flat.end_ms,
      durationMs: flat.duration_ms,
      direction: flat.direction,
      mediaType: flat.media_type,
      firstQueueId: flat.first_queue_id,
      queueIds: JSON.parse(flat.queue_ids) as string[],
      userIds: JSON.parse(flat.user_ids) as string[],
      wrapUpCodeId: flat.wrapup_code_id,
      ani: flat.ani,
      dnis: flat.dnis,
      divisionId: flat.division_id,
      externalTag: flat.external_tag,
      talkMs: flat.t_talk,
      heldMs: flat.t_held,
      acwMs: flat.t_acw,
      handleMs: flat.t_handle,
      queueWaitMs: flat.t_acd,
      alertMs: flat.t_alert,
      abandonWaitMs: flat.t_abandon,
      abandoned: flat.abandoned === 1,
      answered: flat.answered === 1,
      transferred: flat.transferred === 1,
    });
  });

  describe('hostile input', () => {
    const base: GridQuery = { start: START, end: END, page: { size: 10 } };
    const refused = (query: unknown): CacheError => {
      try {
        cache.queryConversations('demo', query as GridQuery);
      } catch (error) {
        if (error instanceof CacheError) return error;
        throw error;
      }
      throw new Error('expected the query to be refused');
    };

    it('treats SQL and LIKE wildcards in filter values as plain text', () => {
      for (const value of ["'; DROP TABLE conversations; --", '" OR 1=1 --', "x') OR ('1'='1", '%', '_', '\\']) {
        const filters: GridFilter[] = [{ kind: 'text', column: 'ani', op: 'contains', value }];
        expect(cache.queryConversations('demo', { ...base, filters }).totalRows).toBe(0);
        const sets: GridFilter[] = [
          { kind: 'set', column: 'agent', values: [value] },
          { kind: 'set', column: 'mediaType', values: [value, 'x'] },
        ];
        expect(cache.queryConversations('demo', { ...base, filters: sets }).totalRows).toBe(0);
      }
      // A literal "%" and "_" only match themselves.
      const percent: GridFilter[] = [{ kind: 'text', column: 'externalTag', op: 'contains', value: '100%_' }];
      expect(cache.queryConversations('demo', { ...base, filters: percent }).totalRows).toBe(
        expectedRows(model, START, END, percent, { column: 'startTime', direction: 'desc' }).length,
      );
      expect(cache.queryConversations('demo', { ...base, filters: percent }).totalRows).toBeGreaterThan(0);
      expect(cache.conversationCount('demo')).toBe(COUNT);
    });

    it('refuses sort keys and filter columns that are not on the list', () => {
      for (const column of [
        'start_ms; DROP TABLE conversations',
        'c.start_ms',
        '__proto__',
        'constructor',
        'toString',
        '',
      ]) {
        expect(refused({ ...base, sort: { column, direction: 'asc' } }).code).toBe('bad-query');
        expect(refused({ ...base, filters: [{ kind: 'text', column, op: 'contains', value: 'x' }] }).code).toBe(
          'bad-query',
        );
        expect(refused({ ...base, filters: [{ kind: 'set', column, values: ['x'] }] }).code).toBe('bad-query');
      }
      expect(refused({ ...base, sort: { column: 'startTime', direction: 'asc; DROP TABLE runs' } }).code).toBe(
        'bad-query',
      );
      expect(refused({ ...base, filters: [{ kind: 'text', column: 'ani', op: 'glob', value: 'x' }] }).code).toBe(
        'bad-query',
      );
      expect(refused({ ...base, filters: [{ kind: 'number', column: 'talk', min: '0 OR 1=1' }] }).code).toBe(
        'bad-query',
      );
      expect(
        refused({ ...base, filters: [{ kind: 'set', column: 'queue', values: [{ toString: () => 'x' }] }] }).code,
      ).toBe('bad-query');
      expect(refused({ ...base, page: { size: 'all' } }).code).toBe('bad-query');
      expect(refused({ ...base, page: { size: 100_000 } }).code).toBe('bad-query');
      expect(refused({ ...base, start: END, end: START }).code).toBe('bad-query');
      expect(cache.conversationCount('demo')).toBe(COUNT);
    });

    it('refuses a tampered cursor, or one from another view', () => {
      const sort: GridSort = { column: 'startTime', direction: 'asc' };
      const { nextCursor } = cache.queryConversations('demo', { ...base, sort });
      expect(nextCursor).not.toBeNull();
      expect(
        refused({ ...base, sort: { column: 'startTime', direction: 'desc' }, page: { size: 10, after: nextCursor } })
          .code,
      ).toBe('bad-query');
      expect(
        refused({
          ...base,
          sort,
          filters: [{ kind: 'flag', column: 'abandoned', value: true }],
          page: { size: 10, after: nextCursor },
        }).code,
      ).toBe('bad-query');
      const decoded = JSON.parse(Buffer.from(nextCursor!, 'base64url').toString()) as {
        v: unknown;
        i: unknown;
        s: string;
      };
      const forged = (v: unknown, i: unknown): string =>
        Buffer.from(JSON.stringify({ v, i, s: decoded.s })).toString('base64url');
      expect(refused({ ...base, sort, page: { size: 10, after: forged('1 OR 1=1', decoded.i) } }).code).toBe(
        'bad-query',
      );
      expect(refused({ ...base, sort, page: { size: 10, after: forged(decoded.v, 'x') } }).code).toBe('bad-query');
      expect(refused({ ...base, sort, page: { size: 10, after: 'not base64 json' } }).code).toBe('bad-query');
    });
  });
});
