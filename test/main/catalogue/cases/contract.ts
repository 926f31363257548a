import { dayRange } from '../../../../main/reports';
import type { CoreHandle } from '../core-handle';
import type { CatalogueCase, Observation } from '../types';
import { messageOf } from '../types';

/**
 * What reaches the core when the form is bypassed — a saved report from an older version, the CLI, a script, a
 * buggy or hostile renderer — and what the dispatcher and handlers answer. All through `core.dispatch`, the call
 * the renderer makes, on the in-process Demo organization.
 */
async function says(core: CoreHandle, name: string, input?: unknown): Promise<Observation> {
  return { message: messageOf(await core.answer(name, input)) };
}

const VIEW = { page: { size: 100 } };

export const contractCases: CatalogueCase[] = [
  {
    id: 'contract-end-before-start',
    area: 'Contract',
    situation: 'A run is asked for with the end day before the start day (e.g. a hand-edited saved report).',
    shown: 'The run screen, as the reason the report did not run.',
    message: 'That request was not accepted: the end date is before the start date.',
    advice: 'Open the report in the form and pick the dates again.',
    run: (ctx) =>
      says(ctx.demo, 'reports/run', { requestId: 'end-before-start', params: ctx.params('interactions', -2, -5) }),
  },
  {
    id: 'contract-one-day-range',
    area: 'Contract',
    situation: 'Start and end are the same day (a "0-length" range).',
    shown: 'Nothing: the report runs.',
    message: null,
    outcome: 'Both days are included, so the report covers that whole day in the chosen time zone.',
    advice: 'Nothing to do.',
    run: async (ctx, expect) => {
      const params = ctx.params('interactions', -2, -2);
      const result = await ctx.demo.call('reports/run', { requestId: 'one-day', params });
      expect(result.state).toBe('done');
      const page = await ctx.demo.call('reports/page', { params, view: { page: { size: 1000 } } });
      const { start, end } = dayRange(params.from, params.to, params.timeZone);
      expect(end - start).toBeGreaterThanOrEqual(23 * 3600_000);
      expect(page.rows.length).toBeGreaterThan(0);
      for (const row of page.rows) {
        expect(row.startTime).toBeGreaterThanOrEqual(start);
        expect(row.startTime).toBeLessThan(end);
      }
      return { message: result.message };
    },
  },
  {
    id: 'contract-impossible-date',
    area: 'Contract',
    situation: 'A date that does not exist on the calendar (30 February).',
    shown: 'The run screen.',
    message: 'That request was not accepted: "params.from" is not a real calendar date.',
    advice: 'Pick the date again in the form.',
    run: (ctx) =>
      says(ctx.demo, 'reports/run', {
        requestId: 'feb-30',
        params: { ...ctx.params('interactions', -2, -1), from: '2026-02-30' },
      }),
  },
  {
    id: 'contract-date-format',
    area: 'Contract',
    situation: 'A date written the local way (31/03/2026) instead of year-month-day.',
    shown: 'The run screen.',
    message: 'That request was not accepted: "params.from" must be a date like 2026-03-31.',
    advice: 'Pick the date again in the form; scripts must write dates as YYYY-MM-DD.',
    run: (ctx) =>
      says(ctx.demo, 'reports/run', {
        requestId: 'local-date',
        params: { ...ctx.params('interactions', -2, -1), from: '31/03/2026' },
      }),
  },
  {
    id: 'contract-unknown-time-zone',
    area: 'Contract',
    situation: 'A time zone this computer does not know (a typo, or a zone from a newer system).',
    shown: 'The run screen, and beside the time zone in Settings.',
    message:
      'That request was not accepted: "params.timeZone" is not a time zone this computer knows (use a name like Europe/London).',
    advice: 'Pick the zone from the list; names look like Europe/London or America/Chicago.',
    run: (ctx) =>
      says(ctx.demo, 'reports/run', {
        requestId: 'zone',
        params: { ...ctx.params('interactions', -2, -1), timeZone: 'Europe/Lndon' },
      }),
  },
  {
    id: 'contract-future-range',
    area: 'Contract',
    situation: 'A range entirely in the future reaches the core (the form stops it; a script may not).',
    shown: 'Nothing: the run completes with an empty report.',
    message: null,
    outcome: 'Nothing is asked of Genesys Cloud for days that have not happened; the grid is empty.',
    advice: 'Choose days up to today.',
    run: async (ctx, expect) => {
      const params = ctx.params('interactions', 3, 6);
      const result = await ctx.demo.call('reports/run', { requestId: 'future', params });
      expect(result).toMatchObject({ state: 'done', requests: 0 });
      expect((await ctx.demo.call('reports/page', { params, view: VIEW })).total).toBe(0);
      return { message: result.message };
    },
  },
  {
    id: 'contract-beyond-retention',
    area: 'Contract',
    situation: 'A range older than the organization keeps data for (here 500 days back; the Demo org keeps 400).',
    shown: 'Nothing: the run completes with an empty report.',
    message: null,
    outcome: 'Genesys Cloud has nothing for those days, so the report is empty.',
    advice: 'Choose a more recent range; Genesys Cloud cannot return data it no longer keeps.',
    run: async (ctx, expect) => {
      const params = ctx.params('queue-performance', -500, -495);
      const result = await ctx.demo.call('reports/run', { requestId: 'retention', params });
      expect(result.state).toBe('done');
      expect((await ctx.demo.call('reports/page', { params, view: VIEW })).rows).toEqual([]);
      return { message: result.message };
    },
  },
  {
    id: 'contract-deleted-queue-run',
    area: 'Contract',
    situation: 'A saved report that names a deleted queue is run without the form (CLI, script, older version).',
    shown: 'Nothing: the run completes.',
    message: null,
    outcome:
      'The grid shows what the queue still has in the range (history outlives a deleted queue) — here nothing, so it is empty. The saved report is kept as it was.',
    advice: 'Open the saved report in the form, which names the missing queue, and remove it.',
    run: async (ctx, expect) => {
      const params = { ...ctx.params('queue-performance', -3, -2), filters: { queueIds: ['queue-that-was-deleted'] } };
      const saved = await ctx.demo.call('saved/save', {
        name: 'Deleted queue, run directly',
        params,
        preset: 'custom',
        columns: ['queue', 'offered'],
        sort: null,
      });
      const result = await ctx.demo.call('reports/run', { requestId: 'deleted-queue', params });
      expect(result.state).toBe('done');
      expect((await ctx.demo.call('reports/page', { params, view: VIEW })).rows).toEqual([]);
      const kept = (await ctx.demo.call('saved/list')).find((item) => item.id === saved.id);
      expect(kept?.params.filters.queueIds).toEqual(['queue-that-was-deleted']);
      expect(kept?.lastRun?.state).toBe('done');
      return { message: result.message };
    },
  },
  {
    id: 'contract-unknown-report',
    area: 'Contract',
    situation: 'A saved report or script names a report this version does not have.',
    shown: 'The run screen.',
    message: 'That request was not accepted: "params.report" must be one of: {reports}.',
    advice: 'Pick one of the listed reports.',
    run: (ctx) =>
      says(ctx.demo, 'reports/run', {
        requestId: 'unknown-report',
        params: { ...ctx.params('interactions', -2, -1), report: 'revenue' },
      }),
  },
  {
    id: 'contract-removed-connection',
    area: 'Contract',
    situation: 'A saved report is run after its connection was removed.',
    shown: 'The run screen.',
    message: 'That connection no longer exists. Pick another on the Connections screen.',
    advice: 'Pick another connection (or add the org again) and run the report there.',
    run: (ctx) =>
      says(ctx.demo, 'reports/run', {
        requestId: 'removed-connection',
        params: ctx.params('interactions', -2, -1, 'org-removed-last-week'),
      }),
  },
  {
    id: 'contract-condition-unknown-field',
    area: 'Contract',
    situation: 'An Interactions condition names a field the report does not have.',
    shown: 'Above the grid, instead of rows.',
    message: 'Condition 1: interactions have no field "sentiment". You can use: {fields}.',
    advice: 'Remove the condition or pick one of the listed fields.',
    run: (ctx) =>
      says(ctx.demo, 'reports/page', {
        params: {
          ...ctx.params('interactions', -2, -1),
          conditions: { match: 'all', rules: [{ field: 'sentiment', op: 'gt', value: 3 }] },
        },
        view: VIEW,
      }),
  },
  {
    id: 'contract-unknown-sort-column',
    area: 'Contract',
    situation: 'The grid is asked to sort by a column the report does not have (a saved sort from an older version).',
    shown: 'Above the grid, instead of rows.',
    message: 'This report has no column "sentiment".',
    advice: 'Click a column header to sort again.',
    run: (ctx) =>
      says(ctx.demo, 'reports/page', {
        params: ctx.params('interactions', -2, -1),
        view: { ...VIEW, sort: { column: 'sentiment', direction: 'asc' } },
      }),
  },
  {
    id: 'contract-wrong-filter-kind',
    area: 'Contract',
    situation: 'A column filter of the wrong kind (a number range on the caller number).',
    shown: 'Above the grid, instead of rows.',
    message: 'The column "From (ANI)" takes a text filter, not a number filter.',
    advice: 'Clear the column filter and set it again.',
    run: (ctx) =>
      says(ctx.demo, 'reports/page', {
        params: ctx.params('interactions', -2, -1),
        view: { ...VIEW, filters: [{ kind: 'number', column: 'ani', min: 1 }] },
      }),
  },
  {
    id: 'contract-stale-cursor',
    area: 'Contract',
    situation: 'The grid asks for "the next page" with a position taken from another sort order.',
    shown: 'Above the grid, instead of rows.',
    message: 'This view could not be shown: its filter or sort is not supported.',
    advice: 'Scroll back to the top or sort again; the grid starts over.',
    run: async (ctx) => {
      const params = ctx.params('interactions', -2, -2);
      await ctx.demo.call('reports/run', { requestId: 'cursor', params });
      const first = await ctx.demo.call('reports/page', {
        params,
        view: { page: { size: 2 }, sort: { column: 'startTime', direction: 'asc' } },
      });
      return says(ctx.demo, 'reports/page', {
        params,
        view: { page: { size: 2, after: first.nextCursor }, sort: { column: 'handle', direction: 'desc' } },
      });
    },
  },
  {
    id: 'contract-prototype-pollution',
    area: 'Contract',
    situation: 'A request carries a "__proto__" key (a hostile or broken renderer).',
    shown: 'Wherever the call was made; nothing is changed.',
    message: 'That request was not accepted: it has fields ReportDesk does not know: __proto__.',
    outcome: 'Refused before any handler runs; no object in the app gains the injected property.',
    advice: 'None for the user; report it as a bug if it appears.',
    run: async (ctx, expect) => {
      const seen = await says(ctx.demo, 'settings/update', JSON.parse('{"__proto__": {"polluted": true}}'));
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      return seen;
    },
  },
  {
    id: 'contract-huge-string',
    area: 'Contract',
    situation: 'A megabyte-long time zone name arrives.',
    shown: 'Beside the field.',
    message: 'That request was not accepted: "timeZone" is too long.',
    outcome: 'Settings are unchanged.',
    advice: 'Pick the zone from the list.',
    run: async (ctx, expect) => {
      const before = await ctx.demo.call('settings/get');
      const seen = await says(ctx.demo, 'settings/update', { timeZone: 'Europe/'.padEnd(1_000_000, 'x') });
      expect(await ctx.demo.call('settings/get')).toEqual(before);
      return seen;
    },
  },
  {
    id: 'contract-unknown-operation',
    area: 'Contract',
    situation: 'The renderer calls an operation the core does not have.',
    shown: 'Wherever the call was made.',
    message: 'ReportDesk has no operation called "reports/delete-everything".',
    advice: 'None for the user; the window and the core are from different versions — restart ReportDesk.',
    run: (ctx) => says(ctx.demo, 'reports/delete-everything', {}),
  },
  {
    id: 'contract-path-in-request-id',
    area: 'Contract',
    situation: 'A run id that looks like a file path ("../../etc/passwd").',
    shown: 'The run screen.',
    message: 'That request was not accepted: "requestId" must be a short id of letters, digits, - or _.',
    advice: 'None for the user; report it as a bug if it appears.',
    run: (ctx) =>
      says(ctx.demo, 'reports/run', { requestId: '../../etc/passwd', params: ctx.params('interactions', -2, -1) }),
  },
  {
    id: 'contract-export-unknown-column',
    area: 'Contract',
    situation: 'An export asks for a column the report does not have.',
    shown: 'The export dialog; no file is written.',
    message: 'The column "sentiment" is not part of Interactions.',
    advice: 'Reset the columns of the grid and export again.',
    run: (ctx) =>
      says(ctx.demo, 'export/start', {
        requestId: 'export-column',
        params: ctx.params('interactions', -2, -1),
        view: VIEW,
        columns: ['startTime', 'sentiment'],
        format: 'csv',
      }),
  },
  {
    id: 'contract-blank-name',
    area: 'Contract',
    situation: 'A report is saved with a name of only spaces.',
    shown: 'Beside the name in the Save dialog.',
    message: 'That request was not accepted: "name" cannot be empty.',
    advice: 'Type a name.',
    run: (ctx) =>
      says(ctx.demo, 'saved/save', {
        name: '   ',
        params: ctx.params('interactions', -2, -1),
        preset: 'custom',
        columns: [],
        sort: null,
      }),
  },
  {
    id: 'contract-saved-report-gone',
    area: 'Contract',
    situation: 'A saved report is renamed after it was deleted (e.g. in another window).',
    shown: 'The saved reports list.',
    message: 'That saved report no longer exists.',
    advice: 'Nothing to rename; save the report again if it is still wanted.',
    run: (ctx) => says(ctx.demo, 'saved/rename', { id: 'deleted-meanwhile', name: 'Weekly' }),
  },
  {
    id: 'contract-live-page-before-run',
    area: 'Contract',
    situation: 'The Live queues grid is asked for rows before Live queues has run.',
    shown: 'Above the grid.',
    message: 'Run Live queues first; it is not kept between runs.',
    advice: 'Press Run.',
    run: (ctx) => says(ctx.demo, 'reports/page', { params: ctx.params('live-queues', 0, 0), view: VIEW }),
  },
  {
    id: 'contract-conversation-not-cached',
    area: 'Contract',
    situation: 'The detail panel opens a conversation that is not in the cache (the cache was cleared meanwhile).',
    shown: 'The detail panel.',
    message: 'This conversation is not in the cache any more. Run the report again.',
    advice: 'Run the report again, then open the conversation.',
    run: (ctx) =>
      says(ctx.demo, 'reports/conversation', {
        connectionId: 'demo',
        conversationId: '00000000-0000-4000-8000-000000000000',
      }),
  },
  {
    id: 'contract-run-twice',
    area: 'Contract',
    situation: 'Run is pressed again while the same run is still going.',
    shown: 'The run screen; the first run carries on.',
    message: 'This report is already running.',
    advice: 'Wait for the run to finish, or cancel it first.',
    run: async (ctx, expect) => {
      const params = ctx.params('queue-performance', -5, -4);
      const first = ctx.demo.answer('reports/run', { requestId: 'twice', params });
      const second = await says(ctx.demo, 'reports/run', { requestId: 'twice', params });
      expect(await first).toMatchObject({ ok: true, value: { state: 'done' } });
      return second;
    },
  },
  {
    id: 'contract-clear-cache-while-running',
    area: 'Contract',
    situation: 'Clear cache is pressed while a report is downloading.',
    shown: 'Settings, beside Clear cache.',
    message: 'A report is still downloading. Cancel it or wait for it to finish, then clear the cache.',
    outcome: 'Nothing is cleared, and the run finishes normally.',
    advice: 'Wait or cancel, then clear the cache.',
    run: async (ctx, expect) => {
      const params = ctx.params('queue-performance', -7, -6);
      const running = ctx.demo.answer('reports/run', { requestId: 'busy', params });
      const seen = await says(ctx.demo, 'cache/clear');
      expect(await running).toMatchObject({ ok: true, value: { state: 'done' } });
      expect(await ctx.demo.call('reports/run', { requestId: 'busy-again', params })).toMatchObject({
        fromCache: true,
      });
      return seen;
    },
  },
  {
    id: 'contract-remove-demo',
    area: 'Contract',
    situation: 'Removing the built-in Demo organization is attempted.',
    shown: 'The Connections screen.',
    message: 'The Demo organization is built in and cannot be removed.',
    advice: 'Nothing to do; it is always there.',
    run: (ctx) => says(ctx.demo, 'connections/remove', { connectionId: 'demo' }),
  },
  {
    id: 'contract-missing-client-secret',
    area: 'Contract',
    situation: 'A client-credentials connection is added without its secret.',
    shown: 'Beside the secret in the Add connection form.',
    message: 'Enter the client secret your admin gave you.',
    outcome: 'Nothing is saved.',
    advice: 'Paste the secret of the OAuth client.',
    run: async (ctx, expect) => {
      const before = await ctx.demo.call('connections/list');
      const seen = await says(ctx.demo, 'connections/add', {
        name: 'No secret',
        environment: 'mypurecloud.ie',
        method: 'client-credentials',
        clientId: 'a-client',
      });
      expect(await ctx.demo.call('connections/list')).toEqual(before);
      return seen;
    },
  },
  {
    id: 'contract-offline-uncached',
    area: 'Contract',
    situation: 'Offline, a report is run for days that were never downloaded.',
    shown: 'The run screen; the cached days are still shown.',
    message: 'Not in the cache: {days}. Connect to the internet and run it again.',
    advice: 'Connect and run it again, or choose days that were downloaded before.',
    run: async (ctx, expect) => {
      ctx.demo.core.network.set(false);
      try {
        const result = await ctx.demo.call('reports/run', {
          requestId: 'offline',
          params: ctx.params('queue-performance', -40, -38),
        });
        expect(result.state).toBe('offline-missing');
        expect(result.missing.length).toBeGreaterThan(0);
        return { message: result.message };
      } finally {
        ctx.demo.core.network.set(true);
      }
    },
  },
  {
    id: 'contract-offline-live-queues',
    area: 'Contract',
    situation: 'Offline, Live queues is run.',
    shown: 'The run screen.',
    message:
      'Live queues shows what is happening right now, so it needs a connection to Genesys Cloud. Connect to the internet and run it again.',
    advice: 'Connect and run it again.',
    run: async (ctx) => {
      ctx.demo.core.network.set(false);
      try {
        return await says(ctx.demo, 'reports/run', { requestId: 'live-off', params: ctx.params('live-queues', 0, 0) });
      } finally {
        ctx.demo.core.network.set(true);
      }
    },
  },
  {
    id: 'contract-offline-test-connection',
    area: 'Contract',
    situation: 'Offline, a connection is tested.',
    shown: 'The Connections screen.',
    message: 'You are offline. Connect to the internet and try again.',
    advice: 'Connect and test again.',
    run: async (ctx) => {
      ctx.demo.core.network.set(false);
      try {
        return await says(ctx.demo, 'connections/test', { connectionId: 'demo' });
      } finally {
        ctx.demo.core.network.set(true);
      }
    },
  },
];
