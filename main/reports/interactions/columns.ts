import type { ConversationGridRow } from '../../cache';
import type { SetFilterColumn, SortColumn } from '../../cache/grid-columns';
import { DIRECTIONS, MEDIA_TYPES, type CellValue, type ColumnOptions } from '../../../preload/contract/reports';
import type { NameBook } from '../names';
import type { DefinedColumn } from '../types';

/**
 * The Interactions grid: one row per conversation that started in the range, from the cached flat columns.
 * Each column says which cache column sorts and filters it (executed in SQL) and how its cell is made.
 */
export interface InteractionColumn extends DefinedColumn {
  /** The cache column behind sort and filter; absent = neither. */
  grid?: SortColumn | SetFilterColumn;
  /** Sort by the name the column shows (queue, wrap-up, division) rather than the id. */
  byName?: boolean;
  cell: (row: ConversationGridRow, names: NameBook) => CellValue;
}

const fixed = (values: readonly string[]): ColumnOptions => ({
  kind: 'fixed',
  values: values.map((value) => ({ value, label: value.charAt(0).toUpperCase() + value.slice(1) })),
});

/** Genesys writes numbers as URIs ("tel:+13125550142"); a supervisor reads "+13125550142". */
export const phoneText = (value: string | null): string | null =>
  value !== null && value.toLowerCase().startsWith('tel:') ? value.slice(4) : value;

const duration = (
  id: string,
  header: string,
  grid: SortColumn,
  description: string,
  cell: (row: ConversationGridRow) => number | null,
  defaultVisible = true,
): InteractionColumn => ({
  id,
  header,
  description,
  format: 'duration',
  defaultVisible,
  sortable: true,
  filter: 'number',
  grid,
  cell,
});

const flag = (
  id: 'answered' | 'abandoned' | 'transferred',
  header: string,
  description: string,
): InteractionColumn => ({
  id,
  header,
  description,
  format: 'flag',
  defaultVisible: id !== 'transferred',
  sortable: true,
  filter: 'flag',
  grid: id,
  cell: (row) => row[id],
});

