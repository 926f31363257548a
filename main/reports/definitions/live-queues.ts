import type { GridView, ReportParams } from '../../../preload/contract/report-params';
import type { CellValue, ReportRow } from '../../../preload/contract/reports';
import { observeQueues, type QueueNow } from '../live/queue-observations';
import { applyView, pageOf, viewSignature, type MemoryRow } from '../memory-view';
import { NameBook } from '../names';
import type { DefinedColumn, LiveReportDefinition, LiveSnapshot, PlanContext } from '../types';
import { dayRange } from '../zoned-calendar';

const count = (id: keyof QueueNow, header: string, description: string, defaultVisible = true): DefinedColumn => ({
  id,
  header,
  description,
  format: 'count',
  defaultVisible,
  sortable: true,
  filter: 'number',
  total: 'sum',
});
const age = (id: keyof QueueNow, header: string, description: string, defaultVisible = true): DefinedColumn => ({
  id,
  header,
  description,
  format: 'duration',
  defaultVisible,
  sortable: true,
  filter: 'number',
  total: 'max',
});

const COLUMNS: readonly DefinedColumn[] = [
  {
    id: 'queue',
    header: 'Queue',
    format: 'text',
    defaultVisible: true,
    sortable: true,
    filter: 'set',
    options: { kind: 'reference', list: 'queue' },
    setKey: 'queueId',
    total: 'label',
  },
  { id: 'queueId', header: 'Queue ID', format: 'id', defaultVisible: false, sortable: true, total: 'none' },
  count('waiting', 'Waiting', 'Interactions waiting in the queue now.'),
  age('longestWaiting', 'Longest waiting', 'How long the longest-waiting interaction has waited.'),
  count('interacting', 'Interacting', 'Interactions connected to agents now.'),
  age('longestInteracting', 'Longest interacting', 'The longest ongoing interaction.', false),
  count('alerting', 'Alerting', 'Offers ringing at agents now.'),
  count('onQueue', 'Agents on queue', 'Members on queue (any routing status).'),
  count('idle', 'Agents available', 'Members on queue and idle: ready for the next interaction.'),
  count('offQueue', 'Agents off queue', 'Members available but not on queue.', false),
  count('members', 'Members', 'Agents who are members of the queue (an agent in two queues counts in both).'),
  count('active', 'Active members', 'Members who are not offline.', false),
  {
    id: 'observedAt',
    header: 'Observed at',
    description: 'When Genesys was asked.',
    format: 'datetime',
    defaultVisible: false,
    sortable: false,
    total: 'none',
  },
];

/** Sums, and the largest age, over the rows the view shows. */
function totalsOf(rows: readonly ReportRow[]): ReportRow {
  const totals: ReportRow = {};
  for (const column of COLUMNS) {
    const values = rows.map((row) => row[column.id]).filter((value): value is number => typeof value === 'number');
    let cell: CellValue = null;
    if (column.total === 'sum') cell = values.reduce((sum, value) => sum + value, 0);
    else if (column.total === 'max') cell = values.length === 0 ? null : Math.max(...values);
    else if (column.total === 'label') cell = 'Total';
    totals[column.id] = cell;
  }
  return totals;
}

function viewed(snapshot: LiveSnapshot, view: GridView): MemoryRow<null>[] {
  return applyView(
    snapshot.rows.map((values) => ({ values, data: null })),
    COLUMNS,
    view,
  );
}

/**
 * Live queues: what is happening in each queue right now, from queue observations (fact sheet §9). Asked of
 * Genesys each time and never stored as history; only the queue names come from the cache.
 */
export const liveQueues: LiveReportDefinition = {
  kind: 'live',
  id: 'live-queues',
  name: 'Live queues',
  description: 'What is happening in each queue right now: who is waiting, for how long, and which agents are free.',
  columns: COLUMNS,
  granularities: [],
  defaultGranularity: null,
  filters: ['queueIds', 'mediaTypes'],
  conditionFields: [],
  defaultSort: { column: 'queue', direction: 'asc' },
  hasTotals: true,

  /** Only the queue list is cached (for names and to know which queues to ask about). */
  plan(params: ReportParams, context: PlanContext = {}) {
    const { start, end } = dayRange(params.from, params.to, params.timeZone);
    return {
      connectionId: params.connectionId,
      report: 'live-queues',
      params,
      start,
      end,
      details: false,
      aggregates: [],
      reference: ['queue'],
      refresh: context.refresh ?? false,
      timeZone: params.timeZone,
    };
  },

  datasets: () => [],

  async observe(source, reader, params, options = {}) {
    const now = (options.now ?? Date.now)();
    const chosen = params.filters.queueIds ?? [];
    const queueIds =
      chosen.length > 0 ? chosen : reader.referenceItems(params.connectionId, 'queue').map((item) => item.id);
    const observed = await observeQueues(source, queueIds, params.filters.mediaTypes ?? [], {
      signal: options.signal,
      now,
    });
    const names = new NameBook(reader, params.connectionId).load('queue', observed.keys());
    const rows = [...observed].map(([queueId, state]): ReportRow => ({
      queue: names.name('queue', queueId),
      queueId,
      ...state,
      observedAt: now,
    }));
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    rows.sort((a, b) => collator.compare(String(a.queue), String(b.queue)));
    return { observedAt: now, rows };
  },

  page(snapshot, params, view) {
    const rows = viewed(snapshot, view);
    const page = pageOf(rows, view.page, viewSignature({ params, observedAt: snapshot.observedAt }, view));
    return {
      rows: page.rows.map((row) => row.values),
      total: rows.length,
      totals: totalsOf(rows.map((row) => row.values)),
      nextCursor: page.nextCursor,
    };
  },

  *rows(snapshot, _params, view) {
    for (const row of viewed(snapshot, view)) yield row.values;
  },
};
