import type { ColumnFormat } from '../../../preload/contract/reports';
import type { DefinedColumn } from '../types';
import { ratio, type MetricSums } from './metric-sums';

/**
 * The supervisor KPIs of fact sheet §7, each a column that computes itself from summed aggregate stats and
 * names the metrics it needs (the query asks for exactly those). Counts total as sums; averages and
 * percentages total as their ratio recomputed from the summed parts.
 */
export interface KpiColumn extends DefinedColumn {
  metrics: readonly string[];
  value: (sums: MetricSums) => number | null;
}

interface KpiSpec {
  header: string;
  description: string;
  visible?: boolean;
}

function kpi(
  id: string,
  format: ColumnFormat,
  total: 'sum' | 'ratio',
  metrics: readonly string[],
  value: (sums: MetricSums) => number | null,
  spec: KpiSpec,
): KpiColumn {
  return {
    id,
    header: spec.header,
    description: spec.description,
    format,
    defaultVisible: spec.visible ?? true,
    sortable: true,
    filter: 'number',
    total,
    metrics,
    value,
  };
}

const count = (id: string, metric: string, spec: KpiSpec): KpiColumn =>
  kpi(id, 'count', 'sum', [metric], (sums) => sums.count(metric), spec);
const average = (id: string, metric: string, spec: KpiSpec): KpiColumn =>
  kpi(id, 'duration', 'ratio', [metric], (sums) => sums.average(metric), spec);
const totalTime = (id: string, metric: string, spec: KpiSpec): KpiColumn =>
  kpi(id, 'duration', 'sum', [metric], (sums) => sums.sum(metric), spec);
const share = (id: string, part: string, whole: string, spec: KpiSpec): KpiColumn =>
  kpi(id, 'percent', 'ratio', [part, whole], (sums) => ratio(sums.count(part), sums.count(whole)), spec);

export const KPI = {
  offered: count('offered', 'nOffered', {
    header: 'Offered',
    description: 'Interactions routed into the queue: answered, abandoned or flowed out (nOffered).',
  }),
  answered: count('answered', 'tAnswered', {
    header: 'Answered',
    description: 'Interactions an agent answered (count of tAnswered).',
  }),
  abandoned: count('abandoned', 'tAbandon', {
    header: 'Abandoned',
    description: 'Interactions that left the queue before an agent answered (count of tAbandon).',
  }),
  shortAbandoned: count('shortAbandoned', 'tShortAbandon', {
    header: 'Short abandons',
    description: 'Abandons within the short-abandon threshold (count of tShortAbandon).',
    visible: false,
  }),
  flowOuts: count('flowOuts', 'tFlowOut', {
    header: 'Flow-outs',
    description: 'Interactions that left the queue to a flow, voicemail or callback (count of tFlowOut).',
    visible: false,
  }),
  answerRate: share('answerRate', 'tAnswered', 'nOffered', {
    header: 'Answer %',
    description: 'Answered ÷ Offered.',
    visible: false,
  }),
  abandonRate: share('abandonRate', 'tAbandon', 'nOffered', {
    header: 'Abandon %',
    description: 'Abandoned ÷ Offered.',
  }),
  serviceLevel: kpi(
    'serviceLevel',
    'percent',
    'ratio',
    ['oServiceLevel'],
    (sums) => ratio(sums.serviceLevelNumerator, sums.serviceLevelDenominator),
    {
      header: 'Service level %',
      description:
        "Answered within the queue's target ÷ the interactions it counts (Genesys oServiceLevel numerator ÷ denominator).",
    },
  ),
  asa: average('asa', 'tAnswered', {
    header: 'ASA',
    description: 'Average speed of answer: time in queue before an agent answered (tAnswered sum ÷ count).',
  }),
  avgWait: average('avgWait', 'tAcd', {
    header: 'Avg wait',
    description: 'Average time in queue, answered or not (tAcd sum ÷ count).',
    visible: false,
  }),
  avgAbandon: average('avgAbandon', 'tAbandon', {
    header: 'Avg abandon time',
    description: 'Average time in queue before the customer hung up (tAbandon sum ÷ count).',
    visible: false,
  }),
  overSla: count('overSla', 'nOverSla', {
    header: 'Answered over target',
    description: "Interactions answered later than the queue's service-level target (nOverSla).",
    visible: false,
  }),
  handled: count('handled', 'tHandle', {
    header: 'Handled',
    description: 'Interactions an agent handled to the end of after-call work (count of tHandle).',
  }),
  aht: average('aht', 'tHandle', {
    header: 'AHT',
    description: 'Average handle time: talk + hold + after-call work (tHandle sum ÷ count).',
  }),
  avgTalk: average('avgTalk', 'tTalk', {
    header: 'Avg talk',
    description: 'Average talk time of interactions with talk (tTalk sum ÷ count).',
  }),
  avgHold: average('avgHold', 'tHeld', {
    header: 'Avg hold',
    description: 'Average hold time of interactions that were put on hold (tHeld sum ÷ count).',
  }),
  avgAcw: average('avgAcw', 'tAcw', {
    header: 'Avg ACW',
    description: 'Average after-call work (wrap-up) time (tAcw sum ÷ count).',
  }),
  holds: count('holds', 'tHeld', {
    header: 'Held',
    description: 'Interactions put on hold at least once (count of tHeld).',
    visible: false,
  }),
  totalHandle: totalTime('totalHandle', 'tHandle', {
    header: 'Total handle',
    description: 'All handle time added up (tHandle sum).',
    visible: false,
  }),
  totalTalk: totalTime('totalTalk', 'tTalk', {
    header: 'Total talk',
    description: 'All talk time added up (tTalk sum).',
    visible: false,
  }),
  transferred: count('transferred', 'nTransferred', {
    header: 'Transferred',
    description: 'Transfers by agents, blind or consult (nTransferred).',
  }),
  blindTransferred: count('blindTransferred', 'nBlindTransferred', {
    header: 'Blind transfers',
    description: 'Transfers without talking to the next party first (nBlindTransferred).',
    visible: false,
  }),
  consultTransferred: count('consultTransferred', 'nConsultTransferred', {
    header: 'Consult transfers',
    description: 'Transfers after a consultation (nConsultTransferred).',
    visible: false,
  }),
  avgAlert: average('avgAlert', 'tAlert', {
    header: 'Avg alert',
    description: 'Average time an offer rang before the agent answered or missed it (tAlert sum ÷ count).',
    visible: false,
  }),
  notResponding: count('notResponding', 'tNotResponding', {
    header: 'Not responding',
    description: 'Offers the agent let ring out (count of tNotResponding).',
  }),
  outbound: count('outbound', 'nOutbound', {
    header: 'Outbound',
    description: 'Outbound interactions the agent placed (nOutbound).',
    visible: false,
  }),
} as const satisfies Record<string, KpiColumn>;

/** The metrics a set of KPIs reads, each once, in a stable order (the query key depends on it). */
export function metricsOf(kpis: readonly KpiColumn[]): string[] {
  return [...new Set(kpis.flatMap((column) => column.metrics))].sort();
}
