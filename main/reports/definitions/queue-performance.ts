import { aggregateReport } from '../aggregate/aggregate-report';
import { KPI } from '../aggregate/kpis';

/**
 * Queue performance (fact sheet §7): per queue and interval, how many interactions came in, how many were
 * answered or abandoned, how fast, and how long they took to handle. Aggregates grouped by queue and media.
 */
export const queuePerformance = aggregateReport({
  id: 'queue-performance',
  name: 'Queue performance',
  description:
    'How many interactions each queue was offered, answered and lost, how fast it answered, and handle times.',
  subject: {
    dimension: 'queueId',
    kind: 'queue',
    name: { id: 'queue', header: 'Queue', description: 'The queue, by its name in Genesys.' },
    id: { id: 'queueId', header: 'Queue ID' },
  },
  kpis: [
    KPI.offered,
    KPI.answered,
    KPI.abandoned,
    KPI.abandonRate,
    KPI.answerRate,
    KPI.serviceLevel,
    KPI.asa,
    KPI.handled,
    KPI.aht,
    KPI.avgTalk,
    KPI.avgHold,
    KPI.avgAcw,
    KPI.transferred,
    KPI.shortAbandoned,
    KPI.flowOuts,
    KPI.overSla,
    KPI.avgWait,
    KPI.avgAbandon,
    KPI.holds,
    KPI.totalHandle,
    KPI.totalTalk,
    KPI.blindTransferred,
    KPI.consultTransferred,
  ],
  filters: ['queueIds', 'mediaTypes'],
  reference: ['queue'],
});
