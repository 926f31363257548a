import type { ConnectionStatus, ConnectionTestResult } from '../../preload/contract/workspace-types';
import {
  DEFAULT_RETRY_POLICY,
  GenesysError,
  PermissionError,
  createGenesysClient,
  type GenesysClient,
  type GenesysClientDeps,
  type SecretStore,
} from '../genesys';
import { accessTokenKey, clientSecretKey } from '../genesys/secret-store';
import { authSettings, type ConnectionStore } from './connection-store';
import { DEMO_CONNECTION_ID } from './connections';
import type { DemoOrg } from './demo-org';
import { UserFacingError } from './errors';
import type { NetworkSwitch } from './network-switch';

export interface SessionDeps {
  store: ConnectionStore;
  secrets: SecretStore;
  network: NetworkSwitch;
  demo: DemoOrg;
  /** Opens the system browser for PKCE sign-in (the glue's shell.openExternal). */
  openExternal?: (url: string) => Promise<void>;
}

/**
 * A connection test is someone waiting at the Connections screen: a host that cannot be reached is reported after
 * one retry within seconds, not after the minute of backoff a long run rides out network blips with.
 */
const TEST_CLIENT: Pick<GenesysClientDeps, 'retry' | 'timeoutMs'> = {
  retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, maxTotalMs: 15_000 },
  timeoutMs: 20_000,
};

/** One Genesys client per connection, created on first use, so every run of a connection shares its rate governor. */
export class Sessions {
  private readonly clients = new Map<string, GenesysClient>();

  constructor(private readonly deps: SessionDeps) {}

  async client(connectionId: string): Promise<GenesysClient> {
    if (connectionId === DEMO_CONNECTION_ID) return this.deps.demo.client();
    const existing = this.clients.get(connectionId);
    if (existing) return existing;
    const client = this.create(connectionId);
    this.clients.set(connectionId, client);
    return client;
  }

  /** A client of its own, with `extra` settings; throws when the connection is gone. */
  private create(connectionId: string, extra: Partial<GenesysClientDeps> = {}): GenesysClient {
    const stored = this.deps.store.get(connectionId);
    if (!stored) throw new UserFacingError('not-found', 'That connection no longer exists.');
    return createGenesysClient(
      { id: stored.id, environment: stored.environment, auth: authSettings(stored) },
      {
        secrets: this.deps.secrets,
        fetch: this.deps.network.wrap(fetch),
        ...(this.deps.openExternal ? { openExternal: this.deps.openExternal } : {}),
        ...extra,
      },
    );
  }

  async status(connectionId: string): Promise<ConnectionStatus> {
    const online = this.deps.network.isOnline();
    if (connectionId === DEMO_CONNECTION_ID) return { online, connectionId, signedIn: true };
    const stored = this.deps.store.get(connectionId);
    if (!stored) return { online, connectionId, signedIn: false };
    const key = stored.method === 'pkce' ? accessTokenKey(connectionId) : clientSecretKey(connectionId);
    return { online, connectionId, signedIn: (await this.deps.secrets.get(key)) !== undefined };
  }

  async signIn(connectionId: string): Promise<ConnectionStatus> {
    this.requireOnline();
    await (await this.client(connectionId)).signIn();
    return this.status(connectionId);
  }

  async signOut(connectionId: string): Promise<ConnectionStatus> {
    if (connectionId !== DEMO_CONNECTION_ID) {
      const client = this.clients.get(connectionId);
      if (client) await client.signOut();
      await this.deps.secrets.delete(accessTokenKey(connectionId));
    }
    return this.status(connectionId);
  }

  /**
   * Signs in if needed, reads the org, and checks the reporting permissions (fact sheet §13) with the smallest
   * details and aggregates queries, so a missing permission is named now rather than in the middle of a run.
   */
  async test(connectionId: string): Promise<ConnectionTestResult> {
    this.requireOnline();
    try {
      const client =
        connectionId === DEMO_CONNECTION_ID ? await this.client(connectionId) : this.create(connectionId, TEST_CLIENT);
      const organization = await client.api.getOrganization();
      const now = Date.now();
      const interval = `${new Date(now - 3600_000).toISOString()}/${new Date(now).toISOString()}`;
      await client.api.queryConversationDetails({ interval, paging: { pageSize: 1, pageNumber: 1 } });
      await client.api.queryConversationAggregates({ interval, metrics: ['nOffered'] });
      return {
        ok: true,
        message: `Connected to ${organization.name ?? 'your organization'}. Reports can be run.`,
        missingPermissions: [],
      };
    } catch (error) {
      if (error instanceof PermissionError) {
        return { ok: false, message: error.message, missingPermissions: [...error.permissions] };
      }
      if (error instanceof GenesysError || error instanceof UserFacingError) {
        return { ok: false, message: error.message, missingPermissions: [] };
      }
      throw error;
    }
  }

  async forget(connectionId: string): Promise<void> {
    this.clients.delete(connectionId);
    await this.deps.secrets.delete(clientSecretKey(connectionId));
    await this.deps.secrets.delete(accessTokenKey(connectionId));
  }

  requireOnline(): void {
    if (!this.deps.network.isOnline()) {
      throw new UserFacingError('offline', 'You are offline. Connect to the internet and try again.');
    }
  }
}
