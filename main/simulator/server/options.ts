import {
  DEFAULT_LIMITS,
  type AnalyticsEngine,
  type OrgDataset,
  type SimulatorLimits,
  type SimulatorSettings,
} from '../model';

export type Grant = 'client_credentials' | 'authorization_code';

/** An OAuth client as an org admin would register it. A client without a secret is public (PKCE). */
export interface SimulatorClient {
  clientId: string;
  clientSecret?: string;
  name: string;
  grants: Grant[];
  redirectUris: string[];
  /**
   * Client credentials: the permissions its role–division pairs grant.
   * Code grants: a cap on what the signed-in user's token may do (like scopes).
   */
  permissions: string[];
}

/** Someone who can sign in on the simulated login page. */
export interface SimulatorUser {
  username: string;
  password: string;
  /** A dataset user id; by default the n-th active user of the dataset. */
  userId?: string;
  permissions: string[];
}

/** Probability per API request, 0..1. `429`, `5xx`, `reset` and `truncate` are exclusive; `slow` combines with them. */
export interface FaultRates {
  '429': number;
  '5xx': number;
  reset: number;
  slow: number;
  truncate: number;
}

export interface FaultSettings extends FaultRates {
  /** Delay of a slow response, in ms. */
  slowMs: number;
  /** Seed of the fault PRNG; defaults to the dataset seed so one seed reproduces a whole run. */
  seed: string;
}

export interface SimulatorOptions {
  /** 0 picks a free port. The server only ever binds 127.0.0.1. */
  port: number;
  settings: Partial<SimulatorSettings>;
  limits: Partial<SimulatorLimits>;
  faults: Partial<FaultSettings>;
  clients: SimulatorClient[];
  users: SimulatorUser[];
  dataset: OrgDataset;
  engine: AnalyticsEngine;
  /** Wall clock for tokens, codes and rate limits (not the dataset's "now"); injectable for tests. */
  clock: () => number;
  /** Largest pageSize the classic paged reference endpoints accept. */
  referenceMaxPageSize: number;
}

export const READ_PERMISSIONS: readonly string[] = [
  'analytics:conversationDetail:view',
  'analytics:conversationAggregate:view',
  'analytics:queueObservation:view',
  'analytics:userObservation:view',
  'routing:queue:view',
  'routing:wrapupCode:view',
  'directory:user:view',
  'authorization:division:view',
];

export const DEFAULT_SETTINGS: Omit<SimulatorSettings, 'now'> = {
  seed: 'reportdesk-demo',
  perDay: 2000,
  daysBack: 400,
  timeZone: 'America/Chicago',
};

export const DEFAULT_CLIENT_ID = 'reportdesk-sim-client';
export const DEFAULT_CLIENT_SECRET = 'reportdesk-sim-secret';
export const DEFAULT_PKCE_CLIENT_ID = 'reportdesk-sim-pkce';

export const DEFAULT_CLIENTS: readonly SimulatorClient[] = [
  {
    clientId: DEFAULT_CLIENT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
    name: 'ReportDesk service (client credentials)',
    grants: ['client_credentials'],
    redirectUris: [],
    permissions: [...READ_PERMISSIONS],
  },
  {
    clientId: DEFAULT_PKCE_CLIENT_ID,
    name: 'ReportDesk desktop (PKCE)',
    grants: ['authorization_code'],
    // No port and no path: any loopback port and path (RFC 8252 §7.3).
    redirectUris: ['http://127.0.0.1'],
    permissions: [...READ_PERMISSIONS],
  },
];

export const DEMO_USERNAME = 'demo@reportdesk.example';
export const DEMO_PASSWORD = 'demo';

export const DEFAULT_USERS: readonly SimulatorUser[] = [
  { username: DEMO_USERNAME, password: DEMO_PASSWORD, permissions: [...READ_PERMISSIONS] },
  // Signs in fine but holds no permissions: shows the 403 paths by hand.
  { username: 'noaccess@reportdesk.example', password: DEMO_PASSWORD, permissions: [] },
];

export const DEFAULT_FAULTS: FaultSettings = {
  '429': 0,
  '5xx': 0,
  reset: 0,
  slow: 0,
  truncate: 0,
  slowMs: 3000,
  seed: DEFAULT_SETTINGS.seed,
};

export const DEFAULT_REFERENCE_MAX_PAGE_SIZE = 100;

export function resolveSettings(partial: Partial<SimulatorSettings> = {}): SimulatorSettings {
  return { ...DEFAULT_SETTINGS, now: Date.now, ...partial };
}

export function resolveLimits(partial: Partial<SimulatorLimits> = {}): SimulatorLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}
