import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../main/core/errors';
import { reportDefinition, type CachedReportDefinition } from '../../../main/reports/index';
import {
  gridViewSchema,
  reportParamsSchema,
  type ConditionGroup,
  type GridView,
  type GridViewInput,
  type ReportParams,
  type ReportParamsInput,
} from '../../../preload/contract/report-params';
import type { ReportRow } from '../../../preload/contract/reports';
import {
  conversationsStarted,
  disconnected,
  metricSum,
  nextDate,
  searchDayStart,
  type Conversation,
} from './support/ground-truth';
import { CONNECTION, SimCache } from './support/sim-cache';

const ZONE = 'America/Chicago';
const NOW = Date.UTC(2024, 2, 20, 12);
const FROM = '2024-03-09';
const TO = '2024-03-11';
const TEN_MINUTES = 600_000;

const report = reportDefinition('interactions') as CachedReportDefinition;
const paramsFor = (extra: Partial<ReportParamsInput> = {}): ReportParams =>
  reportParamsSchema.parse({
    report: 'interactions',
    connectionId: CONNECTION,
    from: FROM,
    to: TO,
    timeZone: ZONE,
    ...extra,
  });
const viewOf = (extra: Partial<GridViewInput> = {}): GridView =>
  gridViewSchema.parse({ page: { size: 200 }, ...extra });

/** The ANI the report shows: the customer's leg, else the queue leg, else any leg, without "tel:". */
function shownAni(conversation: Conversation): string | null {
  const participants = conversation.participants ?? [];
  const firstOf = (accept: (purpose: string) => boolean) =>
    participants.find((p) => accept(p.purpose ?? '') && (p.sessions?.length ?? 0) > 0)?.sessions?.[0];
  const legs = [firstOf((p) => p === 'customer' || p === 'external'), firstOf((p) => p === 'acd'), firstOf(() => true)];
  const leg = legs.find((session) => session?.ani !== undefined || session?.dnis !== undefined);
  const ani = leg?.ani ?? null;
  return ani?.startsWith('tel:') ? ani.slice(4) : ani;
}

