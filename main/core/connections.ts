import type { ConnectionSummary } from '../../preload/contract/types';

export const DEMO_CONNECTION_ID = 'demo';

/**
 * The built-in Demo organization: always present, needs no account, and is
 * what a first start opens. Its data comes from the local Genesys Cloud
 * simulator.
 */
export const DEMO_CONNECTION: ConnectionSummary = {
  id: DEMO_CONNECTION_ID,
  name: 'Demo organization',
  kind: 'demo',
  regionLabel: 'Built-in simulator (this computer)',
  description: 'A realistic sample contact centre you can explore without a Genesys Cloud account.',
  isDefault: true,
};

export class ConnectionRegistry {
  list(): ConnectionSummary[] {
    return [{ ...DEMO_CONNECTION }];
  }
}
