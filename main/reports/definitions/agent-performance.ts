import { aggregateReport } from '../aggregate/aggregate-report';
import { KPI } from '../aggregate/kpis';

/**
 * Agent performance (fact sheet §7, the "Agent Performance" columns): per agent and interval, what they
 * answered and handled and how long it took. Aggregates grouped by user and media (and by queue, for the
 * queue filter: only the agent's work on those queues).
 */
export const agentPerformance = aggregateReport({
  id: 'agent-performance',
  name: 'Agent performance',
  description: 'How many interactions each agent answered and handled, with talk, hold, wrap-up and handle times.',
  subject: {
    dimension: 'userId',
    kind: 'user',
    name: { id: 'agent', header: 'Agent', description: 'The agent, by name (people who have left keep their name).' },
    id: { id: 'userId', header: 'Agent ID' },
  },
  kpis: [
    KPI.answered,
    KPI.handled,
    KPI.aht,
    KPI.avgTalk,
    KPI.avgHold,
    KPI.avgAcw,
    KPI.transferred,
    KPI.notResponding,
    KPI.totalHandle,
    KPI.totalTalk,
    KPI.holds,
    KPI.avgAlert,
    KPI.outbound,
    KPI.blindTransferred,
    KPI.consultTransferred,
  ],
  filters: ['userIds', 'queueIds', 'mediaTypes'],
  reference: ['user', 'queue'],
});
