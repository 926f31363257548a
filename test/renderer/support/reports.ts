import type { ReportDetails } from '../../../preload/contract/reports';
import type { ReferenceOption } from '../../../preload/contract/workspace-types';

/**
 * Report descriptors shaped like main's `describeReports()` (main/reports/registry.ts), trimmed to the columns
 * the tests need. The renderer must work from whatever the core describes, so the tests drive it the same way.
 */
export const INTERACTIONS: ReportDetails = {
  id: 'interactions',
  name: 'Interactions',
  description:
    'Every conversation in the range — who called, which queue and agents, how long it took and how it ended.',
  columns: [
    { id: 'startTime', header: 'Start', format: 'datetime', defaultVisible: true, sortable: true, filter: 'date' },
    {
      id: 'mediaType',
      header: 'Media',
      format: 'text',
      defaultVisible: true,
      sortable: true,
      filter: 'set',
      options: {
        kind: 'fixed',
        values: [
          { value: 'voice', label: 'Voice' },
          { value: 'chat', label: 'Chat' },
        ],
      },
    },
    {
      id: 'firstQueue',
      header: 'Queue',
      format: 'text',
      defaultVisible: true,
      sortable: true,
      filter: 'set',
      options: { kind: 'reference', list: 'queue' },
    },
    { id: 'ani', header: 'From', format: 'phone', defaultVisible: true, sortable: true, filter: 'text' },
    { id: 'talk', header: 'Talk', format: 'duration', defaultVisible: true, sortable: true, filter: 'number' },
    { id: 'abandoned', header: 'Abandoned', format: 'flag', defaultVisible: true, sortable: true, filter: 'flag' },
    {
      id: 'conversationId',
      header: 'Conversation ID',
      format: 'id',
      defaultVisible: false,
      sortable: true,
      filter: 'text',
    },
  ],
  granularities: [],
  defaultGranularity: null,
  filters: ['queueIds', 'userIds', 'mediaTypes', 'directions', 'wrapupCodeIds', 'divisionIds'],
  conditionFields: [
    {
      id: 'talk',
      label: 'Talk time',
      format: 'duration',
      ops: ['gt', 'gte', 'lt', 'lte', 'equals'],
      hint: 'in milliseconds',
    },
    { id: 'ani', label: 'From (ANI)', format: 'phone', ops: ['equals', 'contains', 'startsWith', 'is', 'isNot'] },
    { id: 'abandoned', label: 'Abandoned', format: 'flag', ops: ['is', 'isNot'] },
    {
      id: 'disconnectType',
      label: 'Disconnected by',
      format: 'enum',
      ops: ['is', 'isNot'],
      options: [
        { value: 'customer', label: 'Customer' },
        { value: 'agent', label: 'Agent' },
      ],
    },
  ],
  defaultSort: { column: 'startTime', direction: 'desc' },
  cached: true,
  ranged: true,
  hasTotals: false,
};

export const QUEUE_PERFORMANCE: ReportDetails = {
  id: 'queue-performance',
  name: 'Queue performance',
  description:
    'How many interactions each queue was offered, answered and lost, how fast it answered, and handle times.',
  columns: [
    {
      id: 'intervalStart',
      header: 'Interval',
      format: 'datetime',
      defaultVisible: true,
      sortable: true,
      filter: 'date',
      total: 'label',
    },
    {
      id: 'queue',
      header: 'Queue',
      format: 'text',
      defaultVisible: true,
      sortable: true,
      filter: 'set',
      options: { kind: 'reference', list: 'queue' },
      total: 'label',
    },
    {
      id: 'offered',
      header: 'Offered',
      format: 'count',
      defaultVisible: true,
      sortable: true,
      filter: 'number',
      total: 'sum',
    },
    {
      id: 'serviceLevel',
      header: 'Service level',
      format: 'percent',
      defaultVisible: true,
      sortable: true,
      filter: 'number',
      total: 'ratio',
    },
    {
      id: 'aht',
      header: 'AHT',
      format: 'duration',
      defaultVisible: true,
      sortable: true,
      filter: 'number',
      total: 'ratio',
    },
    {
      id: 'queueId',
      header: 'Queue ID',
      format: 'id',
      defaultVisible: false,
      sortable: true,
      filter: 'text',
      total: 'none',
    },
  ],
  granularities: ['PT30M', 'PT1H', 'P1D', 'P7D', 'P1M', 'total'],
  defaultGranularity: 'P1D',
  filters: ['queueIds', 'mediaTypes'],
  conditionFields: [],
  defaultSort: { column: 'intervalStart', direction: 'asc' },
  cached: true,
  ranged: true,
  hasTotals: true,
};

export const LIVE_QUEUES: ReportDetails = {
  id: 'live-queues',
  name: 'Live queues',
  description: 'What is happening in each queue right now: waiting, interacting, and agents on queue.',
  columns: [
    { id: 'queue', header: 'Queue', format: 'text', defaultVisible: true, sortable: true },
    { id: 'waiting', header: 'Waiting', format: 'count', defaultVisible: true, sortable: true, total: 'sum' },
  ],
  granularities: [],
  defaultGranularity: null,
  filters: ['queueIds', 'mediaTypes'],
  conditionFields: [],
  defaultSort: { column: 'queue', direction: 'asc' },
  cached: false,
  ranged: false,
  hasTotals: true,
};

export const REPORTS = [INTERACTIONS, QUEUE_PERFORMANCE, LIVE_QUEUES];

export const QUEUES: ReferenceOption[] = [
  { id: 'q-billing', name: 'Billing – Voice', state: null },
  { id: 'q-sales', name: 'Sales – Chat', state: null },
  { id: 'q-support', name: 'Support – Email', state: null },
];

export const AGENTS: ReferenceOption[] = [
  { id: 'u-ana', name: 'Ana Silva', state: null },
  { id: 'u-bo', name: 'Bo Chen', state: 'deleted' },
];
