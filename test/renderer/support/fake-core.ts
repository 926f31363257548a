import type { Settings } from '../../../preload/contract/types';
import type { SavedReport } from '../../../preload/contract/workspace-types';
import { installFakeBridge, type FakeHandlers } from '../fake-bridge';
import { AGENTS, QUEUES, REPORTS } from './reports';

export const DEMO = {
  id: 'demo',
  name: 'Demo organization',
  kind: 'demo' as const,
  regionLabel: 'Built-in simulator (this computer)',
  description: 'Sample data',
  isDefault: true,
};

/**
 * A fake core answering the workspace's start-up calls from the fixtures, so each test only writes the
 * handlers it is about. Settings default to a fixed zone so dates do not depend on the test machine.
 */
export function installWorkspaceCore(overrides: FakeHandlers = {}, settings: Partial<Settings> = {}) {
  let current: Settings = {
    timeZone: 'Europe/London',
    durationFormat: 'hms',
    csvDelimiter: ',',
    connectionId: 'demo',
    ...settings,
  };
  let saved: SavedReport[] = [];
  return installFakeBridge({
    'app/info': () => ({
      name: 'ReportDesk',
      version: '1.0.0',
      dataDir: '/data',
      cacheBytes: 2_000_000,
      platform: 'linux x64',
      runtime: 'Node',
      notices: [],
    }),
    'settings/get': () => current,
    'settings/update': (change) => (current = { ...current, ...(change as Partial<Settings>) }),
    'connections/list': () => [DEMO],
    'connections/status': () => ({ online: true, connectionId: 'demo', signedIn: true }),
    'reports/list': () => REPORTS,
    'reference/list': (input) => {
      const { kind } = input as { kind: string };
      return kind === 'queue' ? QUEUES : kind === 'user' ? AGENTS : [];
    },
    'reports/request': () => '{ "interval": "…" }',
    'saved/list': () => saved,
    'saved/save': (input) => {
      const body = input as Omit<SavedReport, 'createdAt' | 'updatedAt' | 'lastRun' | 'id'> & { id?: string };
      const item: SavedReport = {
        ...body,
        id: body.id ?? `saved-${saved.length + 1}`,
        createdAt: 1,
        updatedAt: 1,
        lastRun: null,
      };
      saved = [...saved.filter((entry) => entry.id !== item.id), item];
      return item;
    },
    ...overrides,
  });
}