describe('Interactions report over a cache filled from the simulator', () => {
  let sim: SimCache;
  let truth: Conversation[];
  let byId: Map<string, Conversation>;

  beforeAll(() => {
    sim = new SimCache({ now: NOW, timeZone: ZONE });
    sim.fill(report.plan(paramsFor()));
    truth = conversationsStarted(sim.dataset, searchDayStart(FROM, ZONE), searchDayStart(nextDate(TO), ZONE));
    byId = new Map(truth.map((c) => [c.conversationId!, c]));
  }, 60_000);
  afterAll(() => sim.dispose());

  /** Every row of a view, walking the grid's pages by cursor. */
  function allPages(params: ReportParams, view: GridView): ReportRow[] {
    const rows: ReportRow[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 500; guard++) {
      const page = report.page(sim.cache, params, { ...view, page: { ...view.page, after } });
      rows.push(...page.rows);
      if (page.nextCursor === null) return rows;
      after = page.nextCursor;
    }
    throw new Error('paging did not end');
  }
  const idsOf = (rows: ReportRow[]) => rows.map((row) => row.conversationId as string).sort();
  const expectedIds = (keep: (c: Conversation) => boolean) =>
    truth
      .filter(keep)
      .map((c) => c.conversationId!)
      .sort();

  it('shows exactly the conversations that started in the range, newest first, with names', () => {
    const first = report.page(sim.cache, paramsFor(), viewOf());
    expect(first.total).toBe(truth.length);
    expect(first.totals).toBeNull();
    const rows = allPages(paramsFor(), viewOf());
    expect(idsOf(rows)).toEqual(expectedIds(() => true));
    const starts = rows.map((row) => row.startTime as number);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));

    const queueName = new Map(sim.dataset.queues.map((q) => [q.id, q.name]));
    const userName = new Map(sim.dataset.users.map((u) => [u.id, u.name]));
    for (const row of rows.slice(0, 300)) {
      const conversation = byId.get(row.conversationId as string)!;
      expect(row.talk).toBe(metricSum(conversation, 'tTalk'));
      expect(row.ani).toBe(shownAni(conversation));
      const agents = (conversation.participants ?? [])
        .filter((p) => p.userId !== undefined && (p.purpose === 'agent' || p.purpose === 'user'))
        .map((p) => userName.get(p.userId));
      expect(row.agents).toBe([...new Set(agents)].join(', '));
      if (row.firstQueue !== null) expect([...queueName.values()]).toContain(row.firstQueue);
    }
  });

  it('sorts in SQL by any sortable column, names included, across pages', () => {
    const byTalk = allPages(paramsFor(), viewOf({ sort: { column: 'talk', direction: 'desc' }, page: { size: 333 } }));
    const talk = byTalk.map((row) => row.talk as number);
    expect(talk).toEqual([...talk].sort((a, b) => b - a));
    expect(idsOf(byTalk)).toEqual(expectedIds(() => true));

    const byQueue = allPages(paramsFor(), viewOf({ sort: { column: 'firstQueue', direction: 'asc' } }));
    const names = byQueue.map((row) => row.firstQueue as string | null);
    const fold = (name: string | null) => (name === null ? '' : name.toLowerCase());
    // SQLite order: empty first ascending, then NOCASE.
    expect(names.map(fold)).toEqual([...names].map(fold).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    expect(() => report.page(sim.cache, paramsFor(), viewOf({ sort: { column: 'agents', direction: 'asc' } }))).toThrow(
      /cannot be sorted/,
    );
  });

  it('applies form filters and column filters in SQL', () => {
    const queue = sim.dataset.queues[1]!.id!;
    const params = paramsFor({ filters: { queueIds: [queue], mediaTypes: ['voice'] } });
    const view = viewOf({
      filters: [
        { kind: 'number', column: 'talk', min: 120_000 },
        { kind: 'flag', column: 'answered', value: true },
      ],
    });
    const touches = (c: Conversation) =>
      (c.participants ?? []).some((p) =>
        (p.sessions ?? []).some((s) => (s.segments ?? []).some((g) => g.queueId === queue)),
      );
    const isVoice = (c: Conversation) => c.participants?.[0]?.sessions?.[0]?.mediaType === 'voice';
    const answered = (c: Conversation) =>
      (c.participants ?? []).some((p) =>
        (p.sessions ?? []).some((s) => (s.metrics ?? []).some((m) => m.name === 'tAnswered')),
      );
    const rows = allPages(params, view);
    const expected = expectedIds((c) => touches(c) && isVoice(c) && metricSum(c, 'tTalk') >= 120_000 && answered(c));
    expect(expected.length).toBeGreaterThan(5);
    expect(idsOf(rows)).toEqual(expected);
    expect(report.page(sim.cache, params, view).total).toBe(expected.length);

    const phone = allPages(
      paramsFor(),
      viewOf({ filters: [{ kind: 'text', column: 'ani', op: 'startsWith', value: '+1312' }] }),
    );
    expect(idsOf(phone)).toEqual(expectedIds((c) => shownAni(c)?.startsWith('+1312') === true));
    expect(phone.length).toBeGreaterThan(5);

    expect(() =>
      report.page(
        sim.cache,
        paramsFor(),
        viewOf({ filters: [{ kind: 'text', column: 'talk', op: 'contains', value: '1' }] }),
      ),
    ).toThrow(/takes a number filter/);
  });

  it('streams every row in the view’s order, equal to the pages, past one block of 1000', () => {
    const params = paramsFor({ filters: { mediaTypes: ['voice', 'chat', 'email', 'message'] } });
    const view = viewOf({ sort: { column: 'handle', direction: 'asc' }, page: { size: 100 } });
    const paged = allPages(params, view);
    expect(paged.length).toBeGreaterThan(1000);
    const iterator = report.rows(sim.cache, params, view)[Symbol.iterator]();
    expect(iterator.next().value).toEqual(paged[0]); // lazy: the first row comes before the rest is read
    expect([...report.rows(sim.cache, params, view)]).toEqual(paged);
  });

  it('names ids missing from the reference lists as unknown, and sorts by that name', () => {
    const code = sim.dataset.wrapupCodes[0]!;
    sim.cache.db.prepare("DELETE FROM reference_items WHERE kind = 'wrapupCode' AND id = ?").run(code.id);
    try {
      const label = `Unknown wrap-up code (${code.id!.slice(0, 8)}…)`;
      const rows = allPages(paramsFor(), viewOf({ filters: [{ kind: 'set', column: 'wrapUp', values: [code.id!] }] }));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.wrapUp).toBe(label);
      const sorted = allPages(paramsFor(), viewOf({ sort: { column: 'wrapUp', direction: 'desc' } }));
      const names = sorted.map((row) => row.wrapUp).filter((name): name is string => name !== null);
      const lower = names.map((name) => name.toLowerCase());
      expect(lower).toEqual([...lower].sort().reverse());
      expect(names).toContain(label);
    } finally {
      sim.cache.putReference(CONNECTION, 'wrapupCode', [code]);
    }
  });

  describe('advanced conditions', () => {
    const run = (conditions: ConditionGroup) =>
      idsOf(allPages(paramsFor({ conditions }), viewOf({ page: { size: 77 } })));
    const customerHungUp = (c: Conversation) => disconnected(c, ['customer', 'external'], ['endpoint', 'client']);
    const longTalk = (c: Conversation) => metricSum(c, 'tTalk') > TEN_MINUTES;
    const from312 = (c: Conversation) => shownAni(c)?.startsWith('+1312') === true;

    it('all: talk over 10 minutes and ANI starting with +1312', () => {
      const expected = expectedIds((c) => longTalk(c) && from312(c));
      expect(expected.length).toBeGreaterThan(0);
      expect(
        run({
          match: 'all',
          rules: [
            { field: 'talk', op: 'gt', value: TEN_MINUTES },
            { field: 'ani', op: 'startsWith', value: '+1312' },
          ],
        }),
      ).toEqual(expected);
    });

    it('any: talk over 10 minutes or disconnected by the customer', () => {
      const expected = expectedIds((c) => longTalk(c) || customerHungUp(c));
      expect(expected.length).toBeLessThan(truth.length);
      expect(expected.length).toBeGreaterThan(expectedIds(longTalk).length);
      expect(
        run({
          match: 'any',
          rules: [
            { field: 'talk', op: 'gt', value: TEN_MINUTES },
            { field: 'disconnectType', op: 'is', value: 'customer' },
          ],
        }),
      ).toEqual(expected);
    });

    it('"is not" keeps rows without a value, and combines with any', () => {
      const code = sim.dataset.wrapupCodes[2]!.id!;
      // The conversation's wrap-up is the last one chosen (a transferred call can have one per agent).
      const lastCode = (c: Conversation) =>
        (c.participants ?? [])
          .flatMap((p) => (p.sessions ?? []).flatMap((s) => s.segments ?? []))
          .filter((g) => g.wrapUpCode !== undefined)
          .sort((a, b) => Date.parse(a.segmentStart ?? '') - Date.parse(b.segmentStart ?? ''))
          .at(-1)?.wrapUpCode;
      const hasCode = (c: Conversation) => lastCode(c) === code;
      const agentHungUp = (c: Conversation) => disconnected(c, ['agent', 'user'], ['endpoint', 'client']);
      expect(run({ match: 'all', rules: [{ field: 'wrapUpCode', op: 'isNot', value: code }] })).toEqual(
        expectedIds((c) => !hasCode(c)),
      );
      expect(
        run({
          match: 'any',
          rules: [
            { field: 'disconnectType', op: 'is', value: 'agent' },
            { field: 'abandoned', op: 'is', value: true },
            { field: 'mediaType', op: 'isNot', value: 'voice' },
          ],
        }),
      ).toEqual(
        expectedIds(
          (c) =>
            agentHungUp(c) ||
            (c.participants ?? []).some((p) =>
              (p.sessions ?? []).some((s) => (s.metrics ?? []).some((m) => m.name === 'tAbandon')),
            ) ||
            c.participants?.[0]?.sessions?.[0]?.mediaType !== 'voice',
        ),
      );
    });

    it.each([
      [{ field: 'colour', op: 'is', value: 'red' }, /Condition 1: interactions have no field "colour"/],
      [{ field: 'talk', op: 'contains', value: '10' }, /Condition 1: Talk time cannot use "contains"/],
      [{ field: 'talk', op: 'gt', value: 'ten minutes' }, /Talk time needs a number of milliseconds/],
      [{ field: 'mediaType', op: 'is', value: 'fax' }, /"fax" is not a choice for Media/],
      [{ field: 'answered', op: 'is', value: 'yes' }, /Answered needs yes or no/],
    ] as const)('refuses %o in plain words', (rule, message) => {
      const conditions: ConditionGroup = { match: 'all', rules: [rule] };
      let error: unknown;
      try {
        report.page(sim.cache, paramsFor({ conditions }), viewOf());
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as UserFacingError).message).toMatch(message);
      expect((error as UserFacingError).field).toBe('conditions');
    });
  });
});
