/**
 * The analytics engine of the Genesys Cloud simulator: answers the analytics
 * endpoints from an OrgDataset. Every notion of time comes from
 * `dataset.settings.now()`, so tests drive job states and live data with an
 * injected clock. Invalid queries throw SimulatorError(400, …) naming the field.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { type AnalyticsEngine, type OrgDataset, SimulatorError, type SimulatorLimits } from '../model';
import { activeConversationsFor } from './active-conversations';
import { Aggregator } from './aggregates';
import { DetailsQuery } from './details-query';
import { factsOf } from './facts';
import { iso } from './interval';
import { DetailJobs, dataAvailabilityMs } from './jobs';
import { QueueObservations } from './observations';
import { withoutAttributes } from './shapes';

/** Extra controls for the server's fault injection, beyond the AnalyticsEngine contract. */
export interface SimulatorAnalyticsEngine extends AnalyticsEngine {
  /** Makes a job report FAILED with `errorMessage` from now on (404 for an unknown job). */
  failJob(jobId: string, errorMessage: string): void;
}

export function createAnalyticsEngine(dataset: OrgDataset, limits: SimulatorLimits): SimulatorAnalyticsEngine {
  const details = new DetailsQuery(dataset, limits);
  const aggregates = new Aggregator(dataset);
  const observations = new QueueObservations(dataset);
  const jobs = new DetailJobs(dataset, limits);

  return {
    detailsQuery: (query) => details.run(query),
    conversationDetails(conversationId: string): Models.AnalyticsConversationWithoutAttributes {
      const conversation = dataset.conversationById(conversationId);
      // A conversation that has not started yet at now() does not exist yet.
      if (!conversation || !(factsOf(conversation).startMs <= dataset.settings.now())) {
        throw new SimulatorError(404, 'not.found', `Conversation ${conversationId} not found`);
      }
      return withoutAttributes(conversation);
    },
    aggregatesQuery: (query) => aggregates.run(query),
    queueObservations: (query) => observations.run(query),
    submitJob: (query) => jobs.submit(query),
    jobStatus: (jobId) => jobs.status(jobId),
    jobResults: (jobId, cursor, pageSize) => jobs.results(jobId, cursor, pageSize),
    deleteJob: (jobId) => jobs.delete(jobId),
    failJob: (jobId, errorMessage) => jobs.fail(jobId, errorMessage),
    dataAvailability: () => ({ dataAvailabilityDate: iso(dataAvailabilityMs(dataset.settings.now(), limits)) }),
    activeConversationsFor: (userId) => activeConversationsFor(dataset, userId),
  };
}
