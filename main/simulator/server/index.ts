import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnalyticsEngine, OrgDataset, SimulatorLimits, SimulatorSettings } from '../model';
import { AuthCodeStore } from './auth-codes';
import { resolveBackend } from './backend';
import { FaultInjector } from './faults';
import { createHandler } from './handler';
import { AuthorizeFlow } from './oauth-authorize';
import type { OAuthContext, SignInUser } from './oauth-context';
import {
  DEFAULT_CLIENTS,
  DEFAULT_REFERENCE_MAX_PAGE_SIZE,
  DEFAULT_USERS,
  DEMO_PASSWORD,
  DEMO_USERNAME,
  resolveLimits,
  resolveSettings,
  type FaultRates,
  type SimulatorOptions,
  type SimulatorUser,
} from './options';
import { SlidingWindowLimiter } from './rate-limiter';
import { RequestLog, type RequestRecord } from './request-log';
import { analyticsRoutes } from './routes-analytics';
import { meRoutes } from './routes-me';
import { referenceRoutes } from './routes-reference';
import { TokenStore } from './tokens';

export type { FaultRates, FaultSettings, Grant, SimulatorClient, SimulatorOptions, SimulatorUser } from './options';
export type { RequestRecord } from './request-log';
export type { FaultKind } from './faults';
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PKCE_CLIENT_ID,
  DEMO_PASSWORD,
  DEMO_USERNAME,
} from './options';

export interface RunningSimulator {
  /** http://127.0.0.1:PORT — serves /oauth/* and /api/v2/* alike. */
  readonly baseUrl: string;
  readonly port: number;
  /** The first confidential client-credentials client ('' if none is configured). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** The first public authorization-code (PKCE) client ('' if none is configured). */
  readonly pkceClientId: string;
  /** Who can sign in on /oauth/authorize, with the dataset user each one is. */
  readonly users: readonly (SimulatorUser & { userId: string })[];
  readonly settings: SimulatorSettings;
  readonly limits: SimulatorLimits;
  readonly dataset: OrgDataset;
  readonly engine: AnalyticsEngine;
  readonly requests: { list(): RequestRecord[]; clear(): void };
  /** Sets exactly these fault rates (kinds not given become 0); the seeded sequence continues. */
  setFaults(rates: Partial<FaultRates>): void;
  revokeAllTokens(): void;
  /** Every token issued so far expires now; new sign-ins still work. */
  expireAllTokens(): void;
  close(): Promise<void>;
}

export async function startSimulator(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  // An injected dataset brings its own settings; reporting others would be a lie.
  const settings = options.dataset?.settings ?? resolveSettings(options.settings);
  const limits = resolveLimits(options.limits);
  checkLimits(limits);
  const clock = options.clock ?? Date.now;
  const { dataset, engine } = await resolveBackend(options, settings, limits);
  const clients = (options.clients ?? DEFAULT_CLIENTS).map((client) => ({ ...client }));
  const users = assignUserIds(options.users ?? DEFAULT_USERS, dataset);

  const tokens = new TokenStore(clock, () => limits.tokenTtlSeconds);
  const oauth: OAuthContext = {
    clients: new Map(clients.map((client) => [client.clientId, client])),
    users,
    tokens,
    codes: new AuthCodeStore(clock),
    clock,
    tokenTtlSeconds: () => limits.tokenTtlSeconds,
    ...(users.some((user) => user.username === DEMO_USERNAME && user.password === DEMO_PASSWORD)
      ? { signInHint: `Demo user: ${DEMO_USERNAME} / ${DEMO_PASSWORD}` }
      : {}),
  };
  const faults = new FaultInjector({ seed: settings.seed, ...options.faults });
  const log = new RequestLog();
  const routes = [
    ...analyticsRoutes(engine),
    ...referenceRoutes(dataset, options.referenceMaxPageSize ?? DEFAULT_REFERENCE_MAX_PAGE_SIZE),
    ...meRoutes(dataset, engine),
  ];
  const server = createServer(
    createHandler({
      api: { routes, tokens, limiter: new SlidingWindowLimiter(limits.requestsPerMinute, clock) },
      oauth,
      authorize: new AuthorizeFlow(oauth),
      faults,
      log,
    }),
  );
  const port = await listen(server, options.port ?? 0);
  const confidential = clients.find((c) => c.grants.includes('client_credentials') && c.clientSecret !== undefined);
  const pkce = clients.find((c) => c.grants.includes('authorization_code') && c.clientSecret === undefined);

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    clientId: confidential?.clientId ?? '',
    clientSecret: confidential?.clientSecret ?? '',
    pkceClientId: pkce?.clientId ?? '',
    users,
    settings,
    limits,
    dataset,
    engine,
    requests: { list: () => log.list(), clear: () => log.clear() },
    setFaults: (rates) => faults.set(rates),
    revokeAllTokens: () => tokens.revokeAll(),
    expireAllTokens: () => tokens.expireAll(),
    close: () => closeServer(server),
  };
}

function checkLimits(limits: SimulatorLimits): void {
  if (!Number.isInteger(limits.requestsPerMinute) || limits.requestsPerMinute < 1) {
    throw new Error('limits.requestsPerMinute must be a whole number of at least 1.');
  }
  if (!(limits.tokenTtlSeconds > 0)) throw new Error('limits.tokenTtlSeconds must be more than 0.');
}

/** Users without a userId become the dataset's active users in order, so the demo user is a real agent. */
function assignUserIds(users: readonly SimulatorUser[], dataset: OrgDataset): SignInUser[] {
  const active = dataset.users.filter((user) => (user.state ?? 'active') === 'active' && user.id);
  let next = 0;
  return users.map((user) => {
    const userId = user.userId ?? active[next++ % Math.max(1, active.length)]?.id ?? '';
    return { ...user, permissions: [...user.permissions], userId };
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the simulator must never be reachable from the network.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
