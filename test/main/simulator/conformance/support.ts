/**
 * The conformance suite's harness: the official SDK, pointed at a simulator
 * built from the REAL generator and engine (no fakes), exactly as the app will
 * be. Each test file starts its own simulator; vitest runs files in separate
 * workers, so the SDK's process-wide `ApiClient.instance` is one per file.
 */
import platformClient, { type Models } from 'purecloud-platform-client-v2';
import type { SimulatorSettings } from '../../../../main/simulator/model';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../../main/simulator/server/index';

/** Friday 20 November 2026, 15:30 UTC: mid-morning in Chicago, so some conversations are in progress. */
export const NOW = Date.parse('2026-11-20T15:30:00.000Z');
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type SdkClient = typeof platformClient.ApiClient.instance;

export interface Conformance {
  readonly sim: RunningSimulator;
  readonly client: SdkClient;
  readonly analytics: InstanceType<typeof platformClient.AnalyticsApi>;
  readonly routing: InstanceType<typeof platformClient.RoutingApi>;
  readonly users: InstanceType<typeof platformClient.UsersApi>;
  readonly conversations: InstanceType<typeof platformClient.ConversationsApi>;
  readonly authorization: InstanceType<typeof platformClient.AuthorizationApi>;
  readonly organization: InstanceType<typeof platformClient.OrganizationApi>;
  /** The dataset's "now": what is in progress, job states, data availability. */
  now(): number;
  setNow(ms: number): void;
  /** Signs the SDK in with the default client-credentials client again. */
  signInAsClient(): Promise<void>;
  close(): Promise<void>;
}

export interface ConformanceOptions extends Partial<Omit<SimulatorOptions, 'settings'>> {
  settings?: Partial<Omit<SimulatorSettings, 'now'>>;
  now?: number;
}

/**
 * Starts the simulator and signs the SDK in with client credentials.
 * Unless a test is about the rate limit, the limit is lifted: the suite makes
 * more than 300 calls a minute on one token and is not testing that here.
 */
export async function startConformance(options: ConformanceOptions = {}): Promise<Conformance> {
  const { settings, now: start = NOW, limits, ...rest } = options;
  let now = start;
  const sim = await startSimulator({
    port: 0,
    settings: {
      seed: 'conformance',
      perDay: 1000,
      daysBack: 90,
      timeZone: 'America/Chicago',
      ...settings,
      now: () => now,
    },
    limits: { requestsPerMinute: 1_000_000, ...limits },
    ...rest,
  });
  const client = platformClient.ApiClient.instance;
  // The SDK watches ~/.genesyscloudjavascript/config and resets the gateway when it changes (toolchain §7).
  client.config.live_reload_config = false;
  // No path params: the simulator serves /oauth/* and /api/v2/* on one origin (fact sheet §1.3).
  client.setGateway({ protocol: 'http', host: '127.0.0.1', port: sim.port });
  const signInAsClient = async () => {
    await client.loginClientCredentialsGrant(sim.clientId, sim.clientSecret);
  };
  await signInAsClient();
  return {
    sim,
    client,
    analytics: new platformClient.AnalyticsApi(),
    routing: new platformClient.RoutingApi(),
    users: new platformClient.UsersApi(),
    conversations: new platformClient.ConversationsApi(),
    authorization: new platformClient.AuthorizationApi(),
    organization: new platformClient.OrganizationApi(),
    now: () => now,
    setNow: (ms) => {
      now = ms;
    },
    signInAsClient,
    close: () => sim.close(),
  };
}

/** What the SDK rejects with on a non-2xx answer: the server's JSON body as is (an ErrorBody for /api/v2). */
export async function rejection(promise: Promise<unknown>): Promise<Models.ErrorBody> {
  try {
    await promise;
  } catch (error) {
    return error as Models.ErrorBody;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export function utcDay(date: string): { startMs: number; endMs: number; interval: string } {
  const startMs = Date.parse(`${date}T00:00:00.000Z`);
  const endMs = startMs + DAY_MS;
  return { startMs, endMs, interval: `${new Date(startMs).toISOString()}/${new Date(endMs).toISOString()}` };
}

export interface DetailPages {
  readonly conversations: Models.AnalyticsConversationWithoutAttributes[];
  readonly pageSizes: number[];
  /** totalHits of every page; it must not drift on an interval in the past. */
  readonly totalHits: number[];
}

/** Pages a details query to the end the way the fact sheet says clients must: until `conversations` is missing. */
export async function allDetailPages(
  analytics: Conformance['analytics'],
  query: Models.ConversationQuery,
  pageSize = 100,
): Promise<DetailPages> {
  const conversations: Models.AnalyticsConversationWithoutAttributes[] = [];
  const pageSizes: number[] = [];
  const totalHits: number[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page: Models.AnalyticsConversationQueryResponse = await analytics.postAnalyticsConversationsDetailsQuery({
      ...query,
      paging: { pageSize, pageNumber },
    });
    totalHits.push(page.totalHits ?? Number.NaN);
    if (!page.conversations) break;
    pageSizes.push(page.conversations.length);
    conversations.push(...page.conversations);
  }
  return { conversations, pageSizes, totalHits };
}

export type Session = Models.AnalyticsSession;
export type Participant = Models.AnalyticsParticipantWithoutAttributes;

export interface SessionRef {
  readonly conversation: Models.AnalyticsConversationWithoutAttributes;
  readonly participant: Participant;
  readonly session: Session;
}

export function* sessionsOf(
  conversations: Iterable<Models.AnalyticsConversationWithoutAttributes>,
): Generator<SessionRef> {
  for (const conversation of conversations) {
    for (const participant of conversation.participants ?? []) {
      for (const session of participant.sessions ?? []) yield { conversation, participant, session };
    }
  }
}

/** The queue a session works for: the first of its segments that names one. */
export function queueOfSession(session: Session): string | undefined {
  return session.segments?.find((segment) => segment.queueId)?.queueId;
}
