import { DETAILS_DATASET, type CacheReader, type ConversationGridRow } from '../../cache';
import type { GridView, ReportParams } from '../../../preload/contract/report-params';
import type { ReportRow } from '../../../preload/contract/reports';
import { INTERACTION_COLUMNS, referencedIds } from '../interactions/columns';
import { CONDITION_FIELDS } from '../interactions/conditions';
import { DEFAULT_SORT, interactionsQuery } from '../interactions/grid-request';
import { NameBook } from '../names';
import type { CachedReportDefinition, PlanContext } from '../types';
import { dayRange } from '../zoned-calendar';

/** Export reads this many rows per cache query: keyset pages, so memory stays flat at any size. */
export const EXPORT_BLOCK = 1000;

function rowsWithNames(rows: readonly ConversationGridRow[], names: NameBook): ReportRow[] {
  const ids = referencedIds(rows);
  names.load('queue', ids.queue).load('user', ids.user).load('wrapupCode', ids.wrapupCode);
  names.load('division', ids.division);
  return rows.map((row) => {
    const values: ReportRow = {};
    for (const column of INTERACTION_COLUMNS) values[column.id] = column.cell(row, names);
    return values;
  });
}

/**
 * Interactions: every conversation that started in the range, one row each, from the cached details. Sorting,
 * column filters, form filters and advanced conditions run in SQL with keyset paging.
 */
export const interactions: CachedReportDefinition = {
  kind: 'cached',
  id: 'interactions',
  name: 'Interactions',
  description:
    'Every conversation in the range — who called, which queue and agents, how long it took and how it ended.',
  columns: INTERACTION_COLUMNS,
  granularities: [],
  defaultGranularity: null,
  filters: ['queueIds', 'userIds', 'mediaTypes', 'directions', 'wrapupCodeIds', 'divisionIds'],
  conditionFields: CONDITION_FIELDS,
  defaultSort: DEFAULT_SORT,
  hasTotals: false,

  plan(params: ReportParams, context: PlanContext = {}) {
    const { start, end } = dayRange(params.from, params.to, params.timeZone);
    return {
      connectionId: params.connectionId,
      report: 'interactions',
      params,
      start,
      end,
      details: true,
      aggregates: [],
      reference: ['queue', 'user', 'wrapupCode', 'division'],
      refresh: context.refresh ?? false,
      timeZone: params.timeZone,
    };
  },

  datasets: () => [DETAILS_DATASET],

  page(reader: CacheReader, params: ReportParams, view: GridView) {
    const result = reader.queryConversations(params.connectionId, interactionsQuery(params, view));
    return {
      rows: rowsWithNames(result.rows, new NameBook(reader, params.connectionId)),
      total: result.totalRows,
      totals: null,
      nextCursor: result.nextCursor,
    };
  },

  *rows(reader: CacheReader, params: ReportParams, view: GridView) {
    const query = interactionsQuery(params, { ...view, page: { size: EXPORT_BLOCK }, count: false });
    const names = new NameBook(reader, params.connectionId);
    // One sorted scan on its own connection; names are looked up a block at a time on the reader meanwhile.
    let block: ConversationGridRow[] = [];
    for (const row of reader.streamConversations(params.connectionId, query)) {
      block.push(row);
      if (block.length === EXPORT_BLOCK) {
        yield* rowsWithNames(block, names);
        block = [];
      }
    }
    yield* rowsWithNames(block, names);
  },
};
