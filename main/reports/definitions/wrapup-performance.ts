import { aggregateReport } from '../aggregate/aggregate-report';
import { KPI } from '../aggregate/kpis';

/**
 * Wrap-up performance: per wrap-up code and interval, how often agents chose it and how long those
 * interactions took. Aggregates grouped by wrap-up code and media (and by queue, for the queue filter).
 */
export const wrapupPerformance = aggregateReport({
  id: 'wrapup-performance',
  name: 'Wrap-up performance',
  description: 'Which outcomes agents recorded and how often, and how long interactions with each outcome took.',
  subject: {
    dimension: 'wrapUpCode',
    kind: 'wrapupCode',
    name: { id: 'wrapUp', header: 'Wrap-up code', description: 'The outcome the agent chose after the interaction.' },
    id: { id: 'wrapUpCodeId', header: 'Wrap-up code ID' },
  },
  kpis: [
    KPI.handled,
    KPI.aht,
    KPI.avgTalk,
    KPI.avgHold,
    KPI.avgAcw,
    KPI.transferred,
    KPI.answered,
    KPI.totalHandle,
    KPI.totalTalk,
    KPI.holds,
  ],
  share: {
    id: 'share',
    header: 'Share of handled',
    description: 'This code’s handled interactions ÷ all handled interactions with a wrap-up in the interval.',
    of: KPI.handled,
  },
  filters: ['wrapupCodeIds', 'queueIds', 'mediaTypes'],
  reference: ['wrapupCode', 'queue'],
});
