import type { ReportParams } from '../../preload/contract/report-params';
import type { ReportDefinition } from '../reports';
import { OBSERVATION_METRICS } from '../reports/live/queue-observations';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The requests a run sends to Genesys, as an admin would write them in the API Explorer: what "Show request"
 * displays so a number can be checked against Genesys's own tools. Intervals are shown whole; the sync engine
 * splits them into pieces Genesys accepts (7-day details intervals, jobs for older data).
 */
export function genesysRequestText(definition: ReportDefinition, params: ReportParams): string {
  if (definition.kind === 'live') {
    const queues = params.filters.queueIds?.length ? params.filters.queueIds : ['…every queue…'];
    return block('POST /api/v2/analytics/queues/observations/query (one request per 100 queues)', {
      filter: { type: 'or', predicates: queues.map((value) => ({ dimension: 'queueId', value })) },
      metrics: [...OBSERVATION_METRICS],
    });
  }
  const spec = definition.plan(params);
  const interval = `${iso(spec.start)}/${iso(spec.end)}`;
  const parts: string[] = [];
  if (spec.details) {
    parts.push(
      block(
        'POST /api/v2/analytics/conversations/details/query (recent days; older days go through POST /api/v2/analytics/conversations/details/jobs with the same body)',
        { interval, order: 'asc', orderBy: 'conversationStart', paging: { pageSize: 100, pageNumber: 1 } },
      ),
    );
  }
  for (const query of spec.aggregates) {
    parts.push(block('POST /api/v2/analytics/conversations/aggregates/query', { interval, ...query }));
  }
  if (spec.reference.length > 0) {
    parts.push(`Names come from the cached lists of: ${spec.reference.join(', ')}.`);
  }
  parts.push('Filters you chose are applied to the downloaded data on this computer, so one download serves them all.');
  return parts.join('\n\n');
}

function block(title: string, body: unknown): string {
  return `${title}\n${JSON.stringify(body, null, 2)}`;
}
