import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownName } from '../../../main/cache/grid-columns';
import type { GridConditionGroup } from '../../../main/cache/grid-request';
import { type CacheError, type Cache, type GridFilter, type GridQuery, type GridSort } from '../../../main/cache/index';
import { CacheFixture, DAY } from './support/cache-fixture';
import { generateConversations, QUEUES, USERS, WRAPUPS } from './support/conversations';
import { expectedRows, storedModel, type ModelRow } from './support/grid-model';

const START = Date.UTC(2024, 4, 1);
const END = START + 2 * DAY;

/**
 * The grid's advanced conditions (and/or groups, negation, conversation-detail conditions), phone-aware text
 * filters and sorting by name, checked against the plain TypeScript model of the grid (support/grid-model.ts).
 */
describe('grid conditions', () => {
  let fixture: CacheFixture;
  let cache: Cache;
  let model: ModelRow[];

  beforeAll(() => {
    fixture = new CacheFixture();
    cache = fixture.open();
    const conversations = generateConversations({ start: START, spanMs: 2 * DAY, count: 1500, seed: 5 });
    // Some conversations hang up on the agent's side: a disconnect type on the agent's last segment.
    conversations.forEach((conversation, index) => {
      if (index % 7 !== 0) return;
      const agent = conversation.participants?.find((p) => p.purpose === 'agent');
      const segment = agent?.sessions?.[0]?.segments?.at(-1);
      if (segment !== undefined) segment.disconnectType = 'client';
    });
    cache.upsertConversations('demo', conversations);
    model = storedModel(cache, conversations);
  });
  afterAll(() => fixture.dispose());

  const SORT: GridSort = { column: 'startTime', direction: 'desc' };
  const all = () => expectedRows(model, START, END, [], SORT);
  const matching = (filter: GridFilter) => new Set(expectedRows(model, START, END, [filter], SORT));

  function walk(query: Omit<GridQuery, 'page'>, size = 89): string[] {
    const out: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const page = cache.queryConversations('demo', { ...query, page: { size, after }, count: false });
      out.push(...page.rows.map((row) => row.conversationId));
      if (page.nextCursor === null) return out;
      after = page.nextCursor;
    }
    throw new Error('paging did not end');
  }
  const count = (query: Omit<GridQuery, 'page'>) =>
    cache.queryConversations('demo', { ...query, page: { size: 1 } }).totalRows;

  const media: GridFilter = { kind: 'set', column: 'mediaType', values: ['chat'] };
  const longTalk: GridFilter = { kind: 'number', column: 'talk', min: 400_000 };
  const agents: GridFilter = { kind: 'set', column: 'agent', values: USERS.slice(0, 20) };
  const wrapup: GridFilter = { kind: 'set', column: 'wrapUpCode', values: [WRAPUPS[0]!] };

  it('any: a row matching one rule is kept, in order, across pages, counted once', () => {
    const conditions: GridConditionGroup = {
      match: 'any',
      rules: [{ condition: media }, { condition: longTalk }, { condition: agents }],
    };
    const sets = [media, longTalk, agents].map(matching);
    const expected = all().filter((id) => sets.some((set) => set.has(id)));
    expect(expected.length).toBeLessThan(all().length);
    expect(walk({ start: START, end: END, sort: SORT, conditions })).toEqual(expected);
    expect(count({ start: START, end: END, sort: SORT, conditions })).toBe(expected.length);
  });

  it('all with "not": rows without a value pass a negated rule', () => {
    const queue: GridFilter = { kind: 'set', column: 'queue', values: QUEUES.slice(0, 10) };
    const conditions: GridConditionGroup = {
      match: 'all',
      rules: [{ condition: queue }, { condition: wrapup, negate: true }],
    };
    const [inQueue, coded] = [matching(queue), matching(wrapup)];
    const expected = all().filter((id) => inQueue.has(id) && !coded.has(id));
    // Abandoned conversations have no wrap-up at all: they must be among the kept ones.
    const noWrapup = new Set(
      model.filter((row) => row.flat.wrapup_code_id === null).map((row) => row.flat.conversation_id),
    );
    expect(expected.some((id) => noWrapup.has(id))).toBe(true);
    expect(walk({ start: START, end: END, sort: { column: 'handle', direction: 'desc' }, conditions }).sort()).toEqual(
      [...expected].sort(),
    );
    expect(count({ start: START, end: END, sort: SORT, conditions })).toBe(expected.length);
  });

  it('a disconnect condition reads the stored detail: which party ended it', () => {
    const conditions: GridConditionGroup = {
      match: 'any',
      rules: [{ condition: { kind: 'disconnect', party: 'agent', types: ['client', 'endpoint'] } }],
    };
    const expected = all().filter((_, index, ids) => {
      const row = model.find((m) => m.flat.conversation_id === ids[index])!;
      return model.indexOf(row) % 7 === 0 && row.flat.user_ids !== '[]';
    });
    expect(expected.length).toBeGreaterThan(10);
    expect(walk({ start: START, end: END, sort: SORT, conditions })).toEqual(expected);
    const customer: GridConditionGroup = {
      match: 'all',
      rules: [{ condition: { kind: 'disconnect', party: 'customer', types: ['client', 'endpoint'] } }],
    };
    expect(count({ start: START, end: END, sort: SORT, conditions: customer })).toBe(0);
  });

  it('phone filters match with or without the tel: prefix Genesys writes', () => {
    const ani = model.find((row) => row.flat.ani !== null)!.flat.ani!;
    const bare = ani.slice('tel:'.length);
    const prefix = bare.slice(0, 6);
    const withScheme = expectedRows(
      model,
      START,
      END,
      [{ kind: 'text', column: 'ani', op: 'startsWith', value: `tel:${prefix}` }],
      SORT,
    );
    expect(withScheme.length).toBeGreaterThan(0);
    expect(
      walk({
        start: START,
        end: END,
        sort: SORT,
        filters: [{ kind: 'text', column: 'ani', op: 'startsWith', value: prefix }],
      }),
    ).toEqual(withScheme);
    const exact = walk({
      start: START,
      end: END,
      sort: SORT,
      filters: [{ kind: 'text', column: 'ani', op: 'equals', value: bare }],
    });
    expect(exact).toEqual(
      expectedRows(model, START, END, [{ kind: 'text', column: 'ani', op: 'equals', value: ani }], SORT),
    );
    // A value with its own scheme is taken as written; "contains" never needed the prefix.
    expect(
      walk({
        start: START,
        end: END,
        sort: SORT,
        filters: [{ kind: 'text', column: 'ani', op: 'startsWith', value: `sip:${prefix}` }],
      }),
    ).toEqual([]);
  });

  it('sorts a named column by its cached name (unknown ids by their label), keyset paging included', () => {
    // Names in the opposite order of the ids; the last two queues have no cached name at all.
    cache.putReference(
      'demo',
      'queue',
      QUEUES.slice(0, -2).map((id, index) => ({
        id,
        name: `${String.fromCharCode(90 - (index % 26))} queue ${index}`,
      })),
    );
    const nameOf = (id: string | null): string | null => {
      if (id === null) return null;
      const index = QUEUES.indexOf(id);
      return index < QUEUES.length - 2
        ? `${String.fromCharCode(90 - (index % 26))} queue ${index}`
        : unknownName('queue', id);
    };
    for (const direction of ['asc', 'desc'] as const) {
      const ids = walk({ start: START, end: END, sort: { column: 'firstQueue', direction, byName: true } }, 97);
      const byId = new Map(model.map((row) => [row.flat.conversation_id, row]));
      const sign = direction === 'asc' ? 1 : -1;
      const expected = [...model]
        .filter((row) => row.flat.start_ms >= START && row.flat.start_ms < END)
        .sort((a, b) => {
          const [x, y] = [nameOf(a.flat.first_queue_id), nameOf(b.flat.first_queue_id)];
          const order =
            x === y
              ? 0
              : x === null
                ? -1
                : y === null
                  ? 1
                  : x.toLowerCase() < y.toLowerCase()
                    ? -1
                    : x.toLowerCase() > y.toLowerCase()
                      ? 1
                      : 0;
          return sign * (order || a.id - b.id);
        })
        .map((row) => row.flat.conversation_id);
      expect(ids).toEqual(expected);
      expect(ids.some((id) => nameOf(byId.get(id)!.flat.first_queue_id)?.startsWith('Unknown queue') === true)).toBe(
        true,
      );
    }
  });

  it('"all" rules that are plain filters use the same indexes as filters', () => {
    const plan = cache.explainConversations('demo', {
      start: START,
      end: END,
      sort: SORT,
      conditions: { match: 'all', rules: [{ condition: media }] },
      page: { size: 100 },
    });
    expect(plan.page.join('\n')).toMatch(/SEARCH c USING INDEX conversations_by_media/);
    const anyPlan = cache.explainConversations('demo', {
      start: START,
      end: END,
      sort: SORT,
      conditions: { match: 'any', rules: [{ condition: media }, { condition: longTalk }] },
      page: { size: 100 },
    });
    expect(anyPlan.page.join('\n')).toMatch(/SEARCH c USING INDEX conversations_by_start/);
    expect(anyPlan.page.join('\n')).not.toMatch(/\bSCAN c\b|TEMP B-TREE/);
  });

  it('refuses malformed conditions and cursors of another view', () => {
    const refused = (query: GridQuery) => {
      try {
        cache.queryConversations('demo', query);
      } catch (error) {
        return error as CacheError;
      }
      throw new Error('expected a refusal');
    };
    const base: GridQuery = { start: START, end: END, page: { size: 10 } };
    const bad = [
      { match: 'some', rules: [] },
      { match: 'any', rules: [{ condition: { kind: 'disconnect', party: 'boss', types: ['client'] } }] },
      { match: 'any', rules: [{ condition: { kind: 'disconnect', party: 'agent', types: [] } }] },
      { match: 'any', rules: [{ condition: media, negate: 'yes' }] },
    ];
    for (const conditions of bad) {
      expect(refused({ ...base, conditions: conditions as unknown as GridConditionGroup }).code).toBe('bad-query');
    }
    expect(refused({ ...base, sort: { column: 'talk', direction: 'asc', byName: true } }).code).toBe('bad-query');
    const cursor = cache.queryConversations('demo', base).nextCursor;
    const withConditions = {
      ...base,
      conditions: { match: 'any' as const, rules: [{ condition: media }, { condition: longTalk }] },
    };
    expect(refused({ ...withConditions, page: { size: 10, after: cursor } }).message).toMatch(/could not be shown/);
  });
});
