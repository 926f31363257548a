import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { ConnectionSummary } from '../../preload/contract/types';
import { UnknownRegionError, resolveEnvironment, type GenesysAuthSettings } from '../genesys';
import { DEMO_CONNECTION, DEMO_CONNECTION_ID } from './connections';
import { UserFacingError } from './errors';
import { readJsonFile, writeJsonFile } from './json-file';

/** A Genesys Cloud org the user added. The client secret is not here: it lives in the OS keychain only. */
export interface StoredConnection {
  id: string;
  name: string;
  environment: string;
  method: 'pkce' | 'client-credentials';
  clientId: string;
}

const storedSchema = z.array(
  z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    environment: z.string().min(1),
    method: z.enum(['pkce', 'client-credentials']),
    clientId: z.string().min(1),
  }),
);

export type NewConnection = Omit<StoredConnection, 'id'>;

/** connections.json in the data folder: the user's orgs; the Demo organization is built in, never stored. */
export class ConnectionStore {
  private readonly path: string;
  private items: StoredConnection[];

  constructor(dataDir: string) {
    this.path = join(dataDir, 'connections.json');
    const parsed = storedSchema.safeParse(readJsonFile(this.path));
    this.items = parsed.success ? parsed.data : [];
  }

  list(): ConnectionSummary[] {
    return [{ ...DEMO_CONNECTION }, ...this.items.map(summarise)];
  }

  get(id: string): StoredConnection | undefined {
    return this.items.find((item) => item.id === id);
  }

  exists(id: string): boolean {
    return id === DEMO_CONNECTION_ID || this.get(id) !== undefined;
  }

  /** Checks the region before saving, so a typo is caught in the form rather than at the first run. */
  add(input: NewConnection): StoredConnection {
    try {
      resolveEnvironment(input.environment);
    } catch (error) {
      // The region check says what is wrong ("needs its scheme", "plain http is only for this computer"…) and
      // quotes the input short and printable (it could be a pasted secret); a blanket "not a region" hid that.
      if (!(error instanceof UnknownRegionError)) throw error;
      throw new UserFacingError('bad-input', error.message, 'environment');
    }
    const item: StoredConnection = { ...input, id: `org-${randomUUID()}` };
    this.items = [...this.items, item];
    writeJsonFile(this.path, this.items);
    return item;
  }

  remove(id: string): void {
    if (id === DEMO_CONNECTION_ID) {
      throw new UserFacingError('bad-input', 'The Demo organization is built in and cannot be removed.');
    }
    if (!this.get(id)) throw new UserFacingError('not-found', 'That connection no longer exists.');
    this.items = this.items.filter((item) => item.id !== id);
    writeJsonFile(this.path, this.items);
  }
}

export function authSettings(connection: StoredConnection): GenesysAuthSettings {
  return connection.method === 'pkce'
    ? { kind: 'pkce', clientId: connection.clientId }
    : { kind: 'client-credentials', clientId: connection.clientId };
}

function summarise(item: StoredConnection): ConnectionSummary {
  const label = resolveEnvironment(item.environment).label;
  return {
    id: item.id,
    name: item.name,
    kind: 'genesys',
    regionLabel: label,
    description:
      item.method === 'pkce'
        ? 'Signs in with your Genesys Cloud account in the browser.'
        : 'Uses an OAuth client (client credentials) set up by an admin.',
    isDefault: false,
  };
}