export const INTERACTION_COLUMNS: readonly InteractionColumn[] = [
  {
    id: 'startTime',
    header: 'Start',
    description: 'When the conversation started, in the report’s time zone.',
    format: 'datetime',
    defaultVisible: true,
    sortable: true,
    filter: 'date',
    grid: 'startTime',
    cell: (row) => row.start,
  },
  {
    id: 'endTime',
    header: 'End',
    description: 'When the conversation ended (empty while it is still going on).',
    format: 'datetime',
    defaultVisible: false,
    sortable: true,
    filter: 'date',
    grid: 'endTime',
    cell: (row) => row.end,
  },
  {
    id: 'direction',
    header: 'Direction',
    description: 'Inbound or outbound, as the conversation started.',
    format: 'text',
    defaultVisible: true,
    sortable: true,
    filter: 'set',
    options: fixed(DIRECTIONS),
    grid: 'direction',
    cell: (row) => row.direction,
  },
  {
    id: 'mediaType',
    header: 'Media',
    description: 'Voice, chat, email, message or callback.',
    format: 'text',
    defaultVisible: true,
    sortable: true,
    filter: 'set',
    options: fixed(MEDIA_TYPES),
    grid: 'mediaType',
    cell: (row) => row.mediaType,
  },
  {
    id: 'firstQueue',
    header: 'Queue',
    description: 'The first queue the conversation entered.',
    format: 'text',
    defaultVisible: true,
    sortable: true,
    byName: true,
    filter: 'set',
    options: { kind: 'reference', list: 'queue' },
    grid: 'firstQueue',
    cell: (row, names) => names.nameOrNull('queue', row.firstQueueId),
  },
  {
    id: 'queues',
    header: 'All queues',
    description: 'Every queue the conversation passed through (filtering keeps a conversation that touched any).',
    format: 'text',
    defaultVisible: false,
    sortable: false,
    filter: 'set',
    options: { kind: 'reference', list: 'queue' },
    grid: 'queue',
    cell: (row, names) => row.queueIds.map((id) => names.name('queue', id)).join(', '),
  },
  {
    id: 'agents',
    header: 'Agents',
    description: 'Every agent who took part, in order of joining.',
    format: 'text',
    defaultVisible: true,
    sortable: false,
    filter: 'set',
    options: { kind: 'reference', list: 'user' },
    grid: 'agent',
    cell: (row, names) => row.userIds.map((id) => names.name('user', id)).join(', '),
  },
  {
    id: 'wrapUp',
    header: 'Wrap-up',
    description: 'The last wrap-up code an agent chose.',
    format: 'text',
    defaultVisible: true,
    sortable: true,
    byName: true,
    filter: 'set',
    options: { kind: 'reference', list: 'wrapupCode' },
    grid: 'wrapUpCode',
    cell: (row, names) => names.nameOrNull('wrapupCode', row.wrapUpCodeId),
  },
  {
    id: 'ani',
    header: 'From (ANI)',
    description: 'The calling number or address.',
    format: 'phone',
    defaultVisible: true,
    sortable: true,
    filter: 'text',
    grid: 'ani',
    cell: (row) => phoneText(row.ani),
  },
  {
    id: 'dnis',
    header: 'To (DNIS)',
    description: 'The number or address that was called.',
    format: 'phone',
    defaultVisible: false,
    sortable: true,
    filter: 'text',
    grid: 'dnis',
    cell: (row) => phoneText(row.dnis),
  },
  duration('duration', 'Duration', 'duration', 'From start to end of the whole conversation.', (row) => row.durationMs),
  duration('queueWait', 'Time in queue', 'queueWait', 'Time spent waiting in queues (tAcd).', (row) => row.queueWaitMs),
  duration('talk', 'Talk', 'talk', 'Agent talk time, all agents (tTalk).', (row) => row.talkMs),
  duration('held', 'Hold', 'held', 'Time on hold (tHeld).', (row) => row.heldMs),
  duration('acw', 'ACW', 'acw', 'After-call work (tAcw).', (row) => row.acwMs),
  duration('handle', 'Handle', 'handle', 'Handle time: talk + hold + ACW (tHandle).', (row) => row.handleMs),
  duration('alert', 'Alert', 'alert', 'Time offers rang at agents (tAlert).', (row) => row.alertMs, false),
  duration(
    'abandonWait',
    'Abandon wait',
    'abandonWait',
    'Time in queue before hanging up (tAbandon).',
    (row) => row.abandonWaitMs,
    false,
  ),
  flag('answered', 'Answered', 'An agent answered it from a queue.'),
  flag('abandoned', 'Abandoned', 'The customer hung up while waiting in a queue.'),
  flag('transferred', 'Transferred', 'An agent transferred it.'),
  {
    id: 'division',
    header: 'Division',
    description: 'The Genesys division the conversation belongs to.',
    format: 'text',
    defaultVisible: false,
    sortable: true,
    byName: true,
    filter: 'set',
    options: { kind: 'reference', list: 'division' },
    grid: 'division',
    cell: (row, names) => names.nameOrNull('division', row.divisionId),
  },
  {
    id: 'externalTag',
    header: 'External tag',
    description: 'The CRM or ticket reference attached to the conversation.',
    format: 'text',
    defaultVisible: false,
    sortable: true,
    filter: 'text',
    grid: 'externalTag',
    cell: (row) => row.externalTag,
  },
  {
    id: 'conversationId',
    header: 'Conversation ID',
    description: 'The Genesys conversation id (for looking it up in Genesys).',
    format: 'id',
    defaultVisible: false,
    sortable: true,
    filter: 'text',
    grid: 'conversationId',
    cell: (row) => row.conversationId,
  },
];

/** Reference ids a set of rows points at, per list, to resolve their names in one query each. */
export function referencedIds(rows: readonly ConversationGridRow[]): {
  queue: string[];
  user: string[];
  wrapupCode: string[];
  division: string[];
} {
  const ids = { queue: [] as string[], user: [] as string[], wrapupCode: [] as string[], division: [] as string[] };
  for (const row of rows) {
    if (row.firstQueueId !== null) ids.queue.push(row.firstQueueId);
    ids.queue.push(...row.queueIds);
    ids.user.push(...row.userIds);
    if (row.wrapUpCodeId !== null) ids.wrapupCode.push(row.wrapUpCodeId);
    if (row.divisionId !== null) ids.division.push(row.divisionId);
  }
  return ids;
}
