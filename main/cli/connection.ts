import { createHash } from 'node:crypto';
import { MemorySecretStore, clientSecretKey, createGenesysClient, type GenesysClient } from '../genesys';
import { DEMO_CONNECTION_ID } from '../core/connections';
import type { DemoOrg } from '../core/demo-org';
import { UsageError } from './args';

export interface CliConnection {
  connectionId: string;
  /** Created on first use only, so `--offline` never starts a client (nor the Demo simulator). */
  client: () => Promise<GenesysClient>;
  close: () => Promise<void>;
}

/**
 * `--demo`, or an org from GENESYS_ENVIRONMENT / GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET. The connection id is
 * derived from environment and client id so repeated runs (and --offline) find the same cached data.
 */
export function cliConnection(demo: boolean, env: NodeJS.ProcessEnv, offline: boolean): CliConnection {
  if (demo) {
    // The simulator is loaded only when the network is used: --offline never starts (or imports) it.
    let org: DemoOrg | undefined;
    return {
      connectionId: DEMO_CONNECTION_ID,
      client: async () => {
        org ??= new (await import('../core/demo-org')).DemoOrg();
        return org.client();
      },
      close: () => org?.close() ?? Promise.resolve(),
    };
  }
  const environment = env.GENESYS_ENVIRONMENT?.trim();
  const clientId = env.GENESYS_CLIENT_ID?.trim();
  const secret = env.GENESYS_CLIENT_SECRET;
  if (!environment || !clientId) {
    throw new UsageError(
      'Set GENESYS_ENVIRONMENT (e.g. mypurecloud.ie) and GENESYS_CLIENT_ID' +
        (offline ? '' : ' and GENESYS_CLIENT_SECRET') +
        ', or use --demo for the built-in Demo organization.',
    );
  }
  if (!secret && !offline) throw new UsageError('Set GENESYS_CLIENT_SECRET (the OAuth client’s secret).');
  const connectionId = `cli-${createHash('sha256').update(`${environment}\n${clientId}`).digest('hex').slice(0, 16)}`;
  let client: GenesysClient | undefined;
  return {
    connectionId,
    client: async () => {
      if (!client) {
        const secrets = new MemorySecretStore();
        await secrets.set(clientSecretKey(connectionId), secret ?? '');
        client = createGenesysClient(
          { id: connectionId, environment, auth: { kind: 'client-credentials', clientId } },
          { secrets },
        );
      }
      return client;
    },
    close: () => Promise.resolve(),
  };
}
